package io.workspacebackend.auth;

import java.time.Duration;
import java.util.Locale;

/** Reads a {@code Set-Cookie} header back into its attributes. */
final class SetCookies {
  private SetCookies() {}

  static org.springframework.http.ResponseCookie parse(String header) {
    String[] parts = header.split(";");
    String[] nameValue = parts[0].split("=", 2);
    org.springframework.http.ResponseCookie.ResponseCookieBuilder cookie =
        org.springframework.http.ResponseCookie.from(nameValue[0].strip(), nameValue[1].strip());
    for (int i = 1; i < parts.length; i++) {
      String[] attribute = parts[i].strip().split("=", 2);
      String value = attribute.length > 1 ? attribute[1] : "";
      switch (attribute[0].toLowerCase(Locale.ROOT)) {
        case "path" -> cookie.path(value);
        case "max-age" -> cookie.maxAge(Duration.ofSeconds(Long.parseLong(value)));
        case "httponly" -> cookie.httpOnly(true);
        case "secure" -> cookie.secure(true);
        case "samesite" -> cookie.sameSite(value);
        default -> {}
      }
    }
    return cookie.build();
  }
}
