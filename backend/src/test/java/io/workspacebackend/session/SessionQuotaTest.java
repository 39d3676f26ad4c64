package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user's memory and CPU quota, set by an admin, holds against parallel creates and against
 * starting a stopped session again; the 409 names the limit. Sessions get 1 GiB and 1 CPU each.
 */
@Timeout(300)
class SessionQuotaTest {
  private static final long GIB = 1L << 30;

  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("sessions.startup_timeout", "180s")
          .with("sessions.max_per_user", "10")
          .with("container.memory_limit", "1GB")
          .with("container.cpus", "1");

  @Test
  void parallelCreatesStopAtTheMemoryQuotaAndAStartIsCheckedToo() throws Exception {
    Accounts accounts = new Accounts(backend);
    SignedIn admin = accounts.register(Role.ADMIN);
    SignedIn user = accounts.register(Role.USER);
    WorkspaceClient adminClient = WorkspaceClient.forServer(backend.server().baseUri());
    adminClient.useToken(admin.token());
    adminClient.setQuota(user.user().id(), new QuotaOverrides(null, 2 * GIB, null));
    SessionClient sessions = new SessionClient(accounts.as(user.token()));

    List<CompletableFuture<Integer>> creates = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String name = "q" + i;
      creates.add(
          CompletableFuture.supplyAsync(
              () ->
                  sessions
                      .http()
                      .post()
                      .uri("/api/sessions")
                      .bodyValue(java.util.Map.of("name", name))
                      .exchange()
                      .returnResult(String.class)
                      .getStatus()
                      .value()));
    }
    List<Integer> answers = new ArrayList<>();
    for (CompletableFuture<Integer> create : creates) {
      answers.add(create.get());
    }
    assertThat(answers).containsOnly(201, 409).filteredOn(code -> code == 201).hasSize(2);
    List<Session> made = sessions.list();
    assertThat(made).hasSize(2);

    Session first = sessions.await(made.get(0).id(), SessionStatus.RUNNING, Duration.ofMinutes(3));
    sessions.stop(first.id());
    sessions.await(first.id(), SessionStatus.STOPPED, Duration.ofMinutes(1));
    sessions.create("q-third");
    sessions
        .http()
        .post()
        .uri("/api/sessions/" + first.id() + "/start")
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.limit")
        .isEqualTo("memory")
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("memory quota"));

    for (Session session : sessions.list()) {
      sessions.delete(session.id());
    }
  }
}
