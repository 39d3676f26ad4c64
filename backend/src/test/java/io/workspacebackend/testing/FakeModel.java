package io.workspacebackend.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slow OpenAI-compatible model for tests: {@code POST /v1/chat/completions} streams one token
 * every {@code tick} for {@code duration}, so an agent using it stays busy that long without any
 * network. Runs inside a session container (on whatever JRE the image has: it needs only {@code
 * java.base}: its class files, no dependencies).
 *
 * <pre>
 * java -cp DIR io.workspacebackend.testing.FakeModel PORT DURATION_MS TICK_MS [READY_FILE]
 * </pre>
 *
 * <p>It listens on 127.0.0.1 only and writes {@code READY_FILE} once it does, so a test on the host
 * can wait for it through the workspace mount. A request whose body contains {@code
 * fake-model:duration=N} (N milliseconds, e.g. in the prompt's text) streams for N ms instead; one
 * from opencode's title agent (which runs beside the turn) is answered at once. {@code POST
 * /fake/release} ends every stream in progress at once (it finishes normally, with {@code
 * finish_reason: stop}), for a test that keeps the agent busy until it decides otherwise; {@code
 * GET /fake/streams} answers how many are in progress ({@code {"streaming":1}}). Every request is
 * logged on standard output.
 */
public final class FakeModel {
  /** The model id {@code /v1/models} lists (any id is answered, though). */
  public static final String MODEL_ID = "slow";

  /** How opencode's title agent begins its system prompt (opencode 1.18). */
  private static final String TITLE_REQUEST = "You are a title generator";

  private static final Pattern DURATION_OVERRIDE = Pattern.compile("fake-model:duration=(\\d+)");
  private static final Pattern STREAM_TRUE = Pattern.compile("\"stream\"\\s*:\\s*true");
  private static final int MAX_BODY = 16 * 1024 * 1024;

  private final Duration duration;
  private final Duration tick;
  private final PrintStream log;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger streaming = new AtomicInteger();
  private final AtomicReference<CountDownLatch> release =
      new AtomicReference<>(new CountDownLatch(1));

  FakeModel(Duration duration, Duration tick, PrintStream log) {
    this.duration = duration;
    this.tick = tick;
    this.log = log;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: FakeModel PORT DURATION_MS TICK_MS [READY_FILE]");
      System.exit(64);
    }
    FakeModel model =
        new FakeModel(
            Duration.ofMillis(Long.parseLong(args[1])),
            Duration.ofMillis(Long.parseLong(args[2])),
            // Flushed line by line: a test reads the log while streams are still going.
            new PrintStream(
                new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
    try (ServerSocket server = new ServerSocket()) {
      server.setReuseAddress(true);
      server.bind(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])));
      model.log.println("fake model listening on 127.0.0.1:" + server.getLocalPort());
      if (args.length == 4) {
        Files.writeString(Path.of(args[3]), server.getLocalPort() + "\n");
      }
      while (true) {
        Socket connection = server.accept();
        Thread thread = new Thread(() -> model.serve(connection), "request");
        thread.setDaemon(true);
        thread.start();
      }
    }
  }

  private void serve(Socket connection) {
    int number = requests.incrementAndGet();
    try (connection;
        InputStream in = new BufferedInputStream(connection.getInputStream());
        OutputStream out = connection.getOutputStream()) {
      Request request = Request.read(in);
      if (request == null) {
        return;
      }
      log.println("#" + number + " " + request.method() + " " + request.path());
      if (request.path().endsWith("/models")) {
        respond(out, 200, "application/json", modelList());
      } else if (request.path().endsWith("/chat/completions") && request.method().equals("POST")) {
        Duration length = durationFor(request.body());
        if (STREAM_TRUE.matcher(request.body()).find()) {
          log.println("#" + number + " streaming for " + length.toMillis() + " ms");
          streaming.incrementAndGet();
          try {
            stream(out, length, number);
          } finally {
            streaming.decrementAndGet();
          }
        } else {
          respond(out, 200, "application/json", completion(number));
        }
        log.println("#" + number + " done");
      } else if (request.path().equals("/fake/streams")) {
        respond(out, 200, "application/json", "{\"streaming\":" + streaming.get() + "}");
      } else if (request.path().equals("/fake/release") && request.method().equals("POST")) {
        release.getAndSet(new CountDownLatch(1)).countDown();
        respond(out, 200, "application/json", "{\"released\":true}");
      } else {
        respond(out, 404, "application/json", "{\"error\":{\"message\":\"not found\"}}");
      }
    } catch (IOException | InterruptedException e) {
      // The client went away (opencode aborted the request): nothing more to send.
      log.println("#" + number + " ended: " + e);
    }
  }

  private Duration durationFor(String body) {
    if (body.contains(TITLE_REQUEST)) {
      return Duration.ZERO;
    }
    Matcher override = DURATION_OVERRIDE.matcher(body);
    return override.find() ? Duration.ofMillis(Long.parseLong(override.group(1))) : duration;
  }

  /**
   * Streams chat-completion chunks until {@code length} has passed or a release, then the final
   * chunk and {@code [DONE]}. The body ends when the connection closes.
   */
  private void stream(OutputStream out, Duration length, int number)
      throws IOException, InterruptedException {
    CountDownLatch released = release.get();
    out.write(
        """
        HTTP/1.1 200 OK\r
        Content-Type: text/event-stream\r
        Cache-Control: no-cache\r
        Connection: close\r
        \r
        """
            .getBytes(StandardCharsets.US_ASCII));
    String id = "chatcmpl-fake-" + number;
    long deadline = System.nanoTime() + length.toNanos();
    int tokens = 0;
    boolean first = true;
    while (true) {
      String delta =
          (first ? "{\"role\":\"assistant\",\"content\":" : "{\"content\":")
              + "\"tick "
              + tokens
              + " \"}";
      event(out, chunk(id, delta, "null", ""));
      first = false;
      tokens++;
      long left = deadline - System.nanoTime();
      if (left <= 0 || released.await(Math.min(left, tick.toNanos()), TimeUnit.NANOSECONDS)) {
        break;
      }
    }
    String usage =
        ",\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":"
            + tokens
            + ",\"total_tokens\":"
            + (10 + tokens)
            + "}";
    event(out, chunk(id, "{}", "\"stop\"", usage));
    event(out, "[DONE]");
  }

  private static String chunk(String id, String delta, String finishReason, String usage) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"chat.completion.chunk\",\"created\":"
        + System.currentTimeMillis() / 1000
        + ",\"model\":\""
        + MODEL_ID
        + "\",\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + finishReason
        + "}]"
        + usage
        + "}";
  }

  private static void event(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String completion(int number) {
    return "{\"id\":\"chatcmpl-fake-"
        + number
        + "\",\"object\":\"chat.completion\",\"created\":"
        + System.currentTimeMillis() / 1000
        + ",\"model\":\""
        + MODEL_ID
        + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"fake"
        + " title\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2,\"total_tokens\":12}}";
  }

  private static String modelList() {
    return "{\"object\":\"list\",\"data\":[{\"id\":\""
        + MODEL_ID
        + "\",\"object\":\"model\",\"created\":0,\"owned_by\":\"fake\"}]}";
  }

  private static void respond(OutputStream out, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("HTTP/1.1 "
                + status
                + (status == 200 ? " OK" : " Not Found")
                + "\r\nContent-Type: "
                + type
                + "\r\nContent-Length: "
                + bytes.length
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  /** An HTTP/1.1 request: its line, and its body (by Content-Length or chunked). */
  private record Request(String method, String path, String body) {
    /** Reads one request; null when the connection closes before one arrives. */
    static Request read(InputStream in) throws IOException {
      String line = line(in);
      if (line == null || line.isEmpty()) {
        return null;
      }
      String[] parts = line.split(" ");
      long length = 0;
      boolean chunked = false;
      for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring("content-length:".length()).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (chunked) {
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
          copy(in, body, size);
          line(in);
        }
      } else {
        copy(in, body, length);
      }
      String target = parts.length > 1 ? parts[1] : "/";
      int query = target.indexOf('?');
      return new Request(
          parts[0],
          query < 0 ? target : target.substring(0, query),
          body.toString(StandardCharsets.UTF_8));
    }

    private static int chunkSize(InputStream in) throws IOException {
      String size = line(in);
      if (size == null) {
        return 0;
      }
      int extension = size.indexOf(';');
      return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private static void copy(InputStream in, ByteArrayOutputStream body, long length)
        throws IOException {
      if (body.size() + length > MAX_BODY) {
        throw new IOException("request body over " + MAX_BODY + " bytes");
      }
      body.write(in.readNBytes((int) length));
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          return line.isEmpty() ? null : line.toString();
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }
  }
}
