package io.workspacebackend.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Whether a WebSocket upgrade may proceed: its {@code Origin} is this server's own (the request's
 * scheme and {@code Host}) or one of {@code server.allowed_origins}. A cookie alone must not let a
 * foreign page open a terminal. Requests without {@code Origin} come from programs, not pages, and
 * pass: they had to present a token themselves.
 */
final class OriginCheck {
  private final Set<String> allowed;

  OriginCheck(List<String> allowedOrigins) {
    this.allowed =
        allowedOrigins.stream()
            .map(OriginCheck::normalise)
            .filter(origin -> origin != null)
            .collect(Collectors.toUnmodifiableSet());
  }

  boolean allows(ServerHttpRequest request) {
    String origin = request.getHeaders().getOrigin();
    if (origin == null) {
      return true;
    }
    String normalised = normalise(origin);
    if (normalised == null) {
      return false;
    }
    String host = request.getHeaders().getFirst(HttpHeaders.HOST);
    String own = host == null ? null : normalise(request.getURI().getScheme() + "://" + host);
    return normalised.equals(own) || allowed.contains(normalised);
  }

  /** {@code scheme://host[:port]} in lower case without a default port; null if not an origin. */
  static String normalise(String origin) {
    try {
      URI uri = new URI(origin.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (port == 80 && (scheme.equals("http") || scheme.equals("ws")))
              || (port == 443 && (scheme.equals("https") || scheme.equals("wss")));
      return scheme
          + "://"
          + uri.getHost().toLowerCase(Locale.ROOT)
          + (defaultPort ? "" : ":" + port);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
