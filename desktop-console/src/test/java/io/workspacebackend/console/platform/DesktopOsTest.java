package io.workspacebackend.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DesktopOsTest {
  @ParameterizedTest
  @CsvSource({
    "Mac OS X, MAC",
    "Darwin, MAC",
    "Windows 11, WINDOWS",
    "Windows Server 2022, WINDOWS",
    "Linux, LINUX",
    "FreeBSD, LINUX"
  })
  void osNamesMapToTheirDesktopFamily(String osName, DesktopOs expected) {
    assertThat(DesktopOs.of(osName)).isEqualTo(expected);
  }
}
