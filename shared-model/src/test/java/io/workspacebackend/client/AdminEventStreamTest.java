package io.workspacebackend.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link WorkspaceClient#followEvents} hands an admin's {@code user} and {@code invite} events
 * over, against a real HTTP server that sends what the backend sends.
 */
class AdminEventStreamTest {
  private static final String USER_ID = "5b0f3f7e-8f3c-4d0e-9c59-2f4b1a7c6d11";
  private static final String USER_EVENT =
      "event:user\n"
          + "data:{\"id\":\""
          + USER_ID
          + "\",\"username\":\"ann\",\"role\":\"admin\",\"disabled\":true,"
          + "\"created_at\":\"2026-01-02T03:04:05Z\"}\n\n";
  private static final String INVITE_EVENT =
      "event:invite\n"
          + "data:{\"code\":\"ABCD-EFGH-JKMN-PQRS\",\"role\":\"user\",\"max_uses\":2,\"uses\":1,"
          + "\"revoked\":false,\"created_at\":\"2026-01-02T03:04:05Z\"}\n\n";
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void userAndInviteEventsReachTheListenerAndUnknownOnesAreIgnored() throws Exception {
    serve(
        ":connected\n\n"
            + USER_EVENT
            + "event:something-newer\n"
            + "data:{\"whatever\":1}\n\n"
            + INVITE_EVENT);
    List<User> users = new CopyOnWriteArrayList<>();
    List<Invite> invites = new CopyOnWriteArrayList<>();
    CompletableFuture<Throwable> ended = new CompletableFuture<>();
    SessionEventListener listener =
        new SessionEventListener() {
          @Override
          public void session(Session session) {
            throw new AssertionError("no session event was sent: " + session);
          }

          @Override
          public void user(User user) {
            users.add(user);
          }

          @Override
          public void invite(Invite invite) {
            invites.add(invite);
          }
        };

    try (Subscription events = client().followEvents(listener, ended::complete)) {
      assertThat(ended.get(10, TimeUnit.SECONDS))
          .isInstanceOf(StreamReader.StreamEndedException.class);
    }

    assertThat(users).singleElement().satisfies(this::isAnnDisabledAsAdmin);
    assertThat(invites)
        .singleElement()
        .satisfies(
            invite -> {
              assertThat(invite.code()).isEqualTo("ABCD-EFGH-JKMN-PQRS");
              assertThat(invite.uses()).isEqualTo(1);
              assertThat(invite.maxUses()).isEqualTo(2);
            });
  }

  @Test
  void aListenerThatKnowsOnlySessionsIgnoresUserAndInviteEvents() throws Exception {
    serve(USER_EVENT + INVITE_EVENT);
    List<Session> sessions = new CopyOnWriteArrayList<>();
    CompletableFuture<Throwable> ended = new CompletableFuture<>();

    try (Subscription events = client().events(sessions::add, ended::complete)) {
      assertThat(ended.get(10, TimeUnit.SECONDS))
          .isInstanceOf(StreamReader.StreamEndedException.class);
    }

    assertThat(sessions).isEmpty();
  }

  private void isAnnDisabledAsAdmin(User user) {
    assertThat(user.id()).isEqualTo(UUID.fromString(USER_ID));
    assertThat(user.username()).isEqualTo("ann");
    assertThat(user.role()).isEqualTo(Role.ADMIN);
    assertThat(user.disabled()).isTrue();
  }

  private WorkspaceClient client() {
    return WorkspaceClient.forServer(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  private void serve(String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/events",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
          }
        });
    server.start();
  }
}
