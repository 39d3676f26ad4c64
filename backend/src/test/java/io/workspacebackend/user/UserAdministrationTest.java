package io.workspacebackend.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserChange;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class UserAdministrationTest {
  @RegisterExtension static RunningBackend backend = new RunningBackend().withoutSessions();

  private Accounts accounts() {
    return new Accounts(backend);
  }

  @Test
  void anAdminListsEveryUserOldestFirst() {
    SignedIn admin = accounts().register(Role.ADMIN);
    SignedIn user = accounts().register(Role.USER);

    List<User> users = accounts().users(admin.token());

    assertThat(users).containsSubsequence(admin.user(), user.user());
    assertThat(users).extracting(User::createdAt).isSorted();
  }

  @Test
  void aUserGets403OnEveryAdminRoute() {
    accounts().register(Role.ADMIN);
    SignedIn user = accounts().register(Role.USER);
    WebTestClient asUser = accounts().as(user.token());

    asUser.get().uri("/api/users").exchange().expectStatus().isForbidden();
    asUser
        .patch()
        .uri("/api/users/{id}", user.user().id())
        .bodyValue(new UserChange("admin", null))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType("application/problem+json");
    asUser.get().uri("/api/invite-codes").exchange().expectStatus().isForbidden();
    asUser
        .post()
        .uri("/api/invite-codes")
        .bodyValue(Map.of())
        .exchange()
        .expectStatus()
        .isForbidden();
    asUser.delete().uri("/api/invite-codes/ABCD").exchange().expectStatus().isForbidden();
  }

  @Test
  void disablingAUserKillsTheirTokensAtOnceAndEnablingRevivesThem() {
    SignedIn admin = accounts().register(Role.ADMIN);
    SignedIn user = accounts().register(Role.USER);

    User disabled =
        accounts().changeUser(admin.token(), user.user().id(), new UserChange(null, true));

    assertThat(disabled.disabled()).isTrue();
    accounts()
        .as(user.token())
        .get()
        .uri("/api/auth/me")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");

    accounts().changeUser(admin.token(), user.user().id(), new UserChange(null, false));
    accounts().as(user.token()).get().uri("/api/auth/me").exchange().expectStatus().isOk();
  }

  @Test
  void promotingAUserGrantsAdminRoutesToTheirCurrentTokenAndDemotingTakesThemAway() {
    SignedIn admin = accounts().register(Role.ADMIN);
    SignedIn user = accounts().register(Role.USER);

    User promoted =
        accounts().changeUser(admin.token(), user.user().id(), new UserChange("admin", null));

    assertThat(promoted.role()).isEqualTo(Role.ADMIN);
    accounts().as(user.token()).get().uri("/api/users").exchange().expectStatus().isOk();

    accounts().changeUser(admin.token(), user.user().id(), new UserChange("user", null));
    accounts().as(user.token()).get().uri("/api/users").exchange().expectStatus().isForbidden();
  }

  @Test
  void theLastEnabledAdminCanBeNeitherDisabledNorDemoted() {
    SignedIn admin = soleAdmin();
    UUID id = admin.user().id();

    conflict(admin.token(), id, new UserChange(null, true));
    conflict(admin.token(), id, new UserChange("user", null));
    assertThat(accounts().users(admin.token())).contains(admin.user());

    SignedIn second = accounts().register(Role.ADMIN);
    accounts().changeUser(second.token(), id, new UserChange("user", null));
    conflict(second.token(), second.user().id(), new UserChange(null, true));
  }

  @Test
  void aDisabledAdminDoesNotCountAsTheLastOne() {
    SignedIn first = soleAdmin();
    SignedIn second = accounts().register(Role.ADMIN);
    accounts().changeUser(first.token(), second.user().id(), new UserChange(null, true));

    conflict(first.token(), first.user().id(), new UserChange("user", null));
  }

  @Test
  void anUnknownUserGets404() {
    SignedIn admin = accounts().register(Role.ADMIN);

    for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
      accounts()
          .as(admin.token())
          .patch()
          .uri("/api/users/{id}", id)
          .bodyValue(new UserChange(null, true))
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectHeader()
          .contentType("application/problem+json");
    }
  }

  @Test
  void anUnknownRoleOrAnEmptyChangeGets400WithErrors() {
    SignedIn admin = accounts().register(Role.ADMIN);

    accounts()
        .as(admin.token())
        .patch()
        .uri("/api/users/{id}", admin.user().id())
        .bodyValue(Map.of("role", "root"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("role");
    accounts()
        .as(admin.token())
        .patch()
        .uri("/api/users/{id}", admin.user().id())
        .bodyValue(Map.of("nickname", "x"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors")
        .isNotEmpty();
  }

  /** A new admin, with every other admin disabled: the server's only enabled admin. */
  private SignedIn soleAdmin() {
    SignedIn admin = accounts().register(Role.ADMIN);
    for (User other : accounts().users(admin.token())) {
      if (other.role() == Role.ADMIN
          && !other.disabled()
          && !other.id().equals(admin.user().id())) {
        accounts().changeUser(admin.token(), other.id(), new UserChange(null, true));
      }
    }
    return admin;
  }

  private void conflict(String token, UUID id, UserChange change) {
    accounts()
        .as(token)
        .patch()
        .uri("/api/users/{id}", id)
        .bodyValue(change)
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("last enabled admin"));
  }
}
