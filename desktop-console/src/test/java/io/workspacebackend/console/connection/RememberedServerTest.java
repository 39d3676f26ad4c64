package io.workspacebackend.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RememberedServerTest {
  private final Preferences node =
      Preferences.userRoot().node("workspace-backend-test-" + UUID.randomUUID());

  @AfterEach
  void removeNode() throws BackingStoreException {
    node.removeNode();
  }

  @Test
  void nothingIsRememberedAtFirst() {
    assertThat(new RememberedServer(node).lastUrl()).isEmpty();
  }

  @Test
  void aRememberedUrlComesBackNormalised() {
    new RememberedServer(node).remember(URI.create("http://127.0.0.1:8080/"));

    assertThat(new RememberedServer(node).lastUrl()).contains(URI.create("http://127.0.0.1:8080"));
  }

  @Test
  void aTypedHostWithoutSchemeMeansHttp() {
    assertThat(RememberedServer.parse(" example.org:8080 "))
        .isEqualTo(URI.create("http://example.org:8080"));
  }

  @Test
  void otherSchemesAreRefusedWithAReason() {
    assertThatThrownBy(() -> RememberedServer.parse("ftp://example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("use an http:// or https:// address");
  }

  @Test
  void aCorruptStoredValueIsIgnored() {
    node.put("last-server-url", "ftp://nope");

    assertThat(new RememberedServer(node).lastUrl()).isEmpty();
  }
}
