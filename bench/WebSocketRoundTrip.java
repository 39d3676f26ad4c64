import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Round trip of one keystroke through ttyd running `cat` (terminal echo off): send '0' + a
 * character, wait for the output frame that carries it back. Usage:
 *   java WebSocketRoundTrip.java URL AUTHORIZATION AUTH_TOKEN COUNT LABEL
 * (AUTHORIZATION may be "-" for none; AUTH_TOKEN is what the init message carries.)
 */
public class WebSocketRoundTrip {
  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    String authorization = args[1];
    String authToken = args[2];
    int count = Integer.parseInt(args[3]);
    LinkedBlockingQueue<String> output = new LinkedBlockingQueue<>();
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("tty");
    if (!authorization.equals("-")) {
      builder.header("Authorization", authorization);
    }
    WebSocket socket =
        builder
            .buildAsync(
                uri,
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                    byte[] bytes = new byte[data.remaining()];
                    data.get(bytes);
                    if (bytes.length > 0 && bytes[0] == '0') {
                      output.add(new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8));
                    }
                    ws.request(1);
                    return null;
                  }
                })
            .join();
    send(socket, "{\"AuthToken\":\"" + authToken + "\",\"columns\":80,\"rows\":24}");
    send(socket, "0stty -icanon -echo; exec cat\r");
    // Wait until cat answers a probe, then drop whatever the shell printed before.
    while (true) {
      send(socket, "0@");
      String text = output.poll(200, TimeUnit.MILLISECONDS);
      if (text != null && text.endsWith("@")) {
        Thread.sleep(300);
        output.clear();
        break;
      }
    }
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      String key = Character.toString('a' + i % 26);
      long start = System.nanoTime();
      send(socket, "0" + key);
      StringBuilder seen = new StringBuilder();
      while (seen.indexOf(key) < 0) {
        String text = output.poll(5, TimeUnit.SECONDS);
        if (text == null) {
          throw new IllegalStateException("no echo of " + key);
        }
        seen.append(text);
      }
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%s: %d keystroke round trips: p50 %.3f ms, p99 %.3f ms%n",
        args[4], count, nanos[count / 2] / 1e6, nanos[(int) (count * 0.99)] / 1e6);
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
  }

  private static void send(WebSocket socket, String message) {
    socket.sendBinary(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)), true).join();
  }

  static String basic(String userAndPassword) {
    return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }
}
