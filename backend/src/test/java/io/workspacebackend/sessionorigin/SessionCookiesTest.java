package io.workspacebackend.sessionorigin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.workspacebackend.auth.CredentialCookies;
import io.workspacebackend.auth.JwtSecretFile;
import io.workspacebackend.auth.SigningKeys;
import io.workspacebackend.testing.TestHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** The session origin's cookie: what it carries, how it is set, and what it is never taken for. */
class SessionCookiesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final String SESSION = "0b7e1c6a-3f4d-4e8a-9c2b-5d6e7f8a9b0c";

  @TempDir Path directory;
  private Path secretFile;
  private SessionCookies cookies;
  private final UUID user = UUID.randomUUID();

  @BeforeEach
  void keys() throws Exception {
    secretFile = directory.resolve("jwt-secret");
    JwtSecretFile.createIfAbsent(secretFile);
    SigningKeys keys =
        new SigningKeys(
            TestHome.in(directory).config(Map.of("auth.secret_file", secretFile.toString())));
    cookies = new SessionCookies(keys, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private SessionTicket ticket(Instant loginTokenExpires) {
    return new SessionTicket(
        user, "login-jti", loginTokenExpires, SESSION, "/", NOW.plus(SessionTickets.LIFETIME));
  }

  @Test
  void theCookieIsHostOnlyHttpOnlyLaxForTheWholeOriginAndEndsWithTheLogin() {
    ResponseCookie cookie =
        cookies.issue(
            ticket(NOW.plus(Duration.ofHours(2))),
            MockServerHttpRequest.get("http://" + SESSION + ".localhost/").build());

    assertThat(cookie.getName()).isEqualTo(CredentialCookies.SESSION);
    assertThat(cookie.getDomain()).isNull();
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Lax");
    assertThat(cookie.getPath()).isEqualTo("/");
    assertThat(cookie.isSecure()).isFalse();
    assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void itNamesTheUserTheLoginAndTheSessionItWasMadeFor() {
    String value = issuedValue(NOW.plus(Duration.ofHours(1)));

    assertThat(cookies.read(value, SESSION))
        .contains(
            new SessionCookies.SessionCookieClaims(
                user, "login-jti", SESSION, NOW.plus(Duration.ofHours(1))));
  }

  @Test
  void itGrantsNoOtherSession() {
    String value = issuedValue(NOW.plus(Duration.ofHours(1)));

    assertThat(cookies.read(value, UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  void anExpiredOrTamperedCookieIsNothing() {
    String expired = issuedValue(NOW.minusSeconds(1));
    String value = issuedValue(NOW.plus(Duration.ofHours(1)));
    String[] parts = value.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "x." + parts[2];

    assertThat(cookies.read(expired, SESSION)).isEmpty();
    assertThat(cookies.read(tampered, SESSION)).isEmpty();
    assertThat(cookies.read("", SESSION)).isEmpty();
    assertThat(cookies.read("not.a.jwt", SESSION)).isEmpty();
  }

  @Test
  void aLoginTokenIsNeverTakenForTheCookieEvenWithTheSameClaims() throws Exception {
    // Signed with the server's login key, as the API's tokens are.
    String loginToken =
        Jwts.builder()
            .audience()
            .add(SessionCookies.AUDIENCE)
            .and()
            .subject(user.toString())
            .claim("sid", SESSION)
            .claim("login_jti", "login-jti")
            .id("login-jti")
            .issuedAt(Date.from(NOW.truncatedTo(ChronoUnit.SECONDS)))
            .expiration(Date.from(NOW.plus(Duration.ofHours(1))))
            .signWith(Keys.hmacShaKeyFor(JwtSecretFile.read(secretFile)), Jwts.SIG.HS256)
            .compact();

    assertThat(cookies.read(loginToken, SESSION)).isEmpty();
  }

  private String issuedValue(Instant loginTokenExpires) {
    return cookies
        .issue(
            ticket(loginTokenExpires),
            MockServerHttpRequest.get("http://" + SESSION + ".localhost/").build())
        .getValue();
  }
}
