package io.workspacebackend.console.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.workspacebackend.client.ServerUnreachableException;
import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.invite.InviteCodes;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.testing.TestHome;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-admin invite never outlives a failed attempt. */
class FirstAdminTest {
  @TempDir Path directory;

  @Test
  void aFailedRegistrationRevokesTheAdminInviteItCreated() throws Exception {
    TestHome home = TestHome.in(directory);
    WorkspaceConfig config = home.config(Map.of());
    // What the server's start prepares before the console asks whether an admin is needed.
    Files.createDirectories(config.paths().dataDir());
    WorkspaceClient nobodyListening = WorkspaceClient.forServer(closedPort());

    assertThatThrownBy(() -> FirstAdmin.of(config).create(nobodyListening, "admin", "secret-pw-1"))
        .isInstanceOf(ServerUnreachableException.class);

    List<Invite> invites =
        new InviteCodes(JdbcAccess.direct(config.paths().dataDir()), Clock.systemUTC()).list();
    assertThat(invites).hasSize(1);
    assertThat(invites.get(0).revoked()).isTrue();
    assertThat(FirstAdmin.of(config).needed()).isTrue();
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
