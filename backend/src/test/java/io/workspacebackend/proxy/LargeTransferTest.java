package io.workspacebackend.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.cli.Main;
import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.invite.InviteCodes;
import io.workspacebackend.invite.NewInvites;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.SessionImage;
import io.workspacebackend.testing.TestHome;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 MiB up and down through the files proxy of a backend whose heap is 256 MiB (a child JVM, so
 * the cap is real): bodies must stream, not collect.
 */
@Timeout(300)
class LargeTransferTest {
  private static final long SIZE = 200L * 1024 * 1024;
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");

  @TempDir Path temp;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void twoHundredMebibytesGoUpAndDownThroughABackendWithA256MebibyteHeap() throws Exception {
    SessionImage.ensureBuilt();
    Path file = temp.resolve("big.bin");
    String sent = writeRandom(file);
    TestHome home = TestHome.in(temp);
    int port = freePort();
    Process backend = serve(home, port);
    String base = "http://127.0.0.1:" + port;
    String session = null;
    String token = null;
    try {
      awaitListening(backend);
      String invite =
          new InviteCodes(
                  JdbcAccess.direct(home.config(Map.of()).paths().dataDir()), Clock.systemUTC())
              .generate(
                  new NewInvites(
                      1, 1, Optional.empty(), Role.USER, Optional.empty(), Optional.empty()))
              .get(0)
              .code();
      token =
          find(
              TOKEN,
              send(
                  base,
                  null,
                  "POST",
                  "/api/auth/register",
                  "{\"invite_code\":\""
                      + invite
                      + "\",\"username\":\"large\","
                      + "\"password\":\"correct horse battery\"}",
                  201));
      session = find(ID, send(base, token, "POST", "/api/sessions", "{}", 201));
      awaitRunning(base, token, session);

      String files = base + "/sessions/" + session + "/files";
      HttpResponse<String> put =
          http.send(
              authorized(URI.create(files + "/file?path=big.bin"), token)
                  .PUT(HttpRequest.BodyPublishers.ofFile(file))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).as(put.body()).isIn(201, 204);

      HttpResponse<InputStream> get =
          http.send(
              authorized(URI.create(files + "/file?path=big.bin"), token).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(get.statusCode()).isEqualTo(200);
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long received;
      try (InputStream body = new DigestInputStream(get.body(), digest)) {
        received = body.transferTo(OutputStream.nullOutputStream());
      }
      assertThat(received).isEqualTo(SIZE);
      assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(sent);
      assertThat(backend.isAlive()).as("the backend survived").isTrue();
    } finally {
      if (session != null) {
        send(base, token, "DELETE", "/api/sessions/" + session, null, 204);
      }
      backend.destroy();
      if (!backend.waitFor(30, TimeUnit.SECONDS)) {
        backend.destroyForcibly();
      }
    }
  }

  private Process serve(TestHome home, int port) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of("serve", "--port", Integer.toString(port)));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(temp.resolve("serve.stderr").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("WORKSPACE_BACKEND__"));
    builder.environment().putAll(home.environment());
    builder.environment().put("WORKSPACE_BACKEND__CONTAINER__RUNTIME", "docker");
    return builder.start();
  }

  private static void awaitListening(Process backend) throws Exception {
    CompletableFuture<Void> listening = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(backend.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.contains("listening on ")) {
                    listening.complete(null);
                  }
                }
                listening.completeExceptionally(new IllegalStateException("serve ended"));
              } catch (java.io.IOException e) {
                listening.completeExceptionally(e);
              }
            },
            "large-transfer-serve");
    reader.setDaemon(true);
    reader.start();
    listening.get(60, TimeUnit.SECONDS);
  }

  private void awaitRunning(String base, String token, String session) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      String status = find(STATUS, send(base, token, "GET", "/api/sessions/" + session, null, 200));
      if (status.equals("running")) {
        return;
      }
      assertThat(status).isIn("pending", "starting");
      Thread.sleep(250);
    }
    throw new AssertionError("session did not start");
  }

  private String send(
      String base, String token, String method, String path, String json, int expected)
      throws Exception {
    HttpRequest.Builder request =
        (token == null
                ? HttpRequest.newBuilder(URI.create(base + path))
                : authorized(URI.create(base + path), token))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(expected);
    return response.body();
  }

  private static HttpRequest.Builder authorized(URI uri, String token) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
  }

  private static String find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
    return matcher.group(1);
  }

  /** Writes SIZE random bytes and returns their SHA-256. */
  private static String writeRandom(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] block = new byte[1024 * 1024];
    Random random = new Random(42);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < SIZE; written += block.length) {
        random.nextBytes(block);
        digest.update(block);
        out.write(block);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
