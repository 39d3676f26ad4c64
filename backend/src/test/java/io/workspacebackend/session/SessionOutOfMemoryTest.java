package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** opencode needs about 250 MiB; under a 64 MiB limit the kernel's OOM killer ends it. */
@Timeout(300)
class SessionOutOfMemoryTest {
  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("container.memory_limit", "64MB")
          .with("sessions.startup_timeout", "180s");

  @Test
  void anOomKilledContainerFailsItsSessionNamingOutOfMemory() {
    Accounts accounts = new Accounts(backend);
    SessionClient sessions = new SessionClient(accounts.as(accounts.register(Role.USER).token()));

    Session created = sessions.create("hungry");
    Session failed = sessions.await(created.id(), SessionStatus.FAILED, Duration.ofMinutes(3));

    try {
      assertThat(failed.errorMessage()).contains("out of memory");
      assertThat(failed.exitCode()).isNotNull().isNotZero();
    } finally {
      sessions.delete(created.id());
    }
  }
}
