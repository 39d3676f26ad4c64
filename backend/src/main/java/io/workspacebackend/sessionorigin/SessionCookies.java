package io.workspacebackend.sessionorigin;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.workspacebackend.auth.CredentialCookies;
import io.workspacebackend.auth.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The {@code workspace_session} cookie: a JWT that names one user, one session and the login token
 * that opened it, and expires with that token. It is signed with a key of its own (derived from the
 * server's secret) and carries the audience {@value #AUDIENCE}, so a login token is never accepted
 * as this cookie and this cookie never as a login token.
 *
 * <p>Set host-only (no {@code Domain}), so only the one session origin gets it back; HttpOnly;
 * {@code SameSite=Lax}, because it is set at the end of a redirect chain that starts on another
 * site (the API's origin), and a {@code Strict} cookie would not be sent on the chain's last,
 * top-level request; Secure when the request came over TLS.
 */
@Component
class SessionCookies {
  static final String AUDIENCE = "workspace-session-origin";
  private static final String SESSION_CLAIM = "sid";
  private static final String LOGIN_TOKEN_CLAIM = "login_jti";

  private final SecretKey key;
  private final JwtParser parser;
  private final Clock clock;

  SessionCookies(SigningKeys keys, Clock clock) {
    this.key = keys.derived("session-origin-cookie");
    this.clock = clock;
    this.parser =
        Jwts.parser()
            .verifyWith(key)
            .requireAudience(AUDIENCE)
            .clock(() -> Date.from(clock.instant()))
            .build();
  }

  /** The cookie a redeemed ticket is swapped for. */
  ResponseCookie issue(SessionTicket ticket, ServerHttpRequest request) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String value =
        Jwts.builder()
            .audience()
            .add(AUDIENCE)
            .and()
            .subject(ticket.userId().toString())
            .claim(SESSION_CLAIM, ticket.sessionId())
            .claim(LOGIN_TOKEN_CLAIM, ticket.tokenId())
            .issuedAt(Date.from(now))
            .expiration(Date.from(ticket.tokenExpiresAt()))
            .signWith(key, Jwts.SIG.HS256)
            .compact();
    return ResponseCookie.from(CredentialCookies.SESSION, value)
        .httpOnly(true)
        .sameSite("Lax")
        .path("/")
        .secure(request.getSslInfo() != null)
        .maxAge(Duration.between(now, ticket.tokenExpiresAt()))
        .build();
  }

  /** What a cookie value says, if it is one of ours, unexpired, and for {@code sessionId}. */
  Optional<SessionCookieClaims> read(String value, String sessionId) {
    try {
      Claims claims = parser.parseSignedClaims(value).getPayload();
      String tokenId = claims.get(LOGIN_TOKEN_CLAIM, String.class);
      if (!sessionId.equals(claims.get(SESSION_CLAIM, String.class))
          || tokenId == null
          || claims.getExpiration() == null) {
        return Optional.empty();
      }
      return Optional.of(
          new SessionCookieClaims(
              UUID.fromString(claims.getSubject()),
              tokenId,
              sessionId,
              claims.getExpiration().toInstant()));
    } catch (JwtException | IllegalArgumentException | NullPointerException e) {
      // Not ours, tampered with, expired, or for another purpose: no sign-in, whichever it was.
      return Optional.empty();
    }
  }

  /** A valid cookie's content. */
  record SessionCookieClaims(
      UUID userId, String tokenId, String sessionId, Instant tokenExpiresAt) {}
}
