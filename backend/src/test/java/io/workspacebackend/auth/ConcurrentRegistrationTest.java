package io.workspacebackend.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Registration spends invite uses atomically, however many requests race for them. */
class ConcurrentRegistrationTest {
  private static final int REQUESTS = 50;

  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("auth.max_failed_logins", "1000")
          .with("auth.failed_login_delay", "0s");

  private final Accounts accounts = new Accounts(backend);

  @Test
  void fiftyConcurrentRegistrationsWithASingleUseCodeCreateExactlyOneUser() {
    Map<Integer, Long> statuses = registerConcurrently(accounts.inviteCode(Role.USER, 1), "single");

    assertThat(statuses).containsOnlyKeys(201, 400).containsEntry(201, 1L);
    assertThat(usersNamed("single")).isEqualTo(1);
  }

  @Test
  void fiftyConcurrentRegistrationsWithATenUseCodeCreateExactlyTen() {
    String code = accounts.inviteCode(Role.USER, 10);

    Map<Integer, Long> statuses = registerConcurrently(code, "tenfold");

    assertThat(statuses).containsOnlyKeys(201, 400).containsEntry(201, 10L);
    assertThat(usersNamed("tenfold")).isEqualTo(10);
    assertThat(
            accounts.inviteCodes().list().stream()
                .filter(invite -> invite.code().equals(code))
                .findFirst()
                .orElseThrow()
                .uses())
        .isEqualTo(10);
  }

  private Map<Integer, Long> registerConcurrently(String code, String prefix) {
    WebClient client = WebClient.create(backend.server().baseUri().toString());
    List<Integer> statuses =
        Flux.range(0, REQUESTS)
            .flatMap(
                i ->
                    client
                        .post()
                        .uri("/api/auth/register")
                        .bodyValue(
                            Map.of(
                                "invite_code",
                                code,
                                "username",
                                prefix + "-" + i,
                                "password",
                                Accounts.PASSWORD))
                        .exchangeToMono(
                            response ->
                                response.releaseBody().thenReturn(response.statusCode().value())),
                REQUESTS)
            .collectList()
            .block(Duration.ofSeconds(60));
    return statuses.stream()
        .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
  }

  private int usersNamed(String prefix) {
    return accounts
        .database()
        .jdbc()
        .sql("SELECT COUNT(*) FROM users WHERE username LIKE :prefix")
        .param("prefix", prefix + "-%")
        .query(Integer.class)
        .single();
  }
}
