package io.workspacebackend.proxy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.workspacebackend.auth.CredentialCookies;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;

/**
 * What happens to headers on their way through the proxy: a list of small rules, each for the
 * request, the response or both. The caller's credentials (both of the backend's cookies, and
 * {@code Authorization}) stay here; the service's credential and the {@code X-Forwarded-*} headers
 * are added; hop-by-hop headers (and those named in {@code Connection:}) belong to one connection
 * and are dropped. A service's CORS headers are dropped too: which pages may read a session is this
 * server's decision, not the container's.
 */
final class HeaderPolicy {
  /** Which way a header travels. */
  enum Direction {
    REQUEST,
    RESPONSE
  }

  /** One rule: what it does to the headers, on the directions it applies to. */
  record Rule(String name, Set<Direction> directions, BiConsumer<HttpHeaders, Forwarding> action) {}

  /** Facts about the request being forwarded that the rules need. */
  record Forwarding(
      String clientAddress, String scheme, String host, String prefix, String credential) {}

  private static final Set<String> BACKEND_COOKIES =
      Set.of(CredentialCookies.API, CredentialCookies.SESSION);

  private static final List<String> HOP_BY_HOP =
      List.of(
          HttpHeaders.CONNECTION,
          "Keep-Alive",
          "Proxy-Connection",
          HttpHeaders.PROXY_AUTHENTICATE,
          HttpHeaders.PROXY_AUTHORIZATION,
          HttpHeaders.TE,
          HttpHeaders.TRAILER,
          HttpHeaders.TRANSFER_ENCODING,
          HttpHeaders.UPGRADE);

  static final List<Rule> RULES =
      List.of(
          new Rule("hop-by-hop", EnumSet.allOf(Direction.class), HeaderPolicy::removeHopByHop),
          new Rule(
              "host and handshake belong to the upstream connection",
              EnumSet.of(Direction.REQUEST),
              (headers, forwarding) -> {
                headers.remove(HttpHeaders.HOST);
                // The proxy already answered any 100-continue itself.
                headers.remove(HttpHeaders.EXPECT);
                removeStartingWith(headers, "sec-websocket-");
              }),
          new Rule(
              "the caller's credentials stay here",
              EnumSet.of(Direction.REQUEST),
              (headers, forwarding) -> {
                headers.remove(HttpHeaders.AUTHORIZATION);
                removeBackendCookies(headers);
              }),
          new Rule("X-Forwarded-*", EnumSet.of(Direction.REQUEST), HeaderPolicy::addForwarded),
          new Rule(
              "the service's own credential",
              EnumSet.of(Direction.REQUEST),
              (headers, forwarding) ->
                  headers.set(HttpHeaders.AUTHORIZATION, forwarding.credential())),
          new Rule(
              "a service's challenge is for the proxy's credential, not the caller's; a service"
                  + " must not set the backend's own cookies",
              EnumSet.of(Direction.RESPONSE),
              (headers, forwarding) -> {
                headers.remove(HttpHeaders.WWW_AUTHENTICATE);
                List<String> cookies = headers.getOrEmpty(HttpHeaders.SET_COOKIE);
                if (cookies.stream().anyMatch(HeaderPolicy::setsBackendCookie)) {
                  List<String> kept =
                      cookies.stream().filter(cookie -> !setsBackendCookie(cookie)).toList();
                  headers.remove(HttpHeaders.SET_COOKIE);
                  kept.forEach(cookie -> headers.add(HttpHeaders.SET_COOKIE, cookie));
                }
              }),
          new Rule(
              "cross-origin reads are this server's decision, not the container's",
              EnumSet.of(Direction.RESPONSE),
              (headers, forwarding) -> removeStartingWith(headers, "access-control-")));

  private HeaderPolicy() {}

  /**
   * A filtered copy of {@code headers} for the given direction; the input is not changed. The copy
   * is Netty's own header map (case-insensitive by hashing, not by lower-casing every name on each
   * lookup), which is what both ends of the proxy speak.
   */
  static HttpHeaders apply(Direction direction, HttpHeaders headers, Forwarding forwarding) {
    HttpHeaders copy = new HttpHeaders(new Netty4HeadersAdapter(new DefaultHttpHeaders()));
    headers.forEach((name, values) -> copy.addAll(name, values));
    for (Rule rule : RULES) {
      if (rule.directions().contains(direction)) {
        rule.action().accept(copy, forwarding);
      }
    }
    return copy;
  }

  private static void removeStartingWith(HttpHeaders headers, String prefix) {
    List<String> matching = new ArrayList<>();
    for (String name : headers.headerNames()) {
      if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
        matching.add(name);
      }
    }
    matching.forEach(headers::remove);
  }

  private static void removeHopByHop(HttpHeaders headers, Forwarding forwarding) {
    List<String> named = new ArrayList<>();
    for (String value : headers.getOrEmpty(HttpHeaders.CONNECTION)) {
      for (String token : value.split(",")) {
        if (!token.isBlank()) {
          named.add(token.strip());
        }
      }
    }
    named.forEach(headers::remove);
    HOP_BY_HOP.forEach(headers::remove);
  }

  private static void addForwarded(HttpHeaders headers, Forwarding forwarding) {
    List<String> chain = new ArrayList<>(headers.getOrEmpty("X-Forwarded-For"));
    headers.remove("X-Forwarded-For");
    if (forwarding.clientAddress() != null) {
      chain.add(forwarding.clientAddress());
    }
    if (!chain.isEmpty()) {
      headers.set("X-Forwarded-For", String.join(", ", chain));
    }
    headers.set("X-Forwarded-Proto", forwarding.scheme());
    if (forwarding.host() != null) {
      headers.set("X-Forwarded-Host", forwarding.host());
    }
    if (forwarding.prefix().isEmpty()) {
      // A service at the root of a session's origin has no prefix to report.
      headers.remove("X-Forwarded-Prefix");
    } else {
      headers.set("X-Forwarded-Prefix", forwarding.prefix());
    }
  }

  /** Drops the backend's cookies from every {@code Cookie} header; keeps the other cookies. */
  private static void removeBackendCookies(HttpHeaders headers) {
    List<String> kept = new ArrayList<>();
    for (String value : headers.getOrEmpty(HttpHeaders.COOKIE)) {
      for (String pair : value.split(";")) {
        String trimmed = pair.strip();
        if (!trimmed.isEmpty() && !BACKEND_COOKIES.contains(cookieName(trimmed))) {
          kept.add(trimmed);
        }
      }
    }
    headers.remove(HttpHeaders.COOKIE);
    if (!kept.isEmpty()) {
      headers.set(HttpHeaders.COOKIE, String.join("; ", kept));
    }
  }

  private static boolean setsBackendCookie(String setCookie) {
    return BACKEND_COOKIES.contains(cookieName(setCookie.strip()));
  }

  private static String cookieName(String pair) {
    int equals = pair.indexOf('=');
    return (equals < 0 ? pair : pair.substring(0, equals)).strip();
  }
}
