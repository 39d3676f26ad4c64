package io.workspacebackend.auth;

import io.workspacebackend.config.WorkspaceConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Which browser pages may act with a user's ambient credentials (cookies): this server's own
 * origin, and the ones in {@code server.allowed_origins}. A browser attaches cookies to requests
 * any page makes; the {@code Origin} header it adds says which page that was.
 *
 * <p>"Own origin" compares the host and port of {@code Origin} with the request's {@code Host}, not
 * the scheme: behind a TLS-terminating proxy the page is {@code https} while this server sees plain
 * {@code http}, and both name the same server.
 */
@Component
public class TrustedOrigins {
  private final Set<String> configured;

  @Autowired
  TrustedOrigins(WorkspaceConfig config) {
    this(config.server().allowedOrigins());
  }

  TrustedOrigins(List<String> allowedOrigins) {
    this.configured =
        allowedOrigins.stream()
            .map(TrustedOrigins::normalise)
            .filter(Objects::nonNull)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether a page of {@code origin} may use the request's cookie here. */
  public boolean trusts(String origin, ServerHttpRequest request) {
    String normalised = normalise(origin);
    return isSameOrigin(origin, request) || (normalised != null && configured.contains(normalised));
  }

  /** Whether {@code origin} has the host and port the request was addressed to. */
  public static boolean isSameOrigin(String origin, ServerHttpRequest request) {
    String host = request.getHeaders().getFirst(HttpHeaders.HOST);
    String authority = authority(origin);
    return host != null && authority != null && authority.equals(hostAuthority(host));
  }

  /** {@code scheme://host[:port]} in lower case without a default port; null if not an origin. */
  static String normalise(String origin) {
    String authority = authority(origin);
    return authority == null
        ? null
        : URI.create(origin.strip()).getScheme().toLowerCase(Locale.ROOT) + "://" + authority;
  }

  /** {@code host[:port]} of an origin, without its scheme's default port; null if not one. */
  private static String authority(String origin) {
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
      return uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** A {@code Host} header in the same form: lower case, without port 80 or 443. */
  private static String hostAuthority(String host) {
    String lower = host.strip().toLowerCase(Locale.ROOT);
    if (lower.endsWith(":80")) {
      return lower.substring(0, lower.length() - 3);
    }
    if (lower.endsWith(":443")) {
      return lower.substring(0, lower.length() - 4);
    }
    return lower;
  }
}
