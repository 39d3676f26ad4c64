package io.workspacebackend.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.workspacebackend.examples.PublicClient.Answer;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.LeftoverSessions;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reverse-proxy example (nginx, Caddy) run as its file says, in front of a real backend with a
 * real session, and used as people behind it use it: over TLS, by the example's own host names, for
 * the API, the path routes (files, opencode's event stream, the terminal) and a session's own
 * origin. The names resolve to this machine ({@link LoopbackNames}); certificates are made where
 * certbot would put them ({@link SelfSignedCertificate}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReverseProxyContract {
  static final String API_HOST = "workspace.example.com";
  static final String SESSION_DOMAIN = "ws.example.com";
  private static final Duration START = Duration.ofMinutes(3);
  private static final Duration EVENT = Duration.ofSeconds(30);

  private Path directory;
  private ReverseProxy proxy;
  private PublicClient client;
  private SessionClient owner;
  private String username;
  private String token;
  private Session session;

  /** A backend with {@code server.session_domain} set to {@link #SESSION_DOMAIN}. */
  abstract RunningBackend backend();

  /**
   * Starts the proxy from its example file, with only the machine's parts replaced: its ports
   * ({@code httpPort}, {@code httpsPort}, on loopback), the backend's address ({@code
   * 127.0.0.1:backendPort}) and the certificates' directory ({@code live} for
   * /etc/letsencrypt/live).
   */
  abstract ReverseProxy start(
      Path directory, Path live, int backendPort, int httpPort, int httpsPort) throws Exception;

  /** Certificates the proxy made itself, which its clients must trust too. */
  List<X509Certificate> certificatesOf(ReverseProxy proxy, Path directory) throws Exception {
    return List.of();
  }

  @BeforeAll
  void aSessionRunsBehindTheProxy() throws Exception {
    directory = Files.createTempDirectory("reverse-proxy-example");
    Path live = directory.resolve("live");
    List<X509Certificate> trusted = new ArrayList<>();
    trusted.add(SelfSignedCertificate.create(live, API_HOST, API_HOST).load());
    trusted.add(SelfSignedCertificate.create(live, SESSION_DOMAIN, "*." + SESSION_DOMAIN).load());
    int backendPort = backend().server().baseUri().getPort();
    proxy = start(directory, live, backendPort, freePort(), freePort());
    trusted.addAll(certificatesOf(proxy, directory));
    client = new PublicClient(trusted);
    Awaitility.await("the proxy answers over TLS")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .failFast(proxy::assertRunning)
        .ignoreExceptions()
        .until(() -> client.get(api("/api/health"), Map.of()).status() == 200);

    Accounts accounts = new Accounts(backend());
    username = Accounts.uniqueName("behind-proxy");
    token =
        accounts.register(accounts.inviteCode(Role.USER, 1), username, Accounts.PASSWORD).token();
    owner = new SessionClient(accounts.as(token));
    Session created = owner.create(username);
    session = owner.await(created.id(), SessionStatus.RUNNING, START);
  }

  @AfterAll
  void everythingStops() throws Exception {
    if (owner != null) {
      // Also a session whose start failed or timed out in aSessionRunsBehindTheProxy.
      LeftoverSessions.deleteAll(backend());
    }
    if (proxy != null) {
      proxy.close();
    }
    FileSystemUtils.deleteRecursively(directory);
  }

  @Test
  void signingInOverTlsGivesATokenAndASecureCookie() throws Exception {
    Answer signedIn =
        client.send(
            HttpMethod.POST,
            api("/api/auth/login"),
            Map.of("Content-Type", "application/json"),
            "{\"username\":\"" + username + "\",\"password\":\"" + Accounts.PASSWORD + "\"}");

    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
    assertThat(JsonMapper.shared().readTree(signedIn.body()).path("token").asString()).isNotBlank();
    assertThat(signedIn.headers().get(HttpHeaderNames.SET_COOKIE))
        .startsWith("workspace_token=")
        .containsIgnoringCase("; Secure");
  }

  @Test
  void plainHttpIsRedirectedToHttps() {
    Answer redirect =
        client.get("http://" + API_HOST + ":" + proxy.httpPort() + "/api/health", Map.of());

    assertThat(redirect.status()).isIn(301, 308);
    assertThat(redirect.headers().get(HttpHeaderNames.LOCATION))
        .startsWith("https://" + API_HOST)
        .endsWith("/api/health");
  }

  @Test
  void aLargeFileGoesUpAndComesBackThroughThePathRoute() {
    // Larger than nginx's default body limit (1 MiB), which the example lifts.
    String content = "a line of the uploaded file\n".repeat(3 * 1024 * 1024 / 28);
    String file = files("/file?path=uploaded.txt");

    Answer written = client.send(HttpMethod.PUT, file, bearer(), content);
    Answer read = client.get(file, bearer());

    assertThat(written.status()).as(written.body()).isIn(201, 204);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(content);
  }

  @Test
  void opencodeEventsArriveWhileTheStreamStaysOpen() throws Exception {
    String opencode = api("/sessions/" + session.id() + "/opencode");
    try (StreamedText events = client.follow(opencode + "/event", bearer())) {
      events.awaitContaining("server.connected", EVENT);

      Answer created =
          client.send(
              HttpMethod.POST,
              opencode + "/session",
              withBearer(Map.of("Content-Type", "application/json")),
              "{\"title\":\"behind the proxy\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(200);
      String id = JsonMapper.shared().readTree(created.body()).path("id").asString();

      // Unbuffered: the event arrives on its own, while the stream goes on.
      events.awaitContaining(id, EVENT);
      assertThat(events.status()).isEqualTo(200);
      assertThat(events.hasEnded()).isFalse();
    }
  }

  @Test
  void theTerminalEchoesThroughTheProxy() {
    String screen =
        client.terminal(
            "wss://"
                + API_HOST
                + ":"
                + proxy.httpsPort()
                + "/sessions/"
                + session.id()
                + "/terminal",
            bearer(),
            "echo $((6 * 7))-through-the-proxy\r",
            "42-through-the-proxy");

    assertThat(screen).contains("42-through-the-proxy");
  }

  @Test
  void theSessionsOwnOriginServesItsFilesAndTerminal() {
    client.send(HttpMethod.PUT, files("/file?path=origin.txt"), bearer(), "on its own origin");
    String origin = "https://" + session.id() + "." + SESSION_DOMAIN + ":" + proxy.httpsPort();

    Answer open =
        client.get(api("/api/sessions/" + session.id() + "/open?service=files"), bearer());
    assertThat(open.status()).as(open.body()).isEqualTo(302);
    String ticket = open.headers().get(HttpHeaderNames.LOCATION);
    assertThat("https:" + ticket).startsWith(origin + "/");
    Answer exchanged = client.get("https:" + ticket, Map.of());
    String sessionCookie = exchanged.headers().get(HttpHeaderNames.SET_COOKIE);
    assertThat(sessionCookie).startsWith("workspace_session=").containsIgnoringCase("; Secure");
    Map<String, String> signedIn =
        Map.of("Cookie", sessionCookie.substring(0, sessionCookie.indexOf(';')), "Origin", origin);

    Answer file = client.get(origin + "/files/file?path=origin.txt", signedIn);
    String screen =
        client.terminal(
            "wss" + origin.substring("https".length()) + "/terminal/ws",
            signedIn,
            "echo $((6 * 7))-on-its-origin\r",
            "42-on-its-origin");

    assertThat(file.body()).isEqualTo("on its own origin");
    assertThat(screen).contains("42-on-its-origin");
  }

  String api(String path) {
    return "https://" + API_HOST + ":" + proxy.httpsPort() + path;
  }

  private String files(String path) {
    return api("/sessions/" + session.id() + "/files" + path);
  }

  private Map<String, String> bearer() {
    return Map.of("Authorization", "Bearer " + token);
  }

  private Map<String, String> withBearer(Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.putAll(bearer());
    return all;
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
