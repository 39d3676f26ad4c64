package io.workspacebackend.fileserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that bodies are streamed: the server runs in a child JVM whose heap (64 MiB) is smaller
 * than the 100 MiB that go through it each way.
 */
@Timeout(240)
class StreamingTest {

  private static final long SIZE = 100L * 1024 * 1024;
  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

  @TempDir Path workspace;
  private Process server;
  private BufferedReader output;
  private FileServerClient client;

  @BeforeEach
  void startServerWithASmallHeap() throws IOException {
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder =
        new ProcessBuilder(
                java,
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                FileServer.class.getName())
            .redirectErrorStream(true);
    builder.environment().put("SESSION_SECRET", FileServerClient.SECRET);
    builder.environment().put("FILESERVER_PORT", "0");
    builder.environment().put("FILESERVER_HOST", "127.0.0.1");
    builder.environment().put("FILESERVER_WORKSPACE", workspace.toString());
    server = builder.start();
    output =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    var line = output.readLine();
    var matcher = LISTENING.matcher(line == null ? "" : line);
    assertThat(matcher.find()).as("first line of the server: %s", line).isTrue();
    client = new FileServerClient(Integer.parseInt(matcher.group(1)));
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    server.destroy();
    server.waitFor();
  }

  @Test
  void aHundredMebibytesGoUpAndComeBackThroughA64MebibyteHeap() throws Exception {
    var put =
        client.send(
            client
                .request("/file?path=big.bin")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(SIZE))));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    assertThat(Files.size(workspace.resolve("big.bin"))).isEqualTo(SIZE);

    var get =
        client.send(
            client.request("/file?path=big.bin").GET(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(get.statusCode()).isEqualTo(200);
    try (var body = get.body()) {
      assertIsThePattern(body);
    }
    assertThat(server.isAlive()).isTrue();
  }

  @Test
  void aHundredMebibyteMultipartUploadIsStreamedToDisk() throws Exception {
    var head =
        ("--"
                + Multipart.BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.bin\"\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    var tail = ("\r\n--" + Multipart.BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    var upload =
        client.send(
            client
                .request("/upload?path=in")
                .header("Content-Type", Multipart.CONTENT_TYPE)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () ->
                            new SequenceInputStream(
                                java.util.Collections.enumeration(
                                    List.<InputStream>of(
                                        new ByteArrayInputStream(head),
                                        new PatternStream(SIZE),
                                        new ByteArrayInputStream(tail)))))));

    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    try (var file = Files.newInputStream(workspace.resolve("in/big.bin"))) {
      assertIsThePattern(file);
    }
    assertThat(server.isAlive()).isTrue();
  }

  private static void assertIsThePattern(InputStream in) throws IOException {
    var buffer = new byte[64 * 1024];
    long offset = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      for (int i = 0; i < n; i++, offset++) {
        if (buffer[i] != PatternStream.byteAt(offset)) {
          throw new AssertionError("byte " + offset + " differs");
        }
      }
    }
    assertThat(offset).isEqualTo(SIZE);
  }
}
