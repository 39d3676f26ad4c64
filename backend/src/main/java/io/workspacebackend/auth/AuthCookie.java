package io.workspacebackend.auth;

import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The {@code workspace_token} cookie: HttpOnly, SameSite=Strict, Path=/, and Secure when the
 * request reached this server over TLS. Forwarding headers ({@code X-Forwarded-Proto}) are not
 * trusted for this: a TLS-terminating proxy in front should set Secure itself.
 */
final class AuthCookie {
  private AuthCookie() {}

  static ResponseCookie issued(String token, Duration maxAge, ServerHttpRequest request) {
    return base(token, request).maxAge(maxAge).build();
  }

  static ResponseCookie cleared(ServerHttpRequest request) {
    return base("", request).maxAge(Duration.ZERO).build();
  }

  private static ResponseCookie.ResponseCookieBuilder base(
      String value, ServerHttpRequest request) {
    return ResponseCookie.from(TokenAuthenticationConverter.COOKIE, value)
        .httpOnly(true)
        .sameSite("Strict")
        .path("/")
        .secure(request.getSslInfo() != null);
  }
}
