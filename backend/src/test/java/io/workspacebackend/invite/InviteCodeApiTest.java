package io.workspacebackend.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.invite.InviteRequest;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

class InviteCodeApiTest {
  @RegisterExtension static RunningBackend backend = new RunningBackend();

  private final Accounts accounts = new Accounts(backend);

  @Test
  void anEmptyRequestMakesOneSingleUseUserCodeThatNeverExpires() {
    SignedIn admin = accounts.register(Role.ADMIN);

    List<Invite> created = generate(admin.token(), Map.of());

    assertThat(created).hasSize(1);
    Invite invite = created.get(0);
    assertThat(invite.code()).matches("([2-9A-HJKMNP-TV-Z]{4}-){3}[2-9A-HJKMNP-TV-Z]{4}");
    assertThat(invite.role()).isEqualTo(Role.USER);
    assertThat(invite.maxUses()).isEqualTo(1);
    assertThat(invite.uses()).isZero();
    assertThat(invite.expiresAt()).isNull();
    assertThat(invite.revoked()).isFalse();
    assertThat(invite.note()).isNull();
    assertThat(invite.createdAt()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
    assertThat(invite.createdBy()).isEqualTo(admin.user().username());
  }

  @Test
  void everyFieldOfTheRequestIsHonoured() {
    SignedIn admin = accounts.register(Role.ADMIN);

    List<Invite> created =
        generate(admin.token(), new InviteRequest(3, 5, "7d", "admin", "for the new team"));

    assertThat(created).hasSize(3).extracting(Invite::code).doesNotHaveDuplicates();
    for (Invite invite : created) {
      assertThat(invite.maxUses()).isEqualTo(5);
      assertThat(invite.role()).isEqualTo(Role.ADMIN);
      assertThat(invite.note()).isEqualTo("for the new team");
      assertThat(invite.expiresAt())
          .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(5, ChronoUnit.SECONDS));
    }
    assertThat(generate(admin.token(), Map.of("expires_in", "12h")).get(0).expiresAt())
        .isCloseTo(Instant.now().plus(Duration.ofHours(12)), within(5, ChronoUnit.SECONDS));
    assertThat(generate(admin.token(), Map.of("expires_in", "PT30M")).get(0).expiresAt())
        .isCloseTo(Instant.now().plus(Duration.ofMinutes(30)), within(5, ChronoUnit.SECONDS));
  }

  @Test
  void anAdminCodeRegistersAnAdmin() {
    SignedIn admin = accounts.register(Role.ADMIN);
    String code = generate(admin.token(), Map.of("role", "admin")).get(0).code();

    SignedIn registered = accounts.register(code, Accounts.uniqueName("newadmin"), "long password");

    assertThat(registered.user().role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void eachBrokenRuleGets400NamingItsField() {
    SignedIn admin = accounts.register(Role.ADMIN);

    invalid(admin.token(), Map.of("count", 0), "count");
    invalid(admin.token(), Map.of("count", 101), "count");
    invalid(admin.token(), Map.of("max_uses", 0), "max_uses");
    invalid(admin.token(), Map.of("expires_in", "soon"), "expires_in");
    invalid(admin.token(), Map.of("expires_in", "0s"), "expires_in");
    invalid(admin.token(), Map.of("expires_in", "-PT1H"), "expires_in");
    invalid(admin.token(), Map.of("expires_in", "P9999999999D"), "expires_in");
    invalid(admin.token(), Map.of("expires_in", "3651d"), "expires_in");
    invalid(admin.token(), Map.of("role", "root"), "role");
    invalid(admin.token(), Map.of("note", "n".repeat(501)), "note");
  }

  @Test
  void theListIsNewestFirstAndShowsUses() {
    SignedIn admin = accounts.register(Role.ADMIN);
    String older = generate(admin.token(), Map.of("max_uses", 2)).get(0).code();
    String newer = generate(admin.token(), Map.of()).get(0).code();
    accounts.register(older, Accounts.uniqueName("used"), Accounts.PASSWORD);

    List<Invite> listed = list(admin.token());

    assertThat(listed).extracting(Invite::code).containsSubsequence(newer, older);
    assertThat(listed).extracting(Invite::createdAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(listed.stream().filter(i -> i.code().equals(older)).findFirst().orElseThrow().uses())
        .isEqualTo(1);
  }

  @Test
  void deletingRevokesTheCodeAndKeepsItListed() {
    SignedIn admin = accounts.register(Role.ADMIN);
    String code = generate(admin.token(), Map.of()).get(0).code();

    accounts
        .as(admin.token())
        .delete()
        .uri("/api/invite-codes/{code}", code)
        .exchange()
        .expectStatus()
        .isNoContent();

    assertThat(list(admin.token()))
        .filteredOn(invite -> invite.code().equals(code))
        .singleElement()
        .extracting(Invite::revoked)
        .isEqualTo(true);
    accounts
        .as(admin.token())
        .post()
        .uri("/api/auth/register")
        .bodyValue(Map.of("invite_code", code, "username", "latecomer", "password", "long enough"))
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  @Test
  void deletingAnUnknownCodeGets404() {
    SignedIn admin = accounts.register(Role.ADMIN);

    accounts
        .as(admin.token())
        .delete()
        .uri("/api/invite-codes/{code}", "ABCD-EFGH-JKMN-PQRS")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType("application/problem+json");
  }

  @Test
  void withoutATokenTheInviteRoutesGet401() {
    backend.client().get().uri("/api/invite-codes").exchange().expectStatus().isUnauthorized();
  }

  private List<Invite> generate(String token, Object body) {
    return accounts
        .as(token)
        .post()
        .uri("/api/invite-codes")
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBodyList(Invite.class)
        .returnResult()
        .getResponseBody();
  }

  private List<Invite> list(String token) {
    return accounts
        .as(token)
        .get()
        .uri("/api/invite-codes")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBodyList(Invite.class)
        .returnResult()
        .getResponseBody();
  }

  private void invalid(String token, Map<String, Object> body, String field) {
    WebTestClient.BodyContentSpec answer =
        accounts
            .as(token)
            .post()
            .uri("/api/invite-codes")
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType("application/problem+json")
            .expectBody();
    answer.jsonPath("$.errors.length()").isEqualTo(1);
    answer.jsonPath("$.errors[0].field").isEqualTo(field);
  }
}
