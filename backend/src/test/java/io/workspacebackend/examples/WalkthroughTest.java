package io.workspacebackend.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.cli.Main;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.LeftoverSessions;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code examples/walkthrough.sh}, run by {@code sh} against a new, real backend. */
@Timeout(300)
class WalkthroughTest {
  @RegisterExtension
  static RunningBackend backend = new RunningBackend().with("sessions.startup_timeout", "180s");

  /** Quotes and a backslash: the script must write them into its JSON correctly. */
  private static final String PASSWORD = "it's a \"quoted\" passphrase\\";

  @TempDir Path directory;

  @Test
  void walksFromTheFirstAdminToATerminalAndLeavesTheFileInTheWorkspace() throws Exception {
    String username = Accounts.uniqueName("walker");
    Map<String, String> environment = new HashMap<>(backend.home().environment());
    environment.put("WORKSPACE_URL", backend.server().baseUri().toString());
    environment.put("WORKSPACE_USERNAME", username);
    environment.put("WORKSPACE_PASSWORD", PASSWORD);
    environment.put("WORKSPACE_BACKEND", workspaceBackendCommand().toString());

    String output =
        ExampleProgram.run(
            directory,
            environment,
            Duration.ofMinutes(4),
            List.of("sh", ExampleFile.EXAMPLES.resolve("walkthrough.sh").toString()));

    assertThat(output)
        .contains("read hello.txt: hello from the walkthrough")
        .containsPattern("terminal page: <title>[^<]*ttyd")
        .containsPattern("deleted session [0-9a-f-]{36}");
    SignedIn admin = new Accounts(backend).login(username, PASSWORD);
    assertThat(admin.user().role()).isEqualTo(Role.ADMIN);
    List<Session> left = new SessionClient(new Accounts(backend).as(admin.token())).list();
    assertThat(left).isEmpty();
    assertThat(workspaceOf(output).resolve("hello.txt")).hasContent("hello from the walkthrough");
  }

  /** If the script failed half-way, its session is still there. */
  @AfterEach
  void noSessionIsLeftBehind() {
    LeftoverSessions.deleteAll(backend);
  }

  /** The {@code workspace-backend} command on this build's classpath, as bin/ would run it. */
  private Path workspaceBackendCommand() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path command = directory.resolve("workspace-backend");
    Files.writeString(
        command,
        String.join(
            "\n",
            "#!/bin/sh",
            "exec '"
                + java
                + "' --enable-native-access=ALL-UNNAMED -cp '"
                + System.getProperty("java.class.path")
                + "' "
                + Main.class.getName()
                + " \"$@\"",
            ""));
    Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwx------"));
    return command;
  }

  private static Path workspaceOf(String output) {
    Matcher workspace = Pattern.compile("its workspace is (.+)").matcher(output);
    assertThat(workspace.find()).as(output).isTrue();
    return Path.of(workspace.group(1));
  }
}
