package io.workspacebackend.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianMirrorTest {
  @TempDir Path apt;

  @Test
  void theMainArchiveIsReadFromDeb822SourcesSkippingTheSecurityArchive() throws Exception {
    Files.createDirectories(apt.resolve("sources.list.d"));
    Files.writeString(
        apt.resolve("sources.list.d/debian.sources"),
        """
        Types: deb
        URIs: http://mirror.example/debian-security
        Suites: bookworm-security

        Types: deb
        URIs: http://mirror.example/debian
        Suites: bookworm bookworm-updates
        """);

    assertThat(DebianMirror.find(apt)).contains("http://mirror.example/debian");
  }

  @Test
  void oneLineSourcesWithOptionsAreUnderstood() {
    assertThat(
            DebianMirror.archiveIn(
                "# comment\ndeb [arch=amd64 signed-by=/k.gpg] https://mirror.example/debian/ sid main\n"))
        .contains("https://mirror.example/debian/");
  }

  @Test
  void noSourcesMeansNoMirror() throws Exception {
    assertThat(DebianMirror.find(apt)).isEmpty();
  }
}
