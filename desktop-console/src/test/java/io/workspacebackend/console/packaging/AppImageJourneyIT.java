package io.workspacebackend.console.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.workspacebackend.client.ServerUnreachableException;
import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.packaging.driver.JourneyDriver;
import io.workspacebackend.testing.SessionImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app image jpackage built (mvn -Ppackage verify), on its own trimmed runtime, walks a new
 * user's whole journey: start the local server on Docker, create the first admin, create a session
 * that reaches running, see the terminal echo a command, delete the session, quit with Ctrl+Q. A
 * copy of the image runs {@link JourneyDriver}, which starts the real console and uses its window
 * with real mouse and key events; this test follows the steps it prints and checks the outcome from
 * outside: the process ends by itself with 0, the local server is gone, and so is the session's
 * container.
 *
 * <p>It walks twice: at 100 % in the light theme on the display it is given, and at 200 % ({@code
 * glass.gtk.uiScale}, which JavaFX's GTK glass reads) in the dark theme on an Xvfb display of its
 * own, large enough for the window at that scale. On both walks the driver saves every view in both
 * themes under target/screenshots ({@code <view>-<scale>-<theme>.png}).
 */
@Timeout(900)
class AppImageJourneyIT {
  private static final Duration SLOW = Duration.ofMinutes(4);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

  @TempDir Path directory;

  @Test
  void theAppImageWalksTheWholeJourneyAndQuitsOnRequest() throws Exception {
    walk("light", List.of("-Djourney.screenshots=" + SCREENSHOTS), Optional.empty());
  }

  @Test
  void atTwiceTheScaleInTheDarkThemeTheAppImageWalksTheSameJourney() throws Exception {
    try (VirtualDisplay display = VirtualDisplay.start(2560, 1600)) {
      walk(
          "dark",
          List.of("-Djourney.screenshots=" + SCREENSHOTS, "-Dglass.gtk.uiScale=2"),
          Optional.of(display.name()));
    }
  }

  private void walk(String theme, List<String> javaOptions, Optional<String> display)
      throws Exception {
    SessionImage.ensureBuilt();
    Path image = Path.of(System.getProperty("console.launcher")).getParent().getParent();
    Path launcher = DriverImage.copy(image, directory.resolve("image"), home(), javaOptions);
    Path settings = home().resolve(".config/workspace-backend-console");
    Files.createDirectories(settings);
    Files.writeString(settings.resolve("theme.properties"), "theme=" + theme + "\n");
    ProcessBuilder builder = new ProcessBuilder(launcher.toString()).redirectErrorStream(true);
    display.ifPresent(name -> builder.environment().put("DISPLAY", name));
    builder.environment().keySet().removeIf(name -> name.startsWith("WORKSPACE_BACKEND__"));
    builder.environment().put("HOME", home().toString());
    builder.environment().put("XDG_CONFIG_HOME", home().resolve(".config").toString());
    builder.environment().put("XDG_DATA_HOME", home().resolve(".local/share").toString());
    builder.environment().put("XDG_STATE_HOME", home().resolve(".local/state").toString());
    builder.environment().put("WORKSPACE_BACKEND__SERVER__PORT", String.valueOf(freePort()));
    // The session image is on Docker; "auto" would prefer Podman on Linux.
    builder.environment().put("WORKSPACE_BACKEND__CONTAINER__RUNTIME", "docker");
    builder.environment().put("WORKSPACE_BACKEND__SESSIONS__STARTUP_TIMEOUT", "180s");

    Process console = builder.start();
    ProcessOutput output = ProcessOutput.follow(console);
    Optional<URI> server = Optional.empty();
    Optional<String> sessionId = Optional.empty();
    boolean deleted = false;
    try {
      output.awaitStep("the start screen shows", SLOW);
      server = Optional.of(URI.create(after(output.awaitStep("the local server runs: ", SLOW))));
      output.awaitStep("the first admin is signed in", SLOW);
      output.awaitStep("the session runs", SLOW);
      sessionId = Optional.of(after(output.awaitStep("the terminal opened: terminal-", SLOW)));
      output.awaitStep("the terminal echoed ", SLOW);
      output.awaitStep("the session is stopped, its row kept", SLOW);
      output.awaitStep("the session runs again", SLOW);
      output.awaitStep("the session is deleted", SLOW);
      deleted = true;
      output.awaitStep("Ctrl+Q pressed", SLOW);

      assertThat(console.waitFor(2, TimeUnit.MINUTES))
          .as("the console quit by itself:%n%s", output.text())
          .isTrue();
      assertThat(console.exitValue()).as(output.text()).isZero();
      assertThat(output.text()).doesNotContain("Exception in thread");
      assertThat(localServerAnswers(server.get()))
          .as("the local server answers after quitting")
          .isFalse();
      assertThat(docker("ps", "-aq", "--filter", "name=workspace-session-" + sessionId.get()))
          .as("the session's container")
          .isEmpty();
    } finally {
      if (!deleted) {
        removeLeftovers(server);
      }
      console.destroyForcibly();
    }
  }

  private Path home() {
    return directory.resolve("home");
  }

  private static String after(String line) {
    return line.substring(line.lastIndexOf(' ') + 1).replaceFirst("^terminal-", "");
  }

  private static boolean localServerAnswers(URI server) {
    try {
      WorkspaceClient.forServer(server).health();
      return true;
    } catch (ServerUnreachableException gone) {
      return false;
    }
  }

  /**
   * A failed journey may leave its session: deleted through the server, or else on Docker, found by
   * its workspace in this test's home (the driver may have failed before the test learnt the
   * session's id; a failing driver ends its process, and with it the server).
   */
  private void removeLeftovers(Optional<URI> server) throws Exception {
    if (server.isPresent() && localServerAnswers(server.get())) {
      try {
        WorkspaceClient admin = WorkspaceClient.forServer(server.get());
        admin.login(JourneyDriver.ADMIN, JourneyDriver.PASSWORD);
        admin.sessions().forEach(session -> admin.deleteSession(session.id()));
        return;
      } catch (RuntimeException cannotSignIn) {
        // The journey did not get as far as the first admin or the session; Docker is left.
      }
    }
    String containers = docker("ps", "-aq", "--filter", "name=workspace-session-");
    for (String id : containers.lines().filter(line -> !line.isBlank()).toList()) {
      String described =
          docker("inspect", "--format", "{{.Name}} {{range .Mounts}}{{.Source}} {{end}}", id);
      if (described.contains(home().toString())) {
        String name = described.substring(1, described.indexOf(' '));
        docker("rm", "-f", name);
        docker("network", "rm", name);
      }
    }
  }

  private static String docker(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s", command).isTrue();
    return text.strip();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Everything the console printed, read as it comes, with a wait for each driver step. */
  private static final class ProcessOutput {
    private final Process process;
    private final StringBuilder text = new StringBuilder();

    private ProcessOutput(Process process) {
      this.process = process;
    }

    static ProcessOutput follow(Process process) {
      ProcessOutput output = new ProcessOutput(process);
      Thread reader = new Thread(output::read, "console-output");
      reader.setDaemon(true);
      reader.start();
      return output;
    }

    private void read() {
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          synchronized (text) {
            text.append(line).append('\n');
          }
        }
      } catch (IOException e) {
        // The process ended; what it printed is kept.
      }
    }

    String text() {
      synchronized (text) {
        return text.toString();
      }
    }

    /** Waits for the driver's line {@code STEP <prefix>…} and returns it. */
    String awaitStep(String prefix, Duration limit) {
      await()
          .atMost(limit)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> step(prefix).isPresent() || text().contains("FAILED ") || !process.isAlive());
      assertThat(step(prefix))
          .as("step \"%s\"; the console printed:%n%s", prefix, text())
          .isPresent();
      String line = step(prefix).orElseThrow();
      System.out.println(line);
      return line;
    }

    private Optional<String> step(String prefix) {
      return text().lines().filter(line -> line.startsWith("STEP " + prefix)).findFirst();
    }
  }
}
