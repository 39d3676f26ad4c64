package io.workspacebackend.console.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.workspacebackend.client.ServerUnreachableException;
import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.testing.ConsoleHome;
import io.workspacebackend.launcher.LocalBackend;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.Role;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A fresh local server asks for its first admin until one is made, and a failed attempt leaves it
 * asking (the invite it made is revoked: see the backend's {@code launcher.FirstAdminTest}).
 */
@Timeout(120)
class FirstAdminTest {
  @Test
  void aFreshServerNeedsAnAdminUntilOneIsCreatedAndSignedIn() throws Exception {
    try (ConsoleHome home = ConsoleHome.create(Map.of())) {
      LocalBackend server = home.environment().launcher().start();
      try {
        assertThat(server.firstAdminNeeded()).isTrue();
        WorkspaceClient nobodyListening = WorkspaceClient.forServer(closedPort());
        assertThatThrownBy(
                () -> server.createFirstAdmin(nobodyListening, "admin", "first-admin-pw-1"))
            .isInstanceOf(ServerUnreachableException.class);
        assertThat(server.firstAdminNeeded()).isTrue();

        WorkspaceClient client = WorkspaceClient.forServer(server.baseUri());
        SignedIn admin = server.createFirstAdmin(client, "admin", "first-admin-pw-1");

        assertThat(admin.user().username()).isEqualTo("admin");
        assertThat(admin.user().role()).isEqualTo(Role.ADMIN);
        assertThat(client.me().username()).isEqualTo("admin");
        assertThat(server.firstAdminNeeded()).isFalse();
      } finally {
        server.close();
      }
    }
  }

  /** An address where the connection is refused at once. */
  private static URI closedPort() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port);
  }
}
