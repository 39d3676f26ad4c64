package io.workspacebackend.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.proxy.HeaderPolicy.Direction;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** The header rules on a mock exchange, one direction at a time. */
class HeaderPolicyTest {
  private static final Upstream OPENCODE =
      new Upstream(
          ProxiedService.OPENCODE, "/sessions/s1/opencode", 41000, "s3cret", SessionStatus.RUNNING);

  private static HttpHeaders forwarded(MockServerHttpRequest request) {
    return HeaderPolicy.apply(
        Direction.REQUEST, request.getHeaders(), HttpForwarder.forwarding(request, OPENCODE));
  }

  @Test
  void theCallersAuthorizationIsReplacedByTheServicesCredential() {
    HttpHeaders headers =
        forwarded(
            MockServerHttpRequest.get("http://backend:8080/sessions/s1/opencode/config")
                .header(HttpHeaders.AUTHORIZATION, "Bearer caller-jwt")
                .build());
    assertThat(headers.get(HttpHeaders.AUTHORIZATION))
        .containsExactly(ProxiedService.OPENCODE.credential("s3cret"));
  }

  @Test
  void onlyTheBackendsCookiesAreRemoved() {
    HttpHeaders headers =
        forwarded(
            MockServerHttpRequest.get("http://backend:8080/x")
                .header(HttpHeaders.COOKIE, "a=1; workspace_token=jwt; b=2; workspace_session=s")
                .header(HttpHeaders.COOKIE, "workspace_token=again; workspace_session=again")
                .build());
    assertThat(headers.get(HttpHeaders.COOKIE)).containsExactly("a=1; b=2");
    assertThat(
            forwarded(
                    MockServerHttpRequest.get("http://backend:8080/x")
                        .header(HttpHeaders.COOKIE, "workspace_token=jwt")
                        .build())
                .containsHeader(HttpHeaders.COOKIE))
        .isFalse();
  }

  @Test
  void hopByHopHeadersAndThoseNamedInConnectionAreDroppedBothWays() {
    HttpHeaders hop = new HttpHeaders();
    hop.add(HttpHeaders.CONNECTION, "keep-alive, X-Private");
    hop.add("X-Private", "1");
    hop.add("Keep-Alive", "timeout=5");
    hop.add(HttpHeaders.TRANSFER_ENCODING, "chunked");
    hop.add(HttpHeaders.UPGRADE, "h2c");
    hop.add(HttpHeaders.TE, "trailers");
    hop.add("X-End-To-End", "kept");
    for (Direction direction : Direction.values()) {
      HttpHeaders out =
          HeaderPolicy.apply(
              direction,
              hop,
              HttpForwarder.forwarding(
                  MockServerHttpRequest.get("http://backend/x").build(), OPENCODE));
      assertThat(out.headerNames())
          .as(direction.name())
          .doesNotContain(
              HttpHeaders.CONNECTION,
              "X-Private",
              "Keep-Alive",
              HttpHeaders.TRANSFER_ENCODING,
              HttpHeaders.UPGRADE,
              HttpHeaders.TE)
          .contains("X-End-To-End");
    }
  }

  @Test
  void forwardedHeadersNameTheClientTheSchemeTheHostAndThePrefix() {
    HttpHeaders headers =
        forwarded(
            MockServerHttpRequest.get("https://backend.example/sessions/s1/opencode/x")
                .header(HttpHeaders.HOST, "backend.example")
                .header("X-Forwarded-For", "10.0.0.1")
                .remoteAddress(new InetSocketAddress("192.168.1.7", 50000))
                .build());
    assertThat(headers.getFirst("X-Forwarded-For")).isEqualTo("10.0.0.1, 192.168.1.7");
    assertThat(headers.getFirst("X-Forwarded-Proto")).isEqualTo("https");
    assertThat(headers.getFirst("X-Forwarded-Host")).isEqualTo("backend.example");
    assertThat(headers.getFirst("X-Forwarded-Prefix")).isEqualTo("/sessions/s1/opencode");
    assertThat(headers.containsHeader(HttpHeaders.HOST)).isFalse();
  }

  @Test
  void webSocketHandshakeHeadersAreNotForwarded() {
    HttpHeaders headers =
        forwarded(
            MockServerHttpRequest.get("http://backend/sessions/s1/terminal")
                .header("Sec-WebSocket-Key", "abc")
                .header("Sec-WebSocket-Protocol", "tty")
                .header("Sec-WebSocket-Extensions", "permessage-deflate")
                .build());
    assertThat(headers.headerNames())
        .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("sec-"));
  }

  @Test
  void atTheRootOfASessionOriginThereIsNoPrefixToReport() {
    Upstream atRoot =
        new Upstream(ProxiedService.OPENCODE, "", 41000, "s3cret", SessionStatus.RUNNING);
    MockServerHttpRequest request =
        MockServerHttpRequest.get("http://s1.localhost/session")
            .header("X-Forwarded-Prefix", "/planted")
            .build();
    HttpHeaders headers =
        HeaderPolicy.apply(
            Direction.REQUEST, request.getHeaders(), HttpForwarder.forwarding(request, atRoot));
    assertThat(headers.containsHeader("X-Forwarded-Prefix")).isFalse();
  }

  @Test
  void aServicesCorsHeadersNeverReachTheClient() {
    HttpHeaders response = new HttpHeaders();
    response.add("Access-Control-Allow-Origin", "http://other.localhost");
    response.add("Access-Control-Allow-Credentials", "true");
    response.add("access-control-expose-headers", "X-Secret");
    response.add(HttpHeaders.VARY, "Origin");
    HttpHeaders out =
        HeaderPolicy.apply(
            Direction.RESPONSE,
            response,
            HttpForwarder.forwarding(MockServerHttpRequest.get("http://b/x").build(), OPENCODE));
    assertThat(out.headerNames()).containsExactly(HttpHeaders.VARY);
  }

  @Test
  void aServicesChallengeAndAttemptsToSetTheBackendsCookiesDoNotReachTheClient() {
    HttpHeaders response = new HttpHeaders();
    response.add(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"opencode\"");
    response.add(HttpHeaders.SET_COOKIE, "workspace_token=planted; Path=/");
    response.add(HttpHeaders.SET_COOKIE, "workspace_session=planted; Path=/");
    response.add(HttpHeaders.SET_COOKIE, "theirs=1");
    HttpHeaders out =
        HeaderPolicy.apply(
            Direction.RESPONSE,
            response,
            HttpForwarder.forwarding(MockServerHttpRequest.get("http://b/x").build(), OPENCODE));
    assertThat(out.containsHeader(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
    assertThat(out.get(HttpHeaders.SET_COOKIE)).containsExactly("theirs=1");
  }
}
