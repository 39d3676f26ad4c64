package io.workspacebackend.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.LeftoverSessions;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/typescript-client}: installed with {@code npm ci}, compiled with {@code tsc} and
 * run with node, as its README says, against a real backend and session.
 */
@Timeout(600)
class TypeScriptClientTest {
  private static final Path EXAMPLE = ExampleFile.EXAMPLES.resolve("typescript-client");
  private static final List<String> SOURCES =
      List.of("package.json", "package-lock.json", "tsconfig.json", "src/main.ts");

  @RegisterExtension
  static RunningBackend backend = new RunningBackend().with("sessions.startup_timeout", "180s");

  @TempDir Path directory;

  @Test
  void createsAnOpencodeSessionThroughTheProxyAndListsIt() throws Exception {
    Accounts accounts = new Accounts(backend);
    String token = accounts.register(Role.USER).token();
    SessionClient owner = new SessionClient(accounts.as(token));
    Session session = owner.create("typescript");
    Path project = copyOfTheExample();
    // npm fetches the packages meanwhile; the session starts in the background.
    ExampleProgram.run(
        project, Map.of(), Duration.ofMinutes(5), List.of("npm", "ci", "--no-audit", "--no-fund"));
    ExampleProgram.run(project, Map.of(), Duration.ofMinutes(2), List.of("npm", "run", "build"));
    owner.await(session.id(), SessionStatus.RUNNING, Duration.ofMinutes(3));

    String output =
        ExampleProgram.run(
            project,
            Map.of(
                "WORKSPACE_URL", backend.server().baseUri().toString(),
                "WORKSPACE_TOKEN", token,
                "WORKSPACE_SESSION_ID", session.id().toString()),
            Duration.ofMinutes(2),
            List.of("npm", "start"));

    Matcher created = Pattern.compile("created opencode session (\\S+) ").matcher(output);
    assertThat(created.find()).as(output).isTrue();
    String id = created.group(1);
    assertThat(output)
        .contains("event session.created arrived for " + id)
        .contains(id + "  from the TypeScript example");
    // What the program made is there for every other client of the session too.
    accounts
        .as(token)
        .get()
        .uri("/sessions/" + session.id() + "/opencode/session/" + id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("from the TypeScript example");
  }

  @AfterEach
  void noSessionIsLeftBehind() {
    LeftoverSessions.deleteAll(backend);
  }

  /** The example's sources in a directory of the test's own (node_modules and dist go there). */
  private Path copyOfTheExample() throws IOException {
    Path project = directory.resolve("typescript-client");
    for (String source : SOURCES) {
      Path target = project.resolve(source);
      Files.createDirectories(target.getParent());
      Files.copy(EXAMPLE.resolve(source), target);
    }
    return project;
  }
}
