package io.workspacebackend.sessionorigin;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.auth.CredentialCookies;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.UserChange;
import io.workspacebackend.proxy.LiveSession;
import io.workspacebackend.sessionorigin.OriginVisitor.SignedInOrigin;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Session origins over HTTP, against a real session container: opening one, the ticket and the
 * cookie it is swapped for, what that cookie grants and what it never does, and the path routes'
 * sandbox.
 */
@Timeout(180)
class SessionOriginTest {
  private static final String ALLOWED_ORIGIN = "http://console.localhost:5173";

  @RegisterExtension
  static final RunningBackend backend =
      new RunningBackend().with("server.allowed_origins", ALLOWED_ORIGIN);

  private static Accounts accounts;
  private static OriginVisitor visitor;
  private static SignedIn owner;
  private static SignedIn stranger;
  private static SignedIn admin;
  private static LiveSession live;

  @BeforeAll
  static void startSession() throws Exception {
    accounts = new Accounts(backend);
    visitor = new OriginVisitor(backend);
    owner = accounts.register(Role.USER);
    stranger = accounts.register(Role.USER);
    admin = accounts.register(Role.ADMIN);
    live = LiveSession.create(accounts, owner.token());
    live.awaitRunning();
  }

  @AfterAll
  static void deleteSession() {
    if (live != null) {
      live.close();
    }
  }

  private static String id() {
    return live.id();
  }

  @Test
  void openingRedirectsToTheSessionsOwnOriginWithAnUnguessableTicket() {
    URI location = visitor.open(owner.token(), id(), "terminal");

    assertThat(location.toString())
        .matches(
            "//"
                + id()
                + "\\.localhost:"
                + visitor.port()
                + "/_session/ticket\\?t=[A-Za-z0-9_-]{43}");
  }

  @Test
  void theTicketBecomesAHostOnlyHttpOnlyLaxCookieAndLeadsToTheService() {
    for (String[] serviceAndLanding :
        new String[][] {{"opencode", "/"}, {"terminal", "/terminal/"}, {"files", "/files/tree"}}) {
      List<String> setCookies =
          visitor
              .redeem(visitor.open(owner.token(), id(), serviceAndLanding[0]))
              .expectStatus()
              .isFound()
              .expectHeader()
              .location(serviceAndLanding[1])
              .expectHeader()
              .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
              .returnResult(Void.class)
              .getResponseHeaders()
              .getOrEmpty(HttpHeaders.SET_COOKIE);
      assertThat(setCookies).hasSize(1);
      String cookie = setCookies.get(0);
      assertThat(cookie)
          .startsWith(CredentialCookies.SESSION + "=")
          .containsIgnoringCase("; HttpOnly")
          .contains("; Path=/", "; SameSite=Lax", "; Max-Age=")
          .doesNotContainIgnoringCase("domain=")
          .doesNotContain("Secure");
    }
  }

  @Test
  void theServicesAnswerAtTheRootsTheirPagesExpect() {
    SignedInOrigin origin = visitor.signIn(owner.token(), id());

    // opencode's web UI at /, with its own script paths under /assets/ and its own CSP.
    String page =
        origin
            .request(HttpMethod.GET, "/")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectHeader()
            .value("Content-Security-Policy", policy -> assertThat(policy).isNotEqualTo("sandbox"))
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(page).contains("src=\"/assets/");
    origin
        .request(HttpMethod.GET, "/global/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("\"healthy\":true"));
    origin
        .request(HttpMethod.GET, "/terminal/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML);
    origin
        .request(HttpMethod.GET, "/terminal/token")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("{\"token\":\"\"}");
    origin.request(HttpMethod.GET, "/terminal").exchange().expectHeader().location("/terminal/");
  }

  @Test
  void filesUploadAndDownloadOnTheOriginButOnlyFromItsOwnPages() {
    SignedInOrigin origin = visitor.signIn(owner.token(), id());
    String name = "origin-" + UUID.randomUUID() + ".txt";
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("file", "uploaded on the origin".getBytes(StandardCharsets.UTF_8)).filename(name);

    origin
        .request(HttpMethod.POST, "/files/upload?path=.")
        .header(HttpHeaders.ORIGIN, visitor.origin(id()))
        .body(BodyInserters.fromMultipartData(parts.build()))
        .exchange()
        .expectStatus()
        .isCreated();
    origin
        .request(HttpMethod.GET, "/files/file?path=" + name)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("uploaded on the origin");
    for (String foreign :
        new String[] {
          null,
          "http://127.0.0.1:" + visitor.port(),
          visitor.origin(UUID.randomUUID().toString()),
          ALLOWED_ORIGIN,
          "null"
        }) {
      WebTestClient.RequestBodySpec put =
          origin.request(HttpMethod.PUT, "/files/file?path=" + name);
      if (foreign != null) {
        put.header(HttpHeaders.ORIGIN, foreign);
      }
      put.bodyValue("overwritten")
          .exchange()
          .expectStatus()
          .isForbidden()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    origin
        .request(HttpMethod.GET, "/files/file?path=" + name)
        .exchange()
        .expectBody(String.class)
        .isEqualTo("uploaded on the origin");
  }

  @Test
  void theTerminalWebSocketOpensOnlyFromItsOwnOrigin() throws IOException {
    SignedInOrigin origin = visitor.signIn(owner.token(), id());

    assertThat(terminalHandshake(origin, visitor.origin(id()))).isEqualTo(101);
    assertThat(terminalHandshake(origin, null)).isEqualTo(403);
    assertThat(terminalHandshake(origin, ALLOWED_ORIGIN)).isEqualTo(403);
    assertThat(terminalHandshake(origin, "http://127.0.0.1:" + visitor.port())).isEqualTo(403);
    assertThat(terminalHandshake(origin, visitor.origin(UUID.randomUUID().toString())))
        .isEqualTo(403);
  }

  @Test
  void openingNeedsAValidServiceAndTheRightToUseTheSession() {
    String uri = "/api/sessions/{id}/open?service={service}";
    accounts
        .as(owner.token())
        .get()
        .uri(uri, id(), "shell")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("\"field\":\"service\""));
    accounts
        .as(owner.token())
        .get()
        .uri("/api/sessions/{id}/open", id())
        .exchange()
        .expectStatus()
        .isBadRequest();
    accounts
        .as(stranger.token())
        .get()
        .uri(uri, id(), "opencode")
        .exchange()
        .expectStatus()
        .isNotFound();
    accounts
        .as(owner.token())
        .get()
        .uri(uri, UUID.randomUUID(), "opencode")
        .exchange()
        .expectStatus()
        .isNotFound();
    backend.client().get().uri(uri, id(), "opencode").exchange().expectStatus().isUnauthorized();
    // An admin may open anyone's session, as on the proxies.
    visitor.open(admin.token(), id(), "files");
  }

  @Test
  void aTicketWorksOnceEvenUnderParallelRedemption() throws Exception {
    int parallel = 16;
    URI location = visitor.open(owner.token(), id(), "opencode");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      Callable<Integer> redeem =
          () -> {
            start.await();
            return visitor.redeem(location).returnResult(Void.class).getStatus().value();
          };
      for (int i = 0; i < parallel; i++) {
        statuses.add(pool.submit(redeem));
      }
      start.countDown();
      List<Integer> answers = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        answers.add(status.get());
      }
      assertThat(answers).filteredOn(status -> status == 302).hasSize(1);
      assertThat(answers).filteredOn(status -> status == 400).hasSize(parallel - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTicketOpensOnlyItsOwnSessionAndIsSpentByTryingAnother() {
    URI location = visitor.open(owner.token(), id(), "opencode");
    String otherHost = visitor.host(UUID.randomUUID().toString());

    backend
        .client()
        .get()
        .uri(location.getRawPath() + "?" + location.getRawQuery())
        .header(HttpHeaders.HOST, otherHost)
        .exchange()
        .expectStatus()
        .isBadRequest();
    visitor.redeem(location).expectStatus().isBadRequest();
  }

  @Test
  void theCookieGrantsItsOneSessionOnItsOneOriginAndNothingOnTheApi() {
    SignedInOrigin origin = visitor.signIn(owner.token(), id());
    assertThat(origin.status()).isEqualTo(302);

    origin
        .request(HttpMethod.GET, UUID.randomUUID().toString(), "/terminal")
        .exchange()
        .expectStatus()
        .isUnauthorized();
    accounts.as(origin.cookie).get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized();
    backend
        .client()
        .get()
        .uri("/api/auth/me")
        .cookie(CredentialCookies.API, origin.cookie)
        .exchange()
        .expectStatus()
        .isUnauthorized();
    backend
        .client()
        .get()
        .uri("/api/auth/me")
        .cookie(CredentialCookies.SESSION, origin.cookie)
        .exchange()
        .expectStatus()
        .isUnauthorized();
    backend
        .client()
        .get()
        .uri("/sessions/{id}/files/tree", id())
        .cookie(CredentialCookies.SESSION, origin.cookie)
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void theApisCredentialsAreNeverAcceptedOnASessionOrigin() {
    visitor
        .request(HttpMethod.GET, id(), "/terminal")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token())
        .exchange()
        .expectStatus()
        .isUnauthorized();
    visitor
        .request(HttpMethod.GET, id(), "/terminal")
        .cookie(CredentialCookies.API, owner.token())
        .exchange()
        .expectStatus()
        .isUnauthorized();
    visitor
        .request(HttpMethod.GET, id(), "/terminal")
        .cookie(CredentialCookies.SESSION, owner.token())
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aSessionOriginServesNoneOfTheApi() {
    SignedInOrigin origin = visitor.signIn(admin.token(), id());
    for (String path :
        new String[] {"/api", "/api/users", "/api/auth/me", "/api/sessions", "/api/health"}) {
      origin
          .request(HttpMethod.GET, path)
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin.token())
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    origin
        .request(HttpMethod.PATCH, "/api/users/" + stranger.user().id())
        .header(HttpHeaders.ORIGIN, visitor.origin(id()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"role\":\"admin\"}")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aHostUnderTheSessionDomainThatNamesNoSessionIs404() {
    for (String host :
        new String[] {
          "nope.localhost:" + visitor.port(),
          "x." + id() + ".localhost:" + visitor.port(),
          id().toUpperCase(Locale.ROOT) + "0.localhost"
        }) {
      backend
          .client()
          .get()
          .uri("/")
          .header(HttpHeaders.HOST, host)
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void loggingOutEndsTheSignInOnTheSessionOriginToo() {
    SignedIn second = accounts.login(owner.user().username(), Accounts.PASSWORD);
    SignedInOrigin origin = visitor.signIn(second.token(), id());
    SignedInOrigin other = visitor.signIn(owner.token(), id());
    assertThat(origin.status()).isEqualTo(302);

    accounts
        .as(second.token())
        .post()
        .uri("/api/auth/logout")
        .exchange()
        .expectStatus()
        .isNoContent();

    assertThat(origin.status()).isEqualTo(401);
    assertThat(other.status()).as("another sign-in of the same user").isEqualTo(302);
  }

  @Test
  void disablingOrDemotingTheUserEndsWhatTheyMayDoThere() {
    SignedIn deputy = accounts.register(Role.ADMIN);
    SignedInOrigin origin = visitor.signIn(deputy.token(), id());
    assertThat(origin.status()).isEqualTo(302);

    change(deputy, new UserChange(null, true));
    assertThat(origin.status()).isEqualTo(401);
    change(deputy, new UserChange(null, false));
    assertThat(origin.status()).isEqualTo(302);
    // No longer an admin: another user's session is as good as missing.
    change(deputy, new UserChange("user", null));
    assertThat(origin.status()).isEqualTo(404);
  }

  @Test
  void deletingTheSessionEndsItsOrigin() {
    SignedInOrigin origin;
    String deletedId;
    try (LiveSession doomed = LiveSession.create(accounts, owner.token())) {
      deletedId = doomed.id();
      origin = visitor.signIn(owner.token(), deletedId);
      assertThat(origin.status()).isEqualTo(302);
    }
    assertThat(origin.status()).as("session %s deleted", deletedId).isEqualTo(404);
  }

  @Test
  void pathRoutesAreSandboxedWhileTheSessionOriginKeepsTheContainersPolicy() {
    accounts
        .as(owner.token())
        .get()
        .uri("/sessions/{id}/opencode/", id())
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("Content-Security-Policy", "sandbox")
        .expectHeader()
        .valueEquals("X-Content-Type-Options", "nosniff");
    visitor
        .signIn(owner.token(), id())
        .request(HttpMethod.GET, "/")
        .exchange()
        .expectHeader()
        .value("Content-Security-Policy", policy -> assertThat(policy).contains("script-src"));
  }

  private static void change(SignedIn user, UserChange change) {
    accounts
        .as(admin.token())
        .patch()
        .uri("/api/users/{id}", user.user().id())
        .bodyValue(change)
        .exchange()
        .expectStatus()
        .isOk();
  }

  /**
   * The status of a WebSocket handshake for the session's terminal on its origin, written byte for
   * byte: clients add an {@code Origin} of their own, and this one must be able to send none.
   */
  private static int terminalHandshake(SignedInOrigin signedIn, String origin) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), visitor.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /terminal/ws HTTP/1.1\r\n"
                  + "Host: "
                  + visitor.host(signedIn.sessionId)
                  + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: tty\r\n"
                  + "Cookie: "
                  + CredentialCookies.SESSION
                  + "="
                  + signedIn.cookie
                  + "\r\n"
                  + (origin == null ? "" : "Origin: " + origin + "\r\n")
                  + "\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String statusLine =
          new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }
}
