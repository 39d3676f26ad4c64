package io.workspacebackend.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random bodies, paths, headers and query strings at every route, signed in as nobody, a user or an
 * admin: never a 5xx, every error is problem+json with its own status, and a refused request leaves
 * the database exactly as it was. Seeded, so a failure names the seed that replays it.
 */
@Timeout(300)
class RandomRequestsTest {
  private static final int REQUESTS = 600;

  /** Every route of the contract; {id} and {code} are filled in at random. */
  private static final List<String> ROUTES =
      List.of(
          "POST /api/auth/register",
          "POST /api/auth/login",
          "GET /api/auth/me",
          "GET /api/users",
          "PATCH /api/users/{id}",
          "POST /api/invite-codes",
          "GET /api/invite-codes",
          "DELETE /api/invite-codes/{code}",
          "POST /api/sessions",
          "GET /api/sessions",
          "GET /api/sessions/{id}",
          "DELETE /api/sessions/{id}",
          "POST /api/sessions/{id}/stop",
          "POST /api/sessions/{id}/start",
          "GET /api/sessions/{id}/open",
          "GET /api/sessions/{id}/logs",
          "GET /api/sessions/{id}/stats",
          "GET /api/health",
          "GET /sessions/{id}/opencode/{rest}",
          "PUT /sessions/{id}/files/{rest}",
          "GET /sessions/{id}/terminal/{rest}",
          "GET /sessions/{id}/terminal",
          "GET /session/{id}/term");

  private static final List<String> FIELDS =
      List.of(
          "username",
          "password",
          "invite_code",
          "role",
          "disabled",
          "count",
          "max_uses",
          "expires_in",
          "note",
          "name",
          "image",
          "workspace",
          "env",
          "all",
          "service");

  /** Each user holds their one session, so random creates are refused rather than started. */
  @RegisterExtension
  static RunningBackend backend = new RunningBackend().with("sessions.max_per_user", "1");

  private final Accounts accounts = new Accounts(backend);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void randomRequestsNeverGetA5xxAndRefusedOnesChangeNothing() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    SignedIn admin = accounts.register(Role.ADMIN);
    SignedIn user = accounts.register(Role.USER);
    List<String> tokens = List.of("", admin.token(), user.token(), "garbage", admin.token() + "x");
    SessionClient adminSessions = new SessionClient(accounts.as(admin.token()));
    SessionClient userSessions = new SessionClient(accounts.as(user.token()));
    Session adminSession = adminSessions.create("fuzz");
    Session userSession = userSessions.create("fuzz");
    // Settled, so that the database changes only through the requests below.
    adminSessions.await(adminSession.id(), SessionStatus.RUNNING, Duration.ofMinutes(3));
    userSessions.await(userSession.id(), SessionStatus.RUNNING, Duration.ofMinutes(3));
    List<String> ids =
        List.of(
            adminSession.id().toString(),
            userSession.id().toString(),
            admin.user().id().toString(),
            user.user().id().toString(),
            UUID.randomUUID().toString(),
            "not-a-uuid",
            "%2e%2e",
            "",
            "x".repeat(300));
    JdbcAccess database = JdbcAccess.direct(backend.config().paths().dataDir());
    try {
      int refused = 0;

      for (int i = 0; i < REQUESTS; i++) {
        String route = ROUTES.get(random.nextInt(ROUTES.size()));
        String method = route.substring(0, route.indexOf(' '));
        String path =
            route
                .substring(route.indexOf(' ') + 1)
                .replace("{id}", pick(random, ids))
                .replace(
                    "{code}", URLEncoder.encode(randomText(random, 20), StandardCharsets.UTF_8))
                .replace("{rest}", randomPathTail(random));
        HttpRequest.Builder request =
            HttpRequest.newBuilder(
                    URI.create(backend.server().baseUri() + path + randomQuery(random)))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(randomBody(random)));
        String token = pick(random, tokens);
        if (!token.isEmpty()) {
          request.header(
              random.nextBoolean() ? "Authorization" : "Cookie",
              random.nextBoolean() ? "Bearer " + token : "workspace_token=" + token);
        }
        request.header("Content-Type", pick(random, CONTENT_TYPES));
        if (random.nextInt(4) == 0) {
          request.header("Origin", pick(random, ORIGINS));
        }
        String replay = "seed " + seed + ", request " + i + ": " + method + " " + path;

        String before = snapshot(database);
        HttpResponse<InputStream> response;
        try {
          response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IllegalArgumentException unsendable) {
          continue; // the JDK refuses to send it (a restricted header or a bad URI): no request
        }
        int status = response.statusCode();
        String body = "";
        try (InputStream stream = response.body()) {
          // An error's body is whole; a success may be a stream that goes on (a followed log).
          if (status >= 400) {
            body = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          }
        }
        replay += " answered " + status + " " + body;
        // Inside a session the container answers for itself (opencode answers some junk with a 500
        // of its own): its answers pass through as sent. The backend's own always are problems.
        boolean fromContainer =
            path.startsWith("/session")
                && !response
                    .headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .startsWith("application/problem+json");
        if (fromContainer) {
          continue;
        }
        assertThat(status).as(replay).isLessThan(500);
        if (status >= 400) {
          refused++;
          assertThat(response.headers().firstValue("Content-Type").orElse(""))
              .as(replay)
              .startsWith("application/problem+json");
          JsonNode problem = json.readTree(body);
          assertThat(problem.path("status").asInt()).as(replay).isEqualTo(status);
          assertThat(problem.path("detail").asString()).as(replay).isNotBlank();
          assertThat(snapshot(database)).as(replay + " changed the database").isEqualTo(before);
        }
      }
      assertThat(refused).as("refused requests (seed %d)", seed).isGreaterThan(REQUESTS / 3);
    } finally {
      // The last admin can be neither demoted nor disabled: it can always delete both.
      adminSessions.http().delete().uri("/api/sessions/" + adminSession.id()).exchange();
      adminSessions.http().delete().uri("/api/sessions/" + userSession.id()).exchange();
    }
  }

  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-8",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/octet-stream",
          "application/json; charset=latin-1",
          "*/*");

  private static final List<String> ORIGINS =
      List.of("http://evil.example", "null", "http://127.0.0.1", "http://localhost:1");

  private static String snapshot(JdbcAccess database) {
    StringBuilder rows = new StringBuilder();
    // A session's state, container and ports move on their own while it starts or fails: what a
    // request could change is whether it exists and what it was asked to be.
    for (String query :
        List.of(
            "SELECT * FROM users ORDER BY id",
            "SELECT * FROM invite_codes ORDER BY code",
            "SELECT id, name, user_id, image, workspace_path, env FROM sessions ORDER BY id")) {
      rows.append(database.jdbc().sql(query).query().listOfRows()).append('\n');
    }
    return rows.toString();
  }

  private static String randomBody(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> "";
      case 1 -> randomText(random, random.nextInt(200));
      case 2 -> "{\"" + pick(random, FIELDS) + "\": " + randomJsonValue(random, 2);
      default -> {
        List<String> members = new ArrayList<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
          members.add("\"" + pick(random, FIELDS) + "\": " + randomJsonValue(random, 2));
        }
        yield "{" + String.join(", ", members) + "}";
      }
    };
  }

  private static String randomJsonValue(Random random, int depth) {
    int kind = random.nextInt(depth > 0 ? 10 : 8);
    return switch (kind) {
      case 0 -> "null";
      case 1 -> Boolean.toString(random.nextBoolean());
      case 2 -> Long.toString(random.nextLong());
      case 3 -> Double.toString(random.nextDouble() * 1e300);
      case 4 -> "\"" + pick(random, STRINGS) + "\"";
      case 5 -> "\"" + randomText(random, random.nextInt(40)).replace("\"", "") + "\"";
      case 6 -> "\"" + "x".repeat(random.nextInt(5000)) + "\"";
      case 7 -> "-0";
      case 8 -> "[" + randomJsonValue(random, depth - 1) + "]";
      default -> "{\"" + pick(random, FIELDS) + "\": " + randomJsonValue(random, depth - 1) + "}";
    };
  }

  private static final List<String> STRINGS =
      List.of(
          "admin",
          "user",
          "root",
          "7d",
          "P9999999999D",
          "-1s",
          "0s",
          "12h",
          "../x",
          "/etc",
          "a/../../b",
          "Alpine",
          "alpine;rm -rf /",
          "x@sha256:zz",
          "opencode",
          "terminal",
          "files",
          "\\u0000",
          "\\ud800",
          "é",
          "SESSION_SECRET",
          "%c0%ae",
          "..");

  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x2FF)));
    }
    return text.toString();
  }

  private static String randomPathTail(Random random) {
    return pick(random, List.of("", "x", "global/health", "file", "tree", "ws", "token", "a/b/c"));
  }

  private static String randomQuery(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> "";
      case 1 -> "?tail=" + pick(random, List.of("-5", "abc", "999999999999", "10"));
      case 2 ->
          "?service="
              + pick(random, List.of("opencode", "terminal", "files", "x", "%00", ""))
              + "&follow="
              + pick(random, List.of("true", "maybe", ""));
      case 3 -> "?all=" + pick(random, List.of("true", "yes", "1")) + "&token=abc";
      default -> "?path=" + pick(random, List.of("%2e%2e", "%c0%ae", "..", "%25ZZ", "a"));
    };
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
