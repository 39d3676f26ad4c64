package io.workspacebackend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.testing.ServeProcess;
import io.workspacebackend.testing.TestHome;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} as an operator runs it: a separate process, a fresh home, real ports. */
@Timeout(120)
class ServeCommandTest {
  @TempDir Path temp;

  @Test
  void serveOnAFreePortAnswersHealthWithJson() throws Exception {
    TestHome home = TestHome.in(temp);
    int port = freePort();

    try (ServeProcess serve =
        ServeProcess.start(
            home, temp.resolve("stderr"), "serve", "--port", Integer.toString(port))) {
      assertThat(serve.awaitListening()).endsWith("http://127.0.0.1:" + port);

      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(health.body()).contains("\"status\":\"ok\"").contains("\"database\"");
    }
    // serve prepares a fresh machine by itself: no `init` needed first.
    assertThat(home.dataDir().resolve("jwt-secret")).isRegularFile();
    assertThat(home.dataDir().resolve("workspace-backend.db")).isRegularFile();
  }

  @Test
  void serveOnATakenPortFailsWithOneLineAndExitCodeOne() throws Exception {
    TestHome home = TestHome.in(temp);
    Path stderr = temp.resolve("stderr");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServeProcess serve =
            ServeProcess.start(
                home, stderr, "serve", "--port", Integer.toString(taken.getLocalPort()))) {

      int exitCode = serve.awaitExit();

      String error = Files.readString(stderr).strip();
      assertThat(exitCode).isEqualTo(1);
      assertThat(error)
          .isEqualTo(
              "error: port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 is already in use; stop what listens there or choose another"
                  + " with --port");
      // Only the product's line: no log, no Spring report ("Error starting ApplicationContext").
      assertThat(serve.stdout()).isEmpty();
    }
  }

  @Test
  void serveWithAWeakJwtSecretFailsWithOneLineSayingHowToMendIt() throws Exception {
    TestHome home = TestHome.in(temp);
    Files.createDirectories(home.dataDir());
    Path secret = home.dataDir().resolve("jwt-secret");
    Files.writeString(secret, "c2hvcnQ=\n");
    Path stderr = temp.resolve("stderr");

    try (ServeProcess serve = ServeProcess.start(home, stderr, "serve", "--port", "0")) {
      assertThat(serve.awaitExit()).isEqualTo(1);
      assertThat(serve.stdout()).isEmpty();
    }
    assertThat(Files.readString(stderr).strip())
        .isEqualTo(
            "error: JWT secret in "
                + secret
                + " has 40 bits; at least 256 are required (delete it and run `workspace-backend"
                + " init`)");
  }

  @Test
  void serveWithABadConfigFileExitsTwoBeforeListening() throws Exception {
    TestHome home = TestHome.in(temp);
    Files.createDirectories(home.configFile().getParent());
    Files.writeString(home.configFile(), "[container]\nbase_port = 70000\n");
    Path stderr = temp.resolve("stderr");

    try (ServeProcess serve = ServeProcess.start(home, stderr, "serve")) {
      assertThat(serve.awaitExit()).isEqualTo(2);
    }
    assertThat(Files.readString(stderr).strip())
        .doesNotContain("\n")
        .contains("base_port")
        .contains("70000");
    assertThat(home.dataDir()).doesNotExist();
  }

  @Test
  void serveWithoutARuntimeFailsBeforeListeningNamingTheSocketsTried() throws Exception {
    TestHome home = TestHome.in(temp);
    home.environment().put("WORKSPACE_BACKEND__CONTAINER__SOCKET", "/nonexistent/engine.sock");
    Path stderr = temp.resolve("stderr");

    try (ServeProcess serve = ServeProcess.start(home, stderr, "serve", "--port", "0")) {
      assertThat(serve.awaitExit()).isEqualTo(1);
    }
    assertThat(Files.readString(stderr).strip())
        .doesNotContain("\n")
        .startsWith("error: no docker engine answers (tried unix:///nonexistent/engine.sock")
        .endsWith("or set container.socket");
  }

  @Test
  void theBuildsClassArchiveTrainingRunCreatesEveryBeanWithoutAnEngine() throws Exception {
    TestHome home = TestHome.in(temp);
    home.environment().put("WORKSPACE_BACKEND__CONTAINER__SOCKET", "/nonexistent/engine.sock");
    Path stderr = temp.resolve("stderr");

    // As backend/pom.xml runs it: Spring halts the JVM with 0 once every bean exists.
    try (ServeProcess serve =
        ServeProcess.start(
            home, stderr, List.of("-Dspring.context.exit=onRefresh"), "serve", "--port", "0")) {
      assertThat(serve.awaitExit()).isEqualTo(0);
      assertThat(serve.stdout()).contains("Successfully applied").doesNotContain("listening on");
    }
  }

  @Test
  void serveWithoutTheSessionImageSaysTheExactCommandThatBuildsIt() throws Exception {
    TestHome home = TestHome.in(temp);
    Path stderr = temp.resolve("stderr");

    try (ServeProcess serve =
        ServeProcess.start(home, stderr, "serve", "--port", "0", "--image", "no-such-image:1")) {
      assertThat(serve.awaitExit()).isEqualTo(1);
    }
    assertThat(Files.readString(stderr).strip())
        .isEqualTo(
            "error: the session image no-such-image:1 is missing on docker; build it with:"
                + " workspace-backend image build --tag no-such-image:1");
  }

  @Test
  void theBuildCommandSuggestedForAConfigFileUsesThatFileAndIsAValidCommand() throws Exception {
    TestHome home = TestHome.in(temp);
    Path config = Files.writeString(temp.resolve("my config.toml"), "[server]\nport = 0\n");
    Path stderr = temp.resolve("stderr");

    try (ServeProcess serve =
        ServeProcess.start(
            home, stderr, "--config", config.toString(), "serve", "--image", "no-such-image:1")) {
      assertThat(serve.awaitExit()).isEqualTo(1);
    }
    String error = Files.readString(stderr).strip();
    String suggested =
        error.substring(error.indexOf("build it with: ") + "build it with: ".length());
    assertThat(suggested)
        .isEqualTo("workspace-backend --config '" + config + "' image build --tag no-such-image:1");

    // The suggestion, as a shell splits it, is a command line the CLI accepts as it stands.
    List<String> words = shellWords(suggested);
    List<String> args = new ArrayList<>(words.subList(1, words.size()));
    args.add("--help");
    CapturingCommandLine.Result help =
        new CapturingCommandLine(home).run(args.toArray(String[]::new));
    assertThat(help.exitCode()).as(help.err()).isZero();
    assertThat(help.out()).startsWith("Usage: workspace-backend image build");
  }

  @Test
  void withRuntimeAutoTheBinaryChoosesTheEngine() throws Exception {
    TestHome home = TestHome.in(temp);
    home.environment().put("WORKSPACE_BACKEND__CONTAINER__RUNTIME", "auto");
    home.environment().put("WORKSPACE_BACKEND__CONTAINER__BINARY", "docker");
    Path stderr = temp.resolve("stderr");

    // Podman is found first on Linux; the binary says Docker. The missing image names the engine.
    try (ServeProcess serve =
        ServeProcess.start(home, stderr, "serve", "--port", "0", "--image", "no-such-image:1")) {
      assertThat(serve.awaitExit()).isEqualTo(1);
    }
    assertThat(Files.readString(stderr)).contains("is missing on docker;");
  }

  /** Splits a command line as a POSIX shell does, for the quoting our suggestions use. */
  private static List<String> shellWords(String line) throws Exception {
    Process process =
        new ProcessBuilder("sh", "-c", "for word in " + line + "; do echo \"$word\"; done")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return output.lines().toList();
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
