import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How much later an opencode event arrives through the proxy than straight from opencode: both
 * streams are open at once, each event (a new opencode session, made COUNT times) is timed as it
 * arrives on each, and the differences are reported. Usage:
 *   java SseLatency.java DIRECT_BASE DIRECT_AUTH PROXY_BASE PROXY_AUTH COUNT
 * (the bases are opencode's root: http://127.0.0.1:PORT and http://…/sessions/ID/opencode)
 */
public class SseLatency {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    String direct = args[0];
    String directAuth = args[1];
    String proxy = args[2];
    String proxyAuth = args[3];
    int count = Integer.parseInt(args[4]);
    Map<String, Long> seenDirect = new ConcurrentHashMap<>();
    Map<String, Long> seenProxy = new ConcurrentHashMap<>();
    CountDownLatch open = new CountDownLatch(2);
    follow(direct + "/event", directAuth, seenDirect, open);
    follow(proxy + "/event", proxyAuth, seenProxy, open);
    if (!open.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the event streams did not open");
    }
    long[] extra = new long[count];
    for (int i = 0; i < count; i++) {
      String id = create(direct, directAuth);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!(seenDirect.containsKey(id) && seenProxy.containsKey(id))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no event for opencode session " + id);
        }
        Thread.onSpinWait();
      }
      extra[i] = seenProxy.get(id) - seenDirect.get(id);
    }
    Arrays.sort(extra);
    System.out.printf(
        "SSE event through the proxy, later than direct by: p50 %.2f ms, p99 %.2f ms, max %.2f ms"
            + " (%d events)%n",
        extra[count / 2] / 1e6,
        extra[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6,
        extra[count - 1] / 1e6,
        count);
    System.exit(0);
  }

  /** Records when each session id first appears in an event of the stream. */
  private static void follow(String url, String auth, Map<String, Long> seen, CountDownLatch open) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build();
    Thread reader =
        new Thread(
            () -> {
              try {
                HttpResponse<java.io.InputStream> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                  throw new IllegalStateException(url + " answered " + response.statusCode());
                }
                open.countDown();
                BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                for (String line; (line = lines.readLine()) != null; ) {
                  long now = System.nanoTime();
                  int at = line.indexOf("\"ses_");
                  if (line.startsWith("data:") && line.contains("session.created") && at > 0) {
                    seen.putIfAbsent(line.substring(at + 1, line.indexOf('"', at + 1)), now);
                  }
                }
              } catch (Exception e) {
                e.printStackTrace();
                System.exit(1);
              }
            });
    reader.setDaemon(true);
    reader.start();
  }

  private static String create(String base, String auth) throws Exception {
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/session"))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String body = created.body();
    int at = body.indexOf("\"id\":\"");
    if (created.statusCode() != 200 || at < 0) {
      throw new IllegalStateException("POST /session answered " + created.statusCode() + body);
    }
    return body.substring(at + 6, body.indexOf('"', at + 6));
  }
}
