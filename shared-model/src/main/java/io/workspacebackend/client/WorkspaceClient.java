package io.workspacebackend.client;

import io.workspacebackend.model.auth.LoginRequest;
import io.workspacebackend.model.auth.RegisterRequest;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.health.Health;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.invite.InviteRequest;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionDeleted;
import io.workspacebackend.model.session.SessionProgress;
import io.workspacebackend.model.session.SessionStats;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserChange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import tools.jackson.core.type.TypeReference;

/**
 * The backend's HTTP API, typed and blocking (call it off any UI thread). After {@link #login} or
 * {@link #register} it sends the token with every request. Errors arrive as {@link ApiException}
 * (the server said no) or {@link ServerUnreachableException} (no answer). Thread-safe.
 */
public final class WorkspaceClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** Deleting waits for the container to stop (the server's stop timeout) and be removed. */
  private static final Duration DELETE_TIMEOUT = Duration.ofMinutes(2);

  private final URI baseUri;
  private final HttpClient http;
  private volatile String token;

  private WorkspaceClient(URI baseUri) {
    this.baseUri = baseUri;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A client of the server at {@code baseUri} (http or https; a trailing slash is ignored). */
  public static WorkspaceClient forServer(URI baseUri) {
    String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
    if ((!scheme.equals("http") && !scheme.equals("https")) || baseUri.getHost() == null) {
      throw new IllegalArgumentException("not an http(s) server address: " + baseUri);
    }
    String text = baseUri.toString().replaceAll("/+$", "");
    return new WorkspaceClient(URI.create(text));
  }

  public URI baseUri() {
    return baseUri;
  }

  /** The token requests carry, or null before signing in. */
  public String token() {
    return token;
  }

  /** Uses a token obtained elsewhere (e.g. kept from an earlier sign-in). */
  public void useToken(String newToken) {
    this.token = newToken;
  }

  // Authentication

  public SignedIn login(String username, String password) {
    SignedIn signedIn =
        call(post("/api/auth/login", new LoginRequest(username, password)), SignedIn.class);
    token = signedIn.token();
    return signedIn;
  }

  public SignedIn register(String inviteCode, String username, String password) {
    SignedIn signedIn =
        call(
            post("/api/auth/register", new RegisterRequest(inviteCode, username, password)),
            SignedIn.class);
    token = signedIn.token();
    return signedIn;
  }

  /** Revokes the token on the server and forgets it. */
  public void logout() {
    try {
      call(request("/api/auth/logout").POST(HttpRequest.BodyPublishers.noBody()), Void.class);
    } finally {
      token = null;
    }
  }

  public User me() {
    return call(request("/api/auth/me").GET(), User.class);
  }

  /** The server's health; answered also while it is unavailable (503 carries the same body). */
  public Health health() {
    HttpResponse<String> response = send(request("/api/health").GET(), REQUEST_TIMEOUT);
    if (response.statusCode() == 200 || response.statusCode() == 503) {
      return ClientJson.read(response.body(), Health.class);
    }
    throw ClientJson.problem(response.statusCode(), response.body());
  }

  // Sessions

  /** The caller's own sessions. */
  public List<Session> sessions() {
    return call(request("/api/sessions").GET(), new TypeReference<List<Session>>() {});
  }

  /** Every user's sessions (admins only). */
  public List<Session> allSessions() {
    return call(request("/api/sessions?all=true").GET(), new TypeReference<List<Session>>() {});
  }

  public Session session(UUID id) {
    return call(request("/api/sessions/" + id).GET(), Session.class);
  }

  /** Creates a session; it comes back {@code pending} and starts in the background. */
  public Session createSession(CreateSessionRequest create) {
    return call(post("/api/sessions", create), Session.class);
  }

  /**
   * Stops the session, keeping its workspace and settings; it comes back {@code stopping} and is
   * {@code stopped} once its container is gone.
   */
  public Session stopSession(UUID id) {
    return call(
        request("/api/sessions/" + id + "/stop").POST(BodyPublishers.noBody()), Session.class);
  }

  /** Starts a stopped or failed session again; it comes back {@code starting}. */
  public Session startSession(UUID id) {
    return call(
        request("/api/sessions/" + id + "/start").POST(BodyPublishers.noBody()), Session.class);
  }

  /** Stops and removes the session's container and forgets it; returns once it is gone. */
  public void deleteSession(UUID id) {
    HttpResponse<String> response = send(request("/api/sessions/" + id).DELETE(), DELETE_TIMEOUT);
    check(response);
  }

  public SessionStats stats(UUID id) {
    return call(request("/api/sessions/" + id + "/stats").GET(), SessionStats.class);
  }

  /** The last {@code tail} lines the session's container printed. */
  public String logs(UUID id, int tail) {
    HttpResponse<String> response =
        send(
            request("/api/sessions/" + id + "/logs?tail=" + tail)
                .setHeader("Accept", "text/plain")
                .GET(),
            REQUEST_TIMEOUT);
    check(response);
    return response.body();
  }

  /**
   * Follows the container's output: the last {@code tail} lines, then each new one. {@code end} is
   * called once if the stream ends or fails (not after {@link Subscription#close()}).
   */
  public Subscription followLogs(
      UUID id, int tail, Consumer<String> line, Consumer<Throwable> end) {
    String path = "/api/sessions/" + id + "/logs?follow=true&tail=" + tail;
    return new StreamReader("logs-" + id, () -> openStream(path, "text/plain"), line, end).start();
  }

  /**
   * Follows {@code /api/events}: each session the caller may see, whenever it changes. {@code end}
   * is called once if the stream ends or fails (not after {@link Subscription#close()}); when the
   * server ended it because the sign-in was withdrawn (logout, account disabled: 401; admin role
   * removed: 403), with the {@link ApiException} it sent as its last event.
   */
  public Subscription events(Consumer<Session> onSession, Consumer<Throwable> end) {
    return followEvents(onSession::accept, end);
  }

  /**
   * As {@link #events(Consumer, Consumer)}, with start-up progress and deletions too, and for an
   * admin users and invite codes as they change. Events this client does not know are ignored.
   */
  public Subscription followEvents(SessionEventListener listener, Consumer<Throwable> end) {
    AtomicReference<ApiException> revoked = new AtomicReference<>();
    EventStreamParser parser =
        new EventStreamParser(
            (event, data) -> {
              switch (event) {
                case "session" -> listener.session(ClientJson.read(data, Session.class));
                case "progress" -> listener.progress(ClientJson.read(data, SessionProgress.class));
                case "deleted" ->
                    listener.deleted(ClientJson.read(data, SessionDeleted.class).sessionId());
                case "user" -> listener.user(ClientJson.read(data, User.class));
                case "invite" -> listener.invite(ClientJson.read(data, Invite.class));
                case "revoked" -> revoked.set(ClientJson.problem(data));
                default -> {
                  // Events a newer server may add are not this client's to understand.
                }
              }
            });
    return new StreamReader(
            "session-events",
            () -> openStream("/api/events", "text/event-stream"),
            parser::line,
            failure -> end.accept(revoked.get() != null ? revoked.get() : failure))
        .start();
  }

  /** The WebSocket address of the session's terminal (ttyd's protocol, subprotocol {@code tty}). */
  public URI terminalUri(UUID id) {
    String scheme = baseUri.getScheme().equals("https") ? "wss" : "ws";
    return URI.create(
        scheme
            + baseUri.toString().substring(baseUri.getScheme().length())
            + "/sessions/"
            + id
            + "/terminal");
  }

  // Invite codes (admins)

  public List<Invite> invites() {
    return call(request("/api/invite-codes").GET(), new TypeReference<List<Invite>>() {});
  }

  public List<Invite> generateInvites(InviteRequest generate) {
    return call(post("/api/invite-codes", generate), new TypeReference<List<Invite>>() {});
  }

  public void revokeInvite(String code) {
    String encoded = URLEncoder.encode(code, StandardCharsets.UTF_8);
    call(request("/api/invite-codes/" + encoded).DELETE(), Void.class);
  }

  // Users (admins)

  public List<User> users() {
    return call(request("/api/users").GET(), new TypeReference<List<User>>() {});
  }

  /** Changes a user's role or disabled flag (null fields stay as they are). */
  public User changeUser(UUID id, UserChange change) {
    return call(
        request("/api/users/" + id)
            .method("PATCH", HttpRequest.BodyPublishers.ofString(ClientJson.write(change)))
            .header("Content-Type", "application/json"),
        User.class);
  }

  /**
   * Sets the user's own quota values, replacing those set before; {@code null} values (all of
   * {@link QuotaOverrides#NONE}) go back to the server's defaults. Returns the user with the quota
   * now in effect.
   */
  public User setQuota(UUID id, QuotaOverrides quota) {
    return call(
        request("/api/users/" + id + "/quota")
            .PUT(HttpRequest.BodyPublishers.ofString(ClientJson.write(quota)))
            .header("Content-Type", "application/json"),
        User.class);
  }

  // Plumbing

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUri + path)).header("Accept", "application/json");
    String current = token;
    if (current != null) {
      builder.header("Authorization", "Bearer " + current);
    }
    return builder;
  }

  private HttpRequest.Builder post(String path, Object body) {
    return request(path)
        .POST(HttpRequest.BodyPublishers.ofString(ClientJson.write(body)))
        .header("Content-Type", "application/json");
  }

  private <T> T call(HttpRequest.Builder builder, Class<T> type) {
    HttpResponse<String> response = send(builder, REQUEST_TIMEOUT);
    check(response);
    return type == Void.class ? null : ClientJson.read(response.body(), type);
  }

  private <T> T call(HttpRequest.Builder builder, TypeReference<T> type) {
    HttpResponse<String> response = send(builder, REQUEST_TIMEOUT);
    check(response);
    return ClientJson.read(response.body(), type);
  }

  private HttpResponse<String> send(HttpRequest.Builder builder, Duration timeout) {
    try {
      return http.send(
          builder.timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ServerUnreachableException(baseUri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerUnreachableException(baseUri, e);
    }
  }

  private static void check(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw ClientJson.problem(response.statusCode(), response.body());
    }
  }

  private InputStream openStream(String path, String accept)
      throws IOException, InterruptedException {
    HttpRequest streamRequest = request(path).setHeader("Accept", accept).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(streamRequest, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new ServerUnreachableException(baseUri, e);
    }
    if (response.statusCode() / 100 != 2) {
      try (InputStream body = response.body()) {
        throw ClientJson.problem(
            response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return response.body();
  }
}
