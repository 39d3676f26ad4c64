package io.workspacebackend.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The sign-in limits under attack: guesses fired in parallel, and a stranger guessing someone's
 * password from another address. Each test uses loopback addresses of its own (the server sees the
 * TCP peer), so their counts never meet.
 */
@Timeout(120)
class ParallelSignInThrottlingTest {
  private static final int MAX_FAILURES = 10;

  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("auth.max_failed_logins", Integer.toString(MAX_FAILURES))
          .with("auth.failed_login_window", "15m")
          .with("auth.failed_login_delay", "50ms");

  private final Accounts accounts = new Accounts(backend);

  @Test
  void ofOneHundredParallelGuessesAtMostTheLimitAreChecked() {
    String username = accounts.register(Role.USER).user().username();

    List<Integer> statuses =
        Flux.range(0, 100)
            .flatMap(
                i ->
                    login(
                        "127.0.0.21",
                        username,
                        i == 50 ? Accounts.PASSWORD : "wrong password " + i),
                100)
            .collectList()
            .block(Duration.ofSeconds(90));

    Map<Integer, Long> counted =
        statuses.stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(counted.getOrDefault(401, 0L) + counted.getOrDefault(200, 0L))
        .as("checked passwords among %s", counted)
        .isBetween(1L, (long) MAX_FAILURES);
    assertThat(counted.get(429)).as("refused unchecked").isGreaterThanOrEqualTo(90L);
    assertThat(counted.keySet()).containsAnyOf(401, 200).isSubsetOf(200, 401, 429);
  }

  @Test
  void aStrangerGuessingFromElsewhereCannotLockThePersonOut() {
    SignedIn bob = accounts.register(Role.USER);
    String username = bob.user().username();

    for (int i = 0; i < MAX_FAILURES; i++) {
      assertThat(login("127.0.0.31", username, "guess " + i).block()).isEqualTo(401);
    }
    assertThat(login("127.0.0.31", username, "guess").block())
        .as("the stranger's pair is over its limit")
        .isEqualTo(429);
    assertThat(login("127.0.0.31", Accounts.uniqueName("other"), "guess").block())
        .as("the stranger's address is over its limit")
        .isEqualTo(429);

    assertThat(login("127.0.0.32", username, Accounts.PASSWORD).block())
        .as("bob from his own address, slowed at most by the username's short delay")
        .isEqualTo(200);
  }

  private static reactor.core.publisher.Mono<Integer> login(
      String fromAddress, String username, String password) {
    return client(fromAddress)
        .post()
        .uri("/api/auth/login")
        .bodyValue(Map.of("username", username, "password", password))
        .exchangeToMono(
            response -> response.releaseBody().thenReturn(response.statusCode().value()));
  }

  private static WebClient client(String fromAddress) {
    HttpClient http =
        HttpClient.create(ConnectionProvider.newConnection())
            .bindAddress(() -> new InetSocketAddress(fromAddress, 0));
    return WebClient.builder()
        .baseUrl(backend.server().baseUri().toString())
        .clientConnector(new ReactorClientHttpConnector(http))
        .build();
  }
}
