package io.workspacebackend.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserQuota;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SqlStatements;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code PUT /api/users/{id}/quota}, the {@code quota} of the {@code user} JSON, and {@link
 * Quotas}.
 */
class UserQuotaTest {
  private static final long GIB = 1L << 30;
  private static final SqlStatements statements = new SqlStatements();
  private static final AtomicReference<ConfigurableApplicationContext> context =
      new AtomicReference<>();

  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .withoutSessions()
          .with("sessions.max_per_user", "4")
          .with("sessions.max_memory_per_user", "16GB")
          .hookedBy(new ContextAndStatements());

  private Accounts accounts() {
    return new Accounts(backend);
  }

  @Test
  void aNewUserHasTheConfiguredDefaultsWithNothingOfTheirOwn() {
    SignedIn user = accounts().register(Role.USER);

    UserQuota defaults = new UserQuota(4, 16 * GIB, null, QuotaOverrides.NONE);
    assertThat(user.user().quota()).isEqualTo(defaults);
    assertThat(me(user.token()).quota()).isEqualTo(defaults);
    assertThat(quotas().of(user.user().id()))
        .isEqualTo(new Quota(4, OptionalLong.of(16 * GIB), OptionalDouble.empty()));
  }

  @Test
  void anAdminSetsAQuotaAndEveryViewOfTheUserShowsItAtOnce() {
    SignedIn admin = accounts().register(Role.ADMIN);
    SignedIn user = accounts().register(Role.USER);
    QuotaOverrides own = new QuotaOverrides(2, null, 1.5);

    User changed = accounts().setQuota(admin.token(), user.user().id(), own);

    UserQuota expected = new UserQuota(2, 16 * GIB, 1.5, own);
    assertThat(changed.quota()).isEqualTo(expected);
    assertThat(me(user.token()).quota()).isEqualTo(expected);
    assertThat(accounts().users(admin.token()))
        .filteredOn(u -> u.id().equals(user.user().id()))
        .singleElement()
        .isEqualTo(changed);
    assertThat(accounts().login(user.user().username(), Accounts.PASSWORD).user().quota())
        .isEqualTo(expected);
  }

  @Test
  void quotasAreReadFromMemoryWithNoDatabaseStatement() {
    SignedIn admin = accounts().register(Role.ADMIN);
    SignedIn user = accounts().register(Role.USER);
    accounts().setQuota(admin.token(), user.user().id(), new QuotaOverrides(1, 4 * GIB, 2.0));

    int mark = statements.mark();
    Quota quota = quotas().of(user.user().id().toString());

    assertThat(quota).isEqualTo(new Quota(1, OptionalLong.of(4 * GIB), OptionalDouble.of(2.0)));
    assertThat(statements.since(mark)).isEmpty();
    assertThat(quotas().of(UUID.randomUUID().toString())).isEqualTo(quotas().defaults());
    assertThat(quotas().of("not-a-uuid")).isEqualTo(quotas().defaults());
  }

  @Test
  void putReplacesEveryValueSoNullsGoBackToTheDefaults() {
    SignedIn admin = accounts().register(Role.ADMIN);
    SignedIn user = accounts().register(Role.USER);
    accounts().setQuota(admin.token(), user.user().id(), new QuotaOverrides(0, 2 * GIB, 8.0));

    User reset =
        accounts()
            .setQuota(admin.token(), user.user().id(), new QuotaOverrides(null, 32 * GIB, null));

    assertThat(reset.quota())
        .isEqualTo(new UserQuota(4, 32 * GIB, null, new QuotaOverrides(null, 32 * GIB, null)));
    User cleared =
        accounts()
            .as(admin.token())
            .put()
            .uri("/api/users/{id}/quota", user.user().id())
            .bodyValue(Map.of())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(User.class)
            .returnResult()
            .getResponseBody();
    assertThat(cleared.quota()).isEqualTo(new UserQuota(4, 16 * GIB, null, QuotaOverrides.NONE));
  }

  @Test
  void theJsonShowsUnlimitedAndDefaultValuesAsNulls() {
    SignedIn admin = accounts().register(Role.ADMIN);
    SignedIn user = accounts().register(Role.USER);
    accounts().setQuota(admin.token(), user.user().id(), new QuotaOverrides(3, null, null));

    accounts()
        .as(user.token())
        .get()
        .uri("/api/auth/me")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.username")
        .isEqualTo(user.user().username())
        .jsonPath("$.quota.max_sessions")
        .isEqualTo(3)
        .jsonPath("$.quota.max_memory_bytes")
        .isEqualTo(16 * GIB)
        .jsonPath("$.quota.max_cpus")
        .isEqualTo(null)
        .jsonPath("$.quota.overrides.max_sessions")
        .isEqualTo(3)
        .jsonPath("$.quota.overrides.max_memory_bytes")
        .isEqualTo(null)
        .jsonPath("$.quota.overrides.max_cpus")
        .isEqualTo(null);
  }

  @Test
  void theTypedClientSetsAQuota() {
    SignedIn admin = accounts().register(Role.ADMIN);
    SignedIn user = accounts().register(Role.USER);
    WorkspaceClient client = WorkspaceClient.forServer(backend.server().baseUri());
    client.useToken(admin.token());

    User changed = client.setQuota(user.user().id(), new QuotaOverrides(null, null, 0.5));
    User reset = client.setQuota(user.user().id(), QuotaOverrides.NONE);

    assertThat(changed.quota())
        .isEqualTo(new UserQuota(4, 16 * GIB, 0.5, new QuotaOverrides(null, null, 0.5)));
    assertThat(reset.quota().overrides()).isEqualTo(QuotaOverrides.NONE);
  }

  @Test
  void badValuesGet400NamingEveryField() {
    SignedIn admin = accounts().register(Role.ADMIN);
    SignedIn user = accounts().register(Role.USER);

    accounts()
        .as(admin.token())
        .put()
        .uri("/api/users/{id}/quota", user.user().id())
        .bodyValue(Map.of("max_sessions", -1, "max_memory_bytes", 0, "max_cpus", -0.5))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType("application/problem+json")
        .expectBody()
        .jsonPath("$.errors[*].field")
        .value(
            fields ->
                assertThat((List<Object>) fields)
                    .containsExactly("max_sessions", "max_memory_bytes", "max_cpus"));
    assertThat(me(user.token()).quota().overrides()).isEqualTo(QuotaOverrides.NONE);
  }

  @Test
  void aValueOfTheWrongTypeGets400NamingTheField() {
    SignedIn admin = accounts().register(Role.ADMIN);
    SignedIn user = accounts().register(Role.USER);

    accounts()
        .as(admin.token())
        .put()
        .uri("/api/users/{id}/quota", user.user().id())
        .bodyValue(Map.of("max_memory_bytes", "4g"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType("application/problem+json")
        .expectBody()
        .jsonPath("$.detail")
        .value(
            detail -> assertThat((String) detail).startsWith("malformed JSON: max_memory_bytes: "))
        .jsonPath("$.errors[0].field")
        .isEqualTo("max_memory_bytes");
  }

  @Test
  void numbersAreTakenAsGivenNeverCoercedOrUnbounded() {
    SignedIn admin = accounts().register(Role.ADMIN);
    SignedIn user = accounts().register(Role.USER);
    for (Map<String, Object> body :
        List.<Map<String, Object>>of(
            Map.of("max_sessions", 1.5),
            Map.of("max_sessions", "3"),
            Map.of("max_memory_bytes", 1.5),
            Map.of("max_cpus", 1e308),
            Map.of("max_cpus", 1e-300))) {
      accounts()
          .as(admin.token())
          .put()
          .uri("/api/users/{id}/quota", user.user().id())
          .bodyValue(body)
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.errors[0].field")
          .isEqualTo(body.keySet().iterator().next());
    }
  }

  @Test
  void aNonAdminGets403EvenForTheirOwnQuota() {
    accounts().register(Role.ADMIN);
    SignedIn user = accounts().register(Role.USER);

    accounts()
        .as(user.token())
        .put()
        .uri("/api/users/{id}/quota", user.user().id())
        .bodyValue(new QuotaOverrides(100, null, null))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType("application/problem+json");
    assertThat(me(user.token()).quota().maxSessions()).isEqualTo(4);
  }

  @Test
  void anUnknownUserGets404() {
    SignedIn admin = accounts().register(Role.ADMIN);

    for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
      accounts()
          .as(admin.token())
          .put()
          .uri("/api/users/{id}/quota", id)
          .bodyValue(new QuotaOverrides(1, null, null))
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectHeader()
          .contentType("application/problem+json");
    }
  }

  @Test
  void aQuotaOutlivesARestart() throws Exception {
    SignedIn admin = accounts().register(Role.ADMIN);
    SignedIn user = accounts().register(Role.USER);
    QuotaOverrides own = new QuotaOverrides(7, 3 * GIB, 2.25);
    accounts().setQuota(admin.token(), user.user().id(), own);

    backend.stop();
    backend.start();

    assertThat(me(user.token()).quota()).isEqualTo(new UserQuota(7, 3 * GIB, 2.25, own));
    assertThat(quotas().of(user.user().id()))
        .isEqualTo(new Quota(7, OptionalLong.of(3 * GIB), OptionalDouble.of(2.25)));
  }

  private static Quotas quotas() {
    return context.get().getBean(Quotas.class);
  }

  private User me(String token) {
    return accounts()
        .as(token)
        .get()
        .uri("/api/auth/me")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(User.class)
        .returnResult()
        .getResponseBody();
  }

  /** Keeps the server's application context, and records its SQL, at each start. */
  private static final class ContextAndStatements implements SpringApplicationHook {
    @Override
    public SpringApplicationRunListener getRunListener(SpringApplication application) {
      SpringApplicationRunListener recording = statements.getRunListener(application);
      return new SpringApplicationRunListener() {
        @Override
        public void contextPrepared(ConfigurableApplicationContext prepared) {
          recording.contextPrepared(prepared);
          context.set(prepared);
        }
      };
    }
  }
}
