package io.workspacebackend.sessionorigin;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.auth.CredentialCookies;
import io.workspacebackend.testing.RunningBackend;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Visits session origins of a {@link RunningBackend} the way a browser does, without one: asks the
 * API to open a session, follows the redirect to the session's host (named in {@code Host}, since
 * Java does not resolve {@code *.localhost}) and keeps the cookie it gets there.
 */
final class OriginVisitor {
  private static final Pattern SET_COOKIE_VALUE =
      Pattern.compile("^" + CredentialCookies.SESSION + "=([^;]*)");

  private final RunningBackend backend;

  OriginVisitor(RunningBackend backend) {
    this.backend = backend;
  }

  int port() {
    return backend.server().port();
  }

  /** {@code <id>.localhost:<port>}, the host a browser sends for the session's origin. */
  String host(String sessionId) {
    return sessionId + ".localhost:" + port();
  }

  String origin(String sessionId) {
    return "http://" + host(sessionId);
  }

  /** {@code GET /api/sessions/{id}/open} with a bearer token; the redirect's target. */
  URI open(String token, String sessionId, String service) {
    URI location =
        backend
            .client()
            .get()
            .uri("/api/sessions/{id}/open?service={service}", sessionId, service)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .exchange()
            .expectStatus()
            .isFound()
            .expectHeader()
            .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
            .returnResult(Void.class)
            .getResponseHeaders()
            .getLocation();
    assertThat(location).isNotNull();
    return location;
  }

  /** Requests {@code path} on the session's host, through the backend's real port. */
  WebTestClient.RequestBodySpec request(HttpMethod method, String sessionId, String path) {
    return backend.client().method(method).uri(path).header(HttpHeaders.HOST, host(sessionId));
  }

  /** Redeems the ticket of {@code location} on its host, as the browser does next. */
  WebTestClient.ResponseSpec redeem(URI location) {
    String sessionHost = location.getRawAuthority();
    return backend
        .client()
        .get()
        .uri(location.getRawPath() + "?" + location.getRawQuery())
        .header(HttpHeaders.HOST, sessionHost)
        .exchange();
  }

  /** Opens the session as the holder of {@code token}, and returns the cookie it gets. */
  SignedInOrigin signIn(String token, String sessionId) {
    List<String> setCookies =
        redeem(open(token, sessionId, "opencode"))
            .expectStatus()
            .isFound()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getOrEmpty(HttpHeaders.SET_COOKIE);
    assertThat(setCookies).hasSize(1);
    Matcher value = SET_COOKIE_VALUE.matcher(setCookies.get(0));
    assertThat(value.find()).as(setCookies.get(0)).isTrue();
    return new SignedInOrigin(sessionId, value.group(1));
  }

  /** A browser's cookie for one session's origin. */
  final class SignedInOrigin {
    final String sessionId;
    final String cookie;

    SignedInOrigin(String sessionId, String cookie) {
      this.sessionId = sessionId;
      this.cookie = cookie;
    }

    /** A request on {@code onSession}'s host with this cookie. */
    WebTestClient.RequestBodySpec request(HttpMethod method, String onSession, String path) {
      return OriginVisitor.this
          .request(method, onSession, path)
          .cookie(CredentialCookies.SESSION, cookie);
    }

    /** A request on this cookie's own session's host. */
    WebTestClient.RequestBodySpec request(HttpMethod method, String path) {
      return request(method, sessionId, path);
    }

    /** Status of {@code GET /terminal}: 302 while the cookie lets its holder in. */
    int status() {
      return request(HttpMethod.GET, "/terminal")
          .exchange()
          .returnResult(Void.class)
          .getStatus()
          .value();
    }
  }
}
