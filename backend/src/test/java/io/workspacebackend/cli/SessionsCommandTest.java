package io.workspacebackend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import io.workspacebackend.testing.TestHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code sessions list|stop|start} against a running server and a real session, as typed. */
@Timeout(300)
class SessionsCommandTest {
  private static final Duration STARTUP = Duration.ofMinutes(3);

  @RegisterExtension
  static RunningBackend backend = new RunningBackend().with("sessions.startup_timeout", "180s");

  @TempDir Path temp;

  private CapturingCommandLine.Result run(TestHome home, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--server");
    all.add(backend.server().baseUri().toString());
    return new CapturingCommandLine(home).run(all.toArray(String[]::new));
  }

  @Test
  void aSessionIsStoppedAndStartedByNameAndListedWithWhy() {
    Accounts accounts = new Accounts(backend);
    SignedIn user = accounts.register(Role.USER);
    SessionClient sessions = new SessionClient(accounts.as(user.token()));
    Session running =
        sessions.await(sessions.create("by-cli").id(), SessionStatus.RUNNING, STARTUP);
    TestHome home = TestHome.in(temp);
    home.environment().put(ServerOptions.TOKEN_VARIABLE, user.token());

    CapturingCommandLine.Result stop = run(home, "sessions", "stop", "by-cli");

    assertThat(stop.err()).isEmpty();
    assertThat(stop.exitCode()).isZero();
    assertThat(stop.out()).containsPattern("(?m)^by-cli +" + running.id() + " +stopp(ing|ed) ");
    sessions.await(running.id(), SessionStatus.STOPPED, Duration.ofMinutes(1));
    assertThat(run(home, "sessions", "list").out())
        .containsPattern("(?m)^by-cli +" + running.id() + " +stopped +stopped by its owner$");

    CapturingCommandLine.Result start = run(home, "sessions", "start", running.id().toString());

    assertThat(start.exitCode()).isZero();
    assertThat(start.out())
        .containsPattern("(?m)^by-cli +" + running.id() + " +(starting|running)");
    sessions.await(running.id(), SessionStatus.RUNNING, STARTUP);
    sessions.delete(running.id());
  }

  @Test
  void anUnknownSessionOrAnotherUsersIsAOneLineErrorAndAFailure() {
    Accounts accounts = new Accounts(backend);
    SignedIn owner = accounts.register(Role.USER);
    SessionClient sessions = new SessionClient(accounts.as(owner.token()));
    Session theirs = sessions.create("theirs");
    TestHome home = TestHome.in(temp);
    home.environment().put(ServerOptions.TOKEN_VARIABLE, accounts.register(Role.USER).token());

    CapturingCommandLine.Result byName = run(home, "sessions", "stop", "theirs");
    CapturingCommandLine.Result byId = run(home, "sessions", "start", theirs.id().toString());

    assertThat(byName.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(byName.err().strip()).isEqualTo("error: no session of yours named theirs");
    assertThat(byId.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(byId.err().lines()).hasSize(1);
    sessions.delete(theirs.id());
  }
}
