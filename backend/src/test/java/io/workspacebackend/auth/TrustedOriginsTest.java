package io.workspacebackend.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** Which pages may use a browser's cookie: this server's own origin and the configured ones. */
class TrustedOriginsTest {
  private final TrustedOrigins origins =
      new TrustedOrigins(List.of("https://Console.Example.com", "http://localhost:5173"));

  private static ServerHttpRequest to(String host) {
    return MockServerHttpRequest.post("http://ignored/api/x")
        .header(HttpHeaders.HOST, host)
        .build();
  }

  @Test
  void thePagesOfTheHostAndPortTheRequestWasSentToAreTrustedWhateverTheScheme() {
    assertThat(origins.trusts("http://127.0.0.1:8080", to("127.0.0.1:8080"))).isTrue();
    // Behind a TLS-terminating proxy the page is https, the request reaches us as http.
    assertThat(origins.trusts("https://example.com", to("example.com"))).isTrue();
    assertThat(origins.trusts("https://example.com", to("example.com:443"))).isTrue();
    assertThat(origins.trusts("http://Example.COM", to("example.com:80"))).isTrue();
  }

  @Test
  void anotherHostOrPortIsNotTheOwnOrigin() {
    assertThat(origins.trusts("http://127.0.0.1:8081", to("127.0.0.1:8080"))).isFalse();
    assertThat(origins.trusts("http://localhost:8080", to("127.0.0.1:8080"))).isFalse();
    assertThat(
            origins.trusts(
                "http://0b7e1c6a-3f4d-4e8a-9c2b-5d6e7f8a9b0c.localhost:8080", to("localhost:8080")))
        .isFalse();
    assertThat(origins.trusts("null", to("127.0.0.1:8080"))).isFalse();
    assertThat(origins.trusts("http://127.0.0.1:8080", MockServerHttpRequest.get("/").build()))
        .isFalse();
  }

  @Test
  void configuredOriginsAreTrustedWithTheirOwnScheme() {
    assertThat(origins.trusts("https://console.example.com", to("api.example.com"))).isTrue();
    assertThat(origins.trusts("https://console.example.com:443", to("api.example.com"))).isTrue();
    assertThat(origins.trusts("http://console.example.com", to("api.example.com"))).isFalse();
    assertThat(origins.trusts("http://localhost:5173", to("127.0.0.1:8080"))).isTrue();
  }

  @Test
  void sameOriginNeedsTheVeryHostAndPort() {
    assertThat(TrustedOrigins.isSameOrigin("http://a.localhost:1", to("a.localhost:1"))).isTrue();
    assertThat(TrustedOrigins.isSameOrigin("http://b.localhost:1", to("a.localhost:1"))).isFalse();
    assertThat(TrustedOrigins.isSameOrigin("http://localhost:5173", to("a.localhost:1"))).isFalse();
  }
}
