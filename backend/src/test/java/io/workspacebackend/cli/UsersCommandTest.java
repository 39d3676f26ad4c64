package io.workspacebackend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.TestHome;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code users list|quota} against a running server, as an operator types them. */
class UsersCommandTest {
  private static final long GIB = 1L << 30;

  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend().withoutSessions().with("sessions.max_per_user", "3");

  @TempDir Path temp;

  private TestHome cliHome;
  private SignedIn admin;
  private SignedIn user;

  @BeforeEach
  void signIn() {
    cliHome = TestHome.in(temp);
    admin = accounts().register(Role.ADMIN);
    user = accounts().register(Role.USER);
    cliHome.environment().put(ServerOptions.TOKEN_VARIABLE, admin.token());
  }

  private static Accounts accounts() {
    return new Accounts(backend);
  }

  private CapturingCommandLine.Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--server");
    all.add(backend.server().baseUri().toString());
    return new CapturingCommandLine(cliHome).run(all.toArray(String[]::new));
  }

  private QuotaOverrides ownQuota() {
    WorkspaceClient client = WorkspaceClient.forServer(backend.server().baseUri());
    client.useToken(admin.token());
    return client.users().stream()
        .filter(u -> u.id().equals(user.user().id()))
        .map(u -> u.quota().overrides())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void listShowsEveryUserWithTheQuotaInEffect() {
    CapturingCommandLine.Result result = run("users", "list");

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines().findFirst().orElseThrow())
        .matches("USERNAME +ROLE +STATE +SESSIONS +MEMORY +CPUS");
    assertThat(result.out())
        .containsPattern(
            "(?m)^" + user.user().username() + " +user +enabled +3 +unlimited +unlimited$");
  }

  @Test
  void quotaSetsTheValuesGivenAndKeepsTheOthers() {
    String name = user.user().username();

    CapturingCommandLine.Result set =
        run("users", "quota", name, "--memory", "4g", "--cpus", "1.5");

    assertThat(set.err()).isEmpty();
    assertThat(set.exitCode()).isZero();
    assertThat(set.out())
        .containsPattern("(?m)^" + name + " +user +enabled +3 +4GiB\\* +1\\.5\\*$")
        .endsWith("* set for this user; the others are the server's defaults\n");
    assertThat(ownQuota()).isEqualTo(new QuotaOverrides(null, 4 * GIB, 1.5));

    assertThat(run("users", "quota", name, "--sessions", "1").exitCode()).isZero();
    assertThat(ownQuota()).isEqualTo(new QuotaOverrides(1, 4 * GIB, 1.5));

    assertThat(run("users", "quota", name, "--memory", "default").exitCode()).isZero();
    assertThat(ownQuota()).isEqualTo(new QuotaOverrides(1, null, 1.5));

    assertThat(
            run("users", "quota", user.user().id().toString(), "--default", "--cpus", "2")
                .exitCode())
        .isZero();
    assertThat(ownQuota()).isEqualTo(new QuotaOverrides(null, null, 2.0));

    assertThat(run("users", "quota", name, "--default").exitCode()).isZero();
    assertThat(ownQuota()).isEqualTo(QuotaOverrides.NONE);
  }

  @Test
  void quotaWithoutOptionsOnlyShowsIt() {
    CapturingCommandLine.Result shown = run("users", "quota", user.user().username(), "--json");

    assertThat(shown.exitCode()).isZero();
    assertThat(shown.out())
        .contains("\"username\" : \"" + user.user().username() + "\"")
        .contains("\"max_sessions\" : 3")
        .contains("\"max_memory_bytes\" : null");
    assertThat(ownQuota()).isEqualTo(QuotaOverrides.NONE);
  }

  @Test
  void theServerComesFromTheConfigurationAndTheTokenFromAFile() throws IOException {
    Files.createDirectories(cliHome.configFile().getParent());
    Files.writeString(cliHome.configFile(), "[server]\nport = " + backend.server().port() + "\n");
    cliHome.environment().remove(ServerOptions.TOKEN_VARIABLE);
    Path tokenFile = Files.writeString(temp.resolve("token"), admin.token() + "\n");

    CapturingCommandLine.Result result =
        new CapturingCommandLine(cliHome)
            .run(
                "users",
                "quota",
                user.user().username(),
                "--sessions",
                "0",
                "--token-file",
                tokenFile.toString());

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(ownQuota()).isEqualTo(new QuotaOverrides(0, null, null));
  }

  @Test
  void badValuesExitWithUsageAndOneLineNamingTheOption() {
    String name = user.user().username();
    String[][] commands = {
      {"users", "quota", name, "--memory", "4x"},
      {"users", "quota", name, "--memory", "0"},
      {"users", "quota", name, "--cpus", "0"},
      {"users", "quota", name, "--cpus", "lots"},
      {"users", "quota", name, "--sessions", "-1"},
      {"users", "quota", name, "--sessions", "2.5"},
    };
    for (String[] command : commands) {
      CapturingCommandLine.Result result = run(command);

      assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err().lines()).as(String.join(" ", command)).hasSize(1);
      assertThat(result.err()).startsWith("error: ").contains(command[3]);
    }
    assertThat(ownQuota()).isEqualTo(QuotaOverrides.NONE);
  }

  @Test
  void anUnreachableServerFailsWithOneLine() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    CapturingCommandLine.Result result =
        new CapturingCommandLine(cliHome)
            .run("users", "list", "--server", "http://127.0.0.1:" + closedPort);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.err())
        .isEqualTo(
            "error: the server at http://127.0.0.1:"
                + closedPort
                + " cannot be reached (connection refused; is it running?)\n");
  }

  @Test
  void withoutATokenItSaysWhereToPutOne() {
    cliHome.environment().remove(ServerOptions.TOKEN_VARIABLE);

    CapturingCommandLine.Result result = run("users", "list");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("error: no token: set WORKSPACE_BACKEND_TOKEN or pass --token-file FILE")
        .hasLineCount(1);
  }

  @Test
  void aUsersTokenIsRefusedWithTheServersReason() {
    cliHome.environment().put(ServerOptions.TOKEN_VARIABLE, user.token());

    CapturingCommandLine.Result result =
        run("users", "quota", user.user().username(), "--sessions", "9");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.err())
        .startsWith("error: the server answered 403: ")
        .endsWith("(the token must be an admin's)\n")
        .hasLineCount(1);
    assertThat(ownQuota()).isEqualTo(QuotaOverrides.NONE);
  }

  @Test
  void anUnknownUserFailsWithOneLine() {
    CapturingCommandLine.Result result = run("users", "quota", "nobody-here", "--sessions", "1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.err()).isEqualTo("error: no user named nobody-here\n");
  }

  @Test
  void listJsonIsTheApisUserShape() {
    CapturingCommandLine.Result result = run("users", "list", "--json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("\"id\" : \"" + user.user().id() + "\"")
        .contains("\"quota\" : {")
        .contains("\"overrides\" : {");
  }
}
