package io.workspacebackend.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardedPathTest {
  private static final String PREFIX = "/sessions/3f0c/files";

  @Test
  void thePrefixIsStrippedAndTheRestPassesUnchanged() {
    assertThat(ForwardedPath.of(PREFIX + "/tree", 3, "path=a%20b&depth=2"))
        .isEqualTo("/tree?path=a%20b&depth=2");
    assertThat(ForwardedPath.of(PREFIX + "/dir/a%20b.txt", 3, null)).isEqualTo("/dir/a%20b.txt");
    assertThat(ForwardedPath.of(PREFIX, 3, null)).isEqualTo("/");
    assertThat(ForwardedPath.of(PREFIX + "/", 3, "")).isEqualTo("/");
  }

  @Test
  void theTokenParameterIsRemovedHoweverItIsSpelled() {
    assertThat(ForwardedPath.withoutToken("a=1&token=x&b=2")).isEqualTo("a=1&b=2");
    assertThat(ForwardedPath.withoutToken("%74oken=x&b=2")).isEqualTo("b=2");
    assertThat(ForwardedPath.withoutToken("token")).isEmpty();
    assertThat(ForwardedPath.withoutToken("tokens=1&a=%2F")).isEqualTo("tokens=1&a=%2F");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/..",
        "/../other",
        "/a/../../x",
        "/.",
        "/%2e%2e/x",
        "/%2E%2E/x",
        "/.%2e/x",
        "/%2e./x",
        "/..%2fx",
        "/a%2f..%2f..%2fx",
        "/..%5cx",
        "/..\\x",
        "/a\\..\\..\\x",
        "/%252e%252e/x",
        "/%252fx",
        "/%25252e%25252e/x",
        "/..;/x",
        "/..;jsessionid=1/x",
        "/%c0%ae%c0%ae/x",
        "/%00/x",
        "/%2",
        "/%zz"
      })
  void everyTraversalEncodingIsRefused(String rest) {
    assertThatThrownBy(() -> ForwardedPath.of(PREFIX + rest, 3, null))
        .isInstanceOf(UnsafePathException.class);
  }

  @Test
  void dotsInsideNamesAreFine() {
    assertThat(ForwardedPath.of(PREFIX + "/a..b/.hidden/x.tar.gz", 3, null))
        .isEqualTo("/a..b/.hidden/x.tar.gz");
  }
}
