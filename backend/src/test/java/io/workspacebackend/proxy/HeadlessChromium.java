package io.workspacebackend.proxy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium, headless, driven over its DevTools protocol with java.net.http: just the
 * commands the browser tests need (cookie, navigate, evaluate, type).
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Process process;
  private final WebSocket page;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  public HeadlessChromium(Path profile) throws Exception {
    process =
        new ProcessBuilder(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--remote-debugging-port=0",
                "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    URI browser = URI.create(awaitDevTools());
    HttpClient http = HttpClient.newHttpClient();
    String targets =
        http.send(
                HttpRequest.newBuilder(
                        URI.create("http://" + browser.getAuthority() + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String pageUrl = null;
    for (JsonNode target : JSON.readTree(targets)) {
      if (target.path("type").asString().equals("page")) {
        pageUrl = target.path("webSocketDebuggerUrl").asString();
      }
    }
    if (pageUrl == null) {
      throw new IllegalStateException("Chromium shows no page: " + targets);
    }
    page = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Replies()).join();
  }

  private String awaitDevTools() throws IOException {
    BufferedReader stderr =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = stderr.readLine()) != null) {
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        Thread drain = new Thread(() -> stderr.lines().forEach(ignored -> {}), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return matcher.group(1);
      }
      seen.append(line).append('\n');
    }
    throw new IllegalStateException("Chromium ended before DevTools listened:\n" + seen);
  }

  /** Sends one DevTools command and returns its result. */
  public JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    page.sendText(
            JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
        .join();
    JsonNode answer = reply.get(30, TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new IllegalStateException(method + " failed: " + answer.get("error"));
    }
    return answer.path("result");
  }

  /** Evaluates JavaScript in the page and returns its value as a string. */
  public String evaluate(String expression) throws Exception {
    return call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true))
        .path("result")
        .path("value")
        .asString("");
  }

  /** Like {@link #evaluate}, for an expression whose value is a promise: waits for it. */
  public String evaluateAwaiting(String expression) throws Exception {
    return call(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true))
        .path("result")
        .path("value")
        .asString("");
  }

  /** Gives the browser a cookie for {@code url}, as a sign-in there would have set it. */
  public void setCookie(String name, String value, String url, String sameSite) throws Exception {
    call(
        "Network.setCookie",
        Map.of("name", name, "value", value, "url", url, "httpOnly", true, "sameSite", sameSite));
  }

  /** Loads {@code url} in the page (following redirects); returns once navigation started. */
  public void navigate(String url) throws Exception {
    call("Page.navigate", Map.of("url", url));
  }

  /** Polls {@code expression} until it evaluates to {@code "true"}; fails after {@code seconds}. */
  public void await(String expression, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (evaluate("!!(" + expression + ")").equals("true")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "never true within " + seconds + " s: " + expression + "\npage: " + location());
  }

  /** The page's address and the start of its text, for failure messages. */
  public String location() throws Exception {
    return evaluate("location.href + '\\n' + (document.body ? document.body.innerText : '')")
        .lines()
        .limit(20)
        .reduce((a, b) -> a + "\n" + b)
        .orElse("");
  }

  public void type(String text) throws Exception {
    call("Input.insertText", Map.of("text", text));
  }

  public void pressEnter() throws Exception {
    for (String type : new String[] {"keyDown", "keyUp"}) {
      call(
          "Input.dispatchKeyEvent",
          Map.of(
              "type",
              type,
              "key",
              "Enter",
              "code",
              "Enter",
              "windowsVirtualKeyCode",
              13,
              "text",
              "\r"));
    }
  }

  private final class Replies implements WebSocket.Listener {
    private final StringBuilder message = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      message.append(data);
      if (last) {
        JsonNode node = JSON.readTree(message.toString());
        message.setLength(0);
        if (node.has("id")) {
          CompletableFuture<JsonNode> reply = pending.remove(node.get("id").asInt());
          if (reply != null) {
            reply.complete(node);
          }
        }
      }
      webSocket.request(1);
      return null;
    }
  }

  /**
   * Stops Chromium and every process it started: its helpers (zygote, renderers, crash handler)
   * outlive the main process for a moment and keep writing into the profile directory, which the
   * test then fails to delete.
   */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    for (ProcessHandle helper : helpers) {
      helper.destroy();
    }
    for (ProcessHandle helper : helpers) {
      try {
        helper.onExit().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        helper.destroyForcibly();
      }
    }
  }
}
