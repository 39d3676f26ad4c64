package io.workspacebackend.console.sessions;

import io.workspacebackend.client.WorkspaceClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the server where a browser may open a session's opencode UI: {@code GET
 * /api/sessions/{id}/open} answers with a redirect to the session's own origin carrying a
 * single-use ticket. The request carries the console's token in its header and the redirect is
 * read, not followed, so the browser gets the ticket and never the token. (The shared client has no
 * method for this endpoint; this is its one request.)
 */
final class BrowserLink {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final WorkspaceClient client;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  BrowserLink(WorkspaceClient client) {
    this.client = client;
  }

  /** The address of the session's opencode UI with a fresh ticket; blocking. */
  URI opencode(UUID sessionId) throws IOException, InterruptedException {
    URI endpoint =
        URI.create(client.baseUri() + "/api/sessions/" + sessionId + "/open?service=opencode");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).header("Accept", "application/json");
    String token = client.token();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        http.send(
            request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    int status = response.statusCode();
    if (status / 100 == 3) {
      return response
          .headers()
          .firstValue("Location")
          .map(endpoint::resolve)
          .orElseThrow(() -> new Refused(status, "The server sent no address to open."));
    }
    throw new Refused(status, problemText(response.body()));
  }

  /** The problem's detail, else its title, else nothing more than the status. */
  private static String problemText(String body) {
    try {
      JsonNode problem = JSON.readTree(body);
      for (String field : new String[] {"detail", "title"}) {
        JsonNode text = problem.path(field);
        if (text.isString() && !text.asString().isBlank()) {
          return text.asString();
        }
      }
    } catch (RuntimeException notAProblem) {
      // Not problem+json (a proxy's page): the status says enough.
    }
    return "The server refused to open the session.";
  }

  /**
   * The server would not open the session (it is not running, is gone, or the sign-in is not
   * accepted).
   */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refused(int status, String detail) {
      super(detail);
      this.status = status;
    }

    int status() {
      return status;
    }
  }
}
