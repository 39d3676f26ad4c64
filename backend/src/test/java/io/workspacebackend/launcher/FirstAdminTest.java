package io.workspacebackend.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.workspacebackend.client.ServerUnreachableException;
import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.invite.InviteCodes;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.user.UserAccount;
import io.workspacebackend.user.UserRepository;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first administrator, on a real SQLite file: needed only while nobody has an account. */
class FirstAdminTest {
  @TempDir Path dataDir;

  private InviteCodes invites;
  private UserRepository users;
  private FirstAdmin firstAdmin;

  @BeforeEach
  void openTheDatabase() {
    // What the server's start does once, before the launcher hands out its beans.
    JdbcAccess database = JdbcAccess.direct(dataDir);
    invites = new InviteCodes(database, Clock.systemUTC());
    users = new UserRepository(database);
    firstAdmin = new FirstAdmin(invites, users);
  }

  @Test
  void aFreshDatabaseNeedsAFirstAdmin() {
    assertThat(firstAdmin.needed()).isTrue();
  }

  @Test
  void anyAccountMeansNoFirstAdminIsNeeded() {
    users.insertIfUsernameFree(
        new UserAccount(UUID.randomUUID(), "someone", "hash", Role.USER, true, Instant.now()));

    assertThat(firstAdmin.needed()).isFalse();
  }

  @Test
  void aFailedRegistrationRevokesTheSingleUseAdminInviteItCreated() throws Exception {
    WorkspaceClient nobodyListening = WorkspaceClient.forServer(closedPort());

    assertThatThrownBy(() -> firstAdmin.create(nobodyListening, "admin", "secret-pw-1"))
        .isInstanceOf(ServerUnreachableException.class);

    List<Invite> made = invites.list();
    assertThat(made).hasSize(1);
    assertThat(made.get(0).role()).isEqualTo(Role.ADMIN);
    assertThat(made.get(0).maxUses()).isEqualTo(1);
    assertThat(made.get(0).revoked()).isTrue();
    assertThat(firstAdmin.needed()).isTrue();
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
