package io.workspacebackend.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.invite.InviteRequest;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserChange;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.FollowedStream;
import io.workspacebackend.testing.RunningBackend;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code event: user} and {@code event: invite} on {@code GET /api/events}, against a real backend:
 * admins see users and invite codes change as the API shows them; users never do, and neither does
 * an admin once demoted.
 */
@Timeout(120)
class AdministrationEventsTest {
  @RegisterExtension static RunningBackend backend = new RunningBackend().withoutSessions();

  /** Generous for a loaded two-core machine. */
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final Accounts accounts = new Accounts(backend);

  @Test
  void registeringWithAnInviteShowsAdminsTheNewUserAndTheCodesUseButNotUsers() throws Exception {
    SignedIn admin = accounts.register(Role.ADMIN);
    SignedIn user = accounts.register(Role.USER);
    try (FollowedStream admins = events(admin);
        FollowedStream users = events(user)) {
      awaitLive(admins, users);

      Invite created = generate(admin);
      assertThat(awaitEvent(admins, "invite", Invite.class, quoted(created.code())))
          .isEqualTo(created);
      String name = Accounts.uniqueName("newcomer");
      SignedIn newcomer = accounts.register(created.code(), name, Accounts.PASSWORD);

      assertThat(awaitEvent(admins, "user", User.class, quoted(name)))
          .isEqualTo(newcomer.user())
          .isEqualTo(listedUser(admin, newcomer.user().id()));
      Invite used = awaitEvent(admins, "invite", Invite.class, quoted(created.code()), "uses\":1,");
      assertThat(used.uses()).isEqualTo(1);
      assertThat(used).isEqualTo(listedInvite(admin, created.code()));

      // The user's stream ends in order: had it carried any of the above, it would show by now.
      logOut(user);
      users.awaitEnd(WAIT);
      assertNoAdministrationEvents(users);
    }
  }

  @Test
  void changingAUserAndRevokingACodeAreAnnouncedAsTheApiShowsThem() throws Exception {
    SignedIn admin = accounts.register(Role.ADMIN);
    SignedIn bob = accounts.register(Role.USER);
    Invite invite = generate(admin);
    try (FollowedStream admins = events(admin)) {
      awaitLive(admins);

      User disabled =
          accounts.changeUser(admin.token(), bob.user().id(), new UserChange(null, true));
      assertThat(
              awaitEvent(
                  admins, "user", User.class, quoted(bob.user().username()), "disabled\":true"))
          .isEqualTo(disabled);
      User promoted =
          accounts.changeUser(admin.token(), bob.user().id(), new UserChange("admin", false));
      assertThat(
              awaitEvent(
                  admins,
                  "user",
                  User.class,
                  quoted(bob.user().username()),
                  "\"role\":\"admin\",\"disabled\":false"))
          .isEqualTo(promoted);
      User limited =
          accounts.setQuota(admin.token(), bob.user().id(), new QuotaOverrides(3, null, null));
      assertThat(
              awaitEvent(
                  admins, "user", User.class, quoted(bob.user().username()), "max_sessions\":3"))
          .isEqualTo(limited)
          .isEqualTo(listedUser(admin, bob.user().id()));

      accounts
          .as(admin.token())
          .delete()
          .uri("/api/invite-codes/{code}", invite.code())
          .exchange()
          .expectStatus()
          .isNoContent();
      Invite revoked =
          awaitEvent(admins, "invite", Invite.class, quoted(invite.code()), "revoked\":true");
      assertThat(revoked).isEqualTo(listedInvite(admin, invite.code()));
    }
  }

  @Test
  void aDemotedAdminsStreamEndsBeforeTheNewsAndLaterStreamsOfTheirsCarryNone() throws Exception {
    SignedIn admin = accounts.register(Role.ADMIN);
    SignedIn mia = accounts.register(Role.ADMIN);
    try (FollowedStream admins = events(admin);
        FollowedStream mias = events(mia)) {
      awaitLive(admins, mias);

      accounts.changeUser(admin.token(), mia.user().id(), new UserChange("user", null));

      mias.awaitEnd(WAIT);
      assertThat(mias.lines()).as("mia's stream").contains("event:revoked");
      assertNoAdministrationEvents(mias);
      assertThat(awaitEvent(admins, "user", User.class, quoted(mia.user().username())).role())
          .isEqualTo(Role.USER);
    }
    try (FollowedStream admins = events(admin);
        FollowedStream mias = events(mia)) {
      awaitLive(admins, mias);

      Invite created = generate(admin);
      awaitEvent(admins, "invite", Invite.class, quoted(created.code()));
      logOut(mia);
      mias.awaitEnd(WAIT);

      assertNoAdministrationEvents(mias);
    }
  }

  private static FollowedStream events(SignedIn who) {
    return FollowedStream.open(
        URI.create("http://127.0.0.1:" + backend.server().port() + "/api/events"), who.token());
  }

  private static void awaitLive(FollowedStream... streams) throws Exception {
    for (FollowedStream stream : streams) {
      assertThat(stream.status(WAIT)).isEqualTo(200);
      stream.awaitLine("^:connected", WAIT);
    }
  }

  /**
   * The data of the first {@code name} event whose JSON holds every one of {@code fragments}, in
   * order, read as {@code type}.
   */
  private static <T> T awaitEvent(
      FollowedStream stream, String name, Class<T> type, String... fragments) {
    StringBuilder regex = new StringBuilder("^data:\\{");
    for (String fragment : fragments) {
      regex.append(".*").append(Pattern.quote(fragment));
    }
    Pattern data = Pattern.compile(regex.toString());
    return await()
        .alias("a " + name + " event like " + regex)
        .atMost(WAIT)
        .until(() -> firstEvent(stream.lines(), name, data), Optional::isPresent)
        .map(json -> JSON.readValue(json, type))
        .orElseThrow();
  }

  private static Optional<String> firstEvent(List<String> lines, String name, Pattern data) {
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i - 1).equals("event:" + name) && data.matcher(lines.get(i)).find()) {
        return Optional.of(lines.get(i).substring("data:".length()));
      }
    }
    return Optional.empty();
  }

  private static String quoted(String value) {
    return "\"" + value + "\"";
  }

  private static void assertNoAdministrationEvents(FollowedStream stream) {
    assertThat(stream.lines())
        .as("the stream of someone who is not an admin")
        .doesNotContain("event:user", "event:invite");
  }

  private Invite generate(SignedIn admin) {
    List<Invite> created =
        accounts
            .as(admin.token())
            .post()
            .uri("/api/invite-codes")
            .bodyValue(new InviteRequest(1, 2, null, "user", "events"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(new ParameterizedTypeReference<List<Invite>>() {})
            .returnResult()
            .getResponseBody();
    assertThat(created).hasSize(1);
    return created.get(0);
  }

  private void logOut(SignedIn who) {
    accounts.as(who.token()).post().uri("/api/auth/logout").exchange().expectStatus().isNoContent();
  }

  private User listedUser(SignedIn admin, UUID id) {
    return accounts
        .as(admin.token())
        .get()
        .uri("/api/users")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBodyList(User.class)
        .returnResult()
        .getResponseBody()
        .stream()
        .filter(user -> user.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private Invite listedInvite(SignedIn admin, String code) {
    return accounts
        .as(admin.token())
        .get()
        .uri("/api/invite-codes")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBodyList(Invite.class)
        .returnResult()
        .getResponseBody()
        .stream()
        .filter(invite -> invite.code().equals(code))
        .findFirst()
        .orElseThrow();
  }
}
