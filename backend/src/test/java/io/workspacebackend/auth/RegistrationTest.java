package io.workspacebackend.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.auth.RegisterRequest;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class RegistrationTest {
  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("auth.max_failed_logins", "1000")
          .with("auth.failed_login_delay", "0s");

  private final Accounts accounts = new Accounts(backend);

  @ParameterizedTest(name = "username \"{0}\" is refused")
  @CsvSource({
    "ab",
    "abcdefghijklmnopqrstuvwxyz0123456",
    "Alice",
    "_alice",
    "-alice",
    "al ice",
    "alice!",
    "élise",
    "''"
  })
  void eachBrokenUsernameRuleGets400NamingTheField(String username) {
    assertInvalid(
        Map.of(
            "invite_code", "ABCD-EFGH-JKMN-PQRS", "username", username, "password", "long enough"),
        "username");
  }

  @Test
  void aMissingUsernameGets400() {
    assertInvalid(Map.of("invite_code", "X", "password", "long enough"), "username");
  }

  @ParameterizedTest(name = "a password of {0} characters is refused")
  @CsvSource({"7", "257", "0"})
  void aPasswordOutside8To256CharactersGets400(int length) {
    assertInvalid(
        Map.of("invite_code", "X", "username", "alice", "password", "p".repeat(length)),
        "password");
  }

  @Test
  void aMissingInviteCodeGets400() {
    assertInvalid(Map.of("username", "alice", "password", "long enough"), "invite_code");
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    backend
        .client()
        .post()
        .uri("/api/auth/register")
        .bodyValue(Map.of("username", "A", "password", "short"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.length()")
        .isEqualTo(3);
  }

  @Test
  void boundaryLengthsAreAccepted() {
    accounts.register(accounts.inviteCode(Role.USER, 1), "a2c", "p".repeat(8));
    accounts.register(accounts.inviteCode(Role.USER, 1), "z".repeat(32), "p".repeat(256));
    accounts.register(accounts.inviteCode(Role.USER, 1), "9_a-b", "pässwörd€");
  }

  @Test
  void unknownRevokedExpiredAndUsedUpInvitesGetTheIdenticalAnswer() {
    String revoked = accounts.inviteCode(Role.USER, 1);
    accounts.inviteCodes().revoke(revoked);
    String expired = accounts.inviteCode(Role.USER, 1);
    accounts
        .database()
        .jdbc()
        .sql("UPDATE invite_codes SET expires_at = '2001-01-01T00:00:00Z' WHERE code = :code")
        .param("code", expired)
        .update();
    String usedUp = accounts.inviteCode(Role.USER, 1);
    accounts.register(usedUp, Accounts.uniqueName("first"), Accounts.PASSWORD);

    byte[] unknown = refusedInvite("ABCD-EFGH-JKMN-PQRS");

    assertThat(new String(unknown, StandardCharsets.UTF_8))
        .contains("invite code is invalid or already used");
    assertThat(refusedInvite(revoked)).isEqualTo(unknown);
    assertThat(refusedInvite(expired)).isEqualTo(unknown);
    assertThat(refusedInvite(usedUp)).isEqualTo(unknown);
  }

  @Test
  void aCodeWorksWithoutDashesAndInLowerCase() {
    String code = accounts.inviteCode(Role.USER, 1);

    accounts.register(
        code.replace("-", "").toLowerCase(java.util.Locale.ROOT),
        Accounts.uniqueName("typed"),
        Accounts.PASSWORD);
  }

  @Test
  void aTakenUsernameGets409AndDoesNotSpendTheInvite() {
    String username = Accounts.uniqueName("taken");
    accounts.register(accounts.inviteCode(Role.USER, 1), username, Accounts.PASSWORD);
    String code = accounts.inviteCode(Role.USER, 1);

    backend
        .client()
        .post()
        .uri("/api/auth/register")
        .bodyValue(new RegisterRequest(code, username, "another password"))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(
            accounts.inviteCodes().list().stream()
                .filter(invite -> invite.code().equals(code))
                .findFirst()
                .orElseThrow()
                .uses())
        .isZero();
    accounts.register(code, Accounts.uniqueName("other"), Accounts.PASSWORD);
  }

  private byte[] refusedInvite(String code) {
    return backend
        .client()
        .post()
        .uri("/api/auth/register")
        .bodyValue(new RegisterRequest(code, Accounts.uniqueName("hopeful"), Accounts.PASSWORD))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .returnResult()
        .getResponseBody();
  }

  private static void assertInvalid(Map<String, String> body, String field) {
    Map<String, Object> request = new HashMap<>(body);
    WebTestClient.BodyContentSpec answer =
        backend
            .client()
            .post()
            .uri("/api/auth/register")
            .bodyValue(request)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody();
    answer.jsonPath("$.errors[0].field").isEqualTo(field);
    answer.jsonPath("$.errors[0].message").isNotEmpty();
  }
}
