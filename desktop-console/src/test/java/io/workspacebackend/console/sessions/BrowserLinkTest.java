package io.workspacebackend.console.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.workspacebackend.client.WorkspaceClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The browser's link to a session comes from the server's redirect; the token stays with us. */
@Timeout(30)
class BrowserLinkTest {
  private static final UUID SESSION = UUID.randomUUID();

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private volatile int status;
  private volatile String answer = "";
  private WorkspaceClient client;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(
              exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          if (status == 302) {
            exchange.getResponseHeaders().add("Location", answer);
            exchange.sendResponseHeaders(302, -1);
          } else {
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
    client =
        WorkspaceClient.forServer(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    client.useToken("the-console-token");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void theLinkIsTheRedirectsLocationAskedForWithTheTokenInTheHeaderAndNotFollowed()
      throws Exception {
    status = 302;
    answer = "http://" + SESSION + ".localhost:8080/_ticket?t=single-use";

    URI link = new BrowserLink(client).opencode(SESSION);

    assertThat(link).isEqualTo(URI.create(answer));
    assertThat(link.toString()).doesNotContain("the-console-token");
    assertThat(requests)
        .containsExactly(
            "/api/sessions/" + SESSION + "/open?service=opencode Bearer the-console-token");
  }

  @Test
  void aSessionThatIsNotRunningIsRefusedWithTheProblemsDetail() {
    status = 409;
    answer =
        "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"session is stopped\",\"session_status\":\"stopped\"}";

    assertThatThrownBy(() -> new BrowserLink(client).opencode(SESSION))
        .isInstanceOf(BrowserLink.Refused.class)
        .hasMessage("session is stopped");
    assertThat(requests).hasSize(1);
  }

  @Test
  void anAnswerThatIsNoProblemStillSaysTheServerRefused() {
    status = 404;
    answer = "<html>not here</html>";

    assertThatThrownBy(() -> new BrowserLink(client).opencode(SESSION))
        .isInstanceOf(BrowserLink.Refused.class)
        .hasMessageContaining("refused");
  }
}
