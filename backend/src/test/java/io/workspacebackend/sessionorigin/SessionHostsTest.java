package io.workspacebackend.sessionorigin;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.sessionorigin.SessionHosts.SessionHost;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** Which hosts are session origins, and the origin a session gets. */
class SessionHostsTest {
  private static final String ID = "0b7e1c6a-3f4d-4e8a-9c2b-5d6e7f8a9b0c";
  private final SessionHosts hosts = new SessionHosts(Optional.of("localhost"));

  private Optional<SessionHost> addressed(SessionHosts sessionHosts, String host) {
    return sessionHosts.addressedBy(
        MockServerHttpRequest.get("http://ignored/").header(HttpHeaders.HOST, host).build());
  }

  private Optional<SessionHost> addressed(String host) {
    return addressed(hosts, host);
  }

  @Test
  void aSessionIdLabelUnderTheDomainNamesThatSessionOnAnyPort() {
    assertThat(addressed(ID + ".localhost:8080")).contains(new SessionHost(Optional.of(ID)));
    assertThat(addressed(ID + ".localhost")).contains(new SessionHost(Optional.of(ID)));
    assertThat(addressed(ID.toUpperCase(java.util.Locale.ROOT) + ".LocalHost:1"))
        .contains(new SessionHost(Optional.of(ID)));
    assertThat(addressed(ID + ".localhost.:8080")).contains(new SessionHost(Optional.of(ID)));
  }

  @Test
  void theDomainItselfAndOtherHostsAreNotSessionOrigins() {
    assertThat(addressed("localhost:8080")).isEmpty();
    assertThat(addressed("127.0.0.1:8080")).isEmpty();
    assertThat(addressed("[::1]:8080")).isEmpty();
    assertThat(addressed(ID + ".localhost.evil.example")).isEmpty();
    assertThat(addressed(ID + "localhost")).isEmpty();
  }

  @Test
  void otherNamesUnderTheDomainAreUnknownHosts() {
    SessionHost unknown = new SessionHost(Optional.empty());
    assertThat(addressed("api.localhost:8080")).contains(unknown);
    assertThat(addressed("x." + ID + ".localhost")).contains(unknown);
    assertThat(addressed(ID + "0.localhost")).contains(unknown);
  }

  @Test
  void withoutASessionDomainNoHostIsASessionOrigin() {
    assertThat(addressed(new SessionHosts(Optional.empty()), ID + ".localhost:8080")).isEmpty();
  }

  @Test
  void theOriginKeepsTheApisPortAndLeavesTheSchemeToTheBrowser() {
    assertThat(hosts.originFor(ID, "127.0.0.1:8080")).isEqualTo("//" + ID + ".localhost:8080");
    assertThat(new SessionHosts(Optional.of("ws.example.com")).originFor(ID, "example.com"))
        .isEqualTo("//" + ID + ".ws.example.com");
    assertThat(hosts.originFor(ID, "[::1]:9000")).isEqualTo("//" + ID + ".localhost:9000");
    assertThat(hosts.originFor(ID, "[::1]")).isEqualTo("//" + ID + ".localhost");
  }
}
