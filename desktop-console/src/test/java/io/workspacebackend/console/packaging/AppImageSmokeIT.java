package io.workspacebackend.console.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app image jpackage built (mvn -Ppackage verify) starts as a user's double-click would: it
 * shows the start screen, and quits cleanly when the user presses Ctrl+Q (typed with xdotool
 * through the X server, as a keyboard would).
 */
@Timeout(120)
class AppImageSmokeIT {
  @TempDir Path home;

  @Test
  void theAppImageShowsTheStartScreenAndQuitsOnRequest() throws Exception {
    Path launcher = Path.of(System.getProperty("console.launcher"));
    assertThat(launcher).isExecutable();
    Path output = home.resolve("console.log");
    ProcessBuilder builder =
        new ProcessBuilder(launcher.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("HOME", home.toString());
    builder.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    builder.environment().put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    builder.environment().put("XDG_STATE_HOME", home.resolve(".local/state").toString());
    Process console = builder.start();
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> !console.isAlive() || read(output).contains("start screen shown"));
      assertThat(console.isAlive()).as("the console is still running:%n%s", read(output)).isTrue();

      String window = xdotool("search", "--sync", "--name", "Workspace Backend Console").strip();
      xdotool("mousemove", "--window", window.lines().findFirst().orElseThrow(), "200", "200");
      xdotool("key", "--clearmodifiers", "ctrl+q");

      assertThat(console.waitFor(30, TimeUnit.SECONDS)).as("the console quit").isTrue();
      assertThat(console.exitValue()).isZero();
      assertThat(read(output)).doesNotContain("Exception");
    } finally {
      console.destroyForcibly();
    }
  }

  private static String xdotool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("xdotool");
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("xdotool %s", command).isTrue();
    assertThat(process.exitValue()).as("xdotool %s: %s", command, output).isZero();
    return output;
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
