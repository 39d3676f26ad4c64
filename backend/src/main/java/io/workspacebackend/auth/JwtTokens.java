package io.workspacebackend.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.user.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;

/**
 * Signs and checks login tokens: HS256 with the key from the secret file; claims {@code sub} (user
 * id), {@code role}, {@code jti}, {@code iat}, {@code exp}, and never {@code aud} (tokens for other
 * audiences, such as a session origin's cookie, are not login tokens).
 */
@Component
class JwtTokens {
  /**
   * Tokens whose signature has been checked already, so that a client sending the same token
   * request after request (every proxied request carries one) is not verified and parsed again.
   * Only tokens that passed every check get in, so nobody can fill it without signing in; should a
   * team ever have this many sign-ins at once, it starts over rather than grow.
   */
  private static final int MAX_VERIFIED = 10_000;

  private final Map<String, TokenClaims> verified = new ConcurrentHashMap<>();
  private final SecretKey key;
  private final JwtParser parser;
  private final Duration ttl;
  private final Clock clock;

  JwtTokens(SigningKeys keys, WorkspaceConfig config, Clock clock) {
    this.key = keys.loginTokens();
    this.ttl = config.auth().tokenTtl();
    this.clock = clock;
    // Only signed tokens (an unsecured "alg: none" token is rejected) and only with our key.
    this.parser = Jwts.parser().verifyWith(key).clock(() -> Date.from(clock.instant())).build();
  }

  Duration ttl() {
    return ttl;
  }

  IssuedToken issue(UserAccount account) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plus(ttl);
    String tokenId = UUID.randomUUID().toString();
    String token =
        Jwts.builder()
            .subject(account.id().toString())
            .claim("role", account.role().wireName())
            .id(tokenId)
            .issuedAt(Date.from(now))
            .expiration(Date.from(expiresAt))
            .signWith(key, Jwts.SIG.HS256)
            .compact();
    return new IssuedToken(token, tokenId, expiresAt);
  }

  /**
   * Checks signature, expiry, {@code nbf} and that the token was not issued in the future.
   *
   * @throws BadCredentialsException for any token that is not one of ours and valid now
   */
  TokenClaims read(String token) {
    TokenClaims known = verified.get(token);
    if (known != null) {
      // Signed by us and valid when first read: of the checks, only expiry can change since.
      if (!clock.instant().isBefore(known.expiresAt())) {
        throw new BadCredentialsException("token expired");
      }
      return known;
    }
    TokenClaims claims = verify(token);
    if (verified.size() >= MAX_VERIFIED) {
      verified.clear();
    }
    verified.put(token, claims);
    return claims;
  }

  private TokenClaims verify(String token) {
    Claims claims;
    try {
      claims = parser.parseSignedClaims(token).getPayload();
    } catch (JwtException | IllegalArgumentException e) {
      throw new BadCredentialsException("invalid token: " + e.getMessage(), e);
    }
    Date issuedAt = claims.getIssuedAt();
    Date expiresAt = claims.getExpiration();
    if (claims.getId() == null || expiresAt == null || issuedAt == null) {
      throw new BadCredentialsException("token lacks jti, iat or exp");
    }
    if (claims.getAudience() != null && !claims.getAudience().isEmpty()) {
      throw new BadCredentialsException("a token for an audience is not a login token");
    }
    if (issuedAt.toInstant().isAfter(clock.instant())) {
      throw new BadCredentialsException("token issued in the future");
    }
    try {
      return new TokenClaims(
          UUID.fromString(claims.getSubject()), claims.getId(), expiresAt.toInstant());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadCredentialsException("token subject is not a user id", e);
    }
  }
}
