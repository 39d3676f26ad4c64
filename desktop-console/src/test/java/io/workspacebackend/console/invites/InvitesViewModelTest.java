package io.workspacebackend.console.invites;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.client.ApiException;
import io.workspacebackend.console.testing.HeldWork;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.invite.InviteRequest;
import io.workspacebackend.model.user.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Invites tab's state and rules, without a window and without a server. */
class InvitesViewModelTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Invite OLD = invite("OLDC-ODEA-AAAA-AAAA", 0, 1, null, false);
  private static final Invite NEW = invite("NEWC-ODEB-BBBB-BBBB", 0, 2, null, false);

  private final FakeServer server = new FakeServer();
  private final HeldWork work = new HeldWork();
  private final List<String> reported = new ArrayList<>();
  private final InvitesViewModel model =
      new InvitesViewModel(
          server,
          work,
          (heading, failure) -> reported.add(heading),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aListingFillsTheRowsNewestFirstAndTheModelSaysItIsLoadingMeanwhile() {
    model.refresh();
    assertThat(model.loadingProperty().get()).isTrue();

    work.runAll();

    assertThat(model.loadingProperty().get()).isFalse();
    assertThat(model.rows()).containsExactly(NEW, OLD);
  }

  @Test
  void anEventPutsANewCodeOnTopAndReplacesAKnownOneByItsCode() {
    listed();
    Invite newest = invite("NEWE-STCC-CCCC-CCCC", 0, 1, null, false);
    Invite oldUsed = invite(OLD.code(), 1, 1, null, false);

    model.apply(newest);
    model.apply(oldUsed);

    assertThat(model.rows()).containsExactly(newest, NEW, oldUsed);
    assertThat(model.state(oldUsed)).isEqualTo("used up");
  }

  @Test
  void aUseAnnouncedWhileAListingIsOnItsWayIsNotUndoneByIt() {
    model.refresh();
    Invite newUsed = invite(NEW.code(), 1, 2, null, false);

    model.apply(newUsed);
    work.runAll();

    assertThat(model.rows()).containsExactly(newUsed, OLD);
  }

  @Test
  void copyAndRevokeFollowTheSelectionAndARevokedCodeCannotBeRevokedAgain() {
    listed();
    assertThat(model.copyDisabledProperty().get()).isTrue();
    assertThat(model.revokeDisabledProperty().get()).isTrue();

    model.select(OLD);
    assertThat(model.copyDisabledProperty().get()).isFalse();
    assertThat(model.revokeDisabledProperty().get()).isFalse();

    model.apply(invite(OLD.code(), 0, 1, null, true));
    assertThat(model.selectedProperty().get().revoked()).isTrue();
    assertThat(model.copyDisabledProperty().get()).isFalse();
    assertThat(model.revokeDisabledProperty().get()).isTrue();
  }

  @Test
  void revokingMarksTheRowAsItIsNowRevokedAndSaysSo() {
    listed();
    model.select(NEW);
    model.revoke(NEW);
    // A registration used the code while the revocation was on its way.
    model.apply(invite(NEW.code(), 1, 2, null, false));

    work.runAll();

    assertThat(server.revoked).containsExactly(NEW.code());
    assertThat(model.rows().get(0)).isEqualTo(invite(NEW.code(), 1, 2, null, true));
    assertThat(model.state(model.rows().get(0))).isEqualTo("revoked");
    assertThat(model.messageProperty().get()).isEqualTo("Revoked " + NEW.code() + ".");
    assertThat(model.revokeDisabledProperty().get()).isTrue();
  }

  @Test
  void generatedCodesAppearOnTopNewestFirstAndTheirEventsChangeNothing() {
    listed();
    model.generate(new InviteRequest(2, 1, null, "user", null));
    work.runAll();
    List<Invite> created = server.created;

    created.forEach(model::apply);

    assertThat(model.rows()).containsExactly(created.get(1), created.get(0), NEW, OLD);
    assertThat(model.messageProperty().get()).isEqualTo("Generated 2 codes.");
  }

  @Test
  void copyingGivesTheSelectedCodeAndSaysSo() {
    listed();
    assertThat(model.copySelected()).isEmpty();

    model.select(OLD);

    assertThat(model.copySelected()).contains(OLD.code());
    assertThat(model.messageProperty().get())
        .isEqualTo("Copied " + OLD.code() + " to the clipboard.");
  }

  @Test
  void anExpiredCodeSaysSo() {
    assertThat(model.state(invite("EXPI-REDD-DDDD-DDDD", 0, 1, NOW.minusSeconds(1), false)))
        .isEqualTo("expired");
    assertThat(model.state(invite("FRES-HEEE-EEEE-EEEE", 0, 1, NOW.plusSeconds(60), false)))
        .isEqualTo("usable");
  }

  @Test
  void aFailedRevocationIsReportedAndChangesNoRow() {
    listed();
    server.refuseWith = new ApiException(404, "Not Found", "no such invite code", List.of());

    model.revoke(OLD);
    work.runAll();

    assertThat(reported).containsExactly("Could not revoke the invite code");
    assertThat(model.rows()).containsExactly(NEW, OLD);
  }

  private void listed() {
    model.refresh();
    work.runAll();
  }

  private static Invite invite(
      String code, int uses, int maxUses, Instant expiresAt, boolean revoked) {
    return new Invite(
        code,
        Role.USER,
        maxUses,
        uses,
        expiresAt,
        revoked,
        null,
        NOW.minus(Duration.ofDays(1)),
        "ada");
  }

  /** The codes an admin would see, newest first, changed as the server would change them. */
  private static final class FakeServer implements InvitesApi {
    private final List<String> revoked = new ArrayList<>();
    private final List<Invite> created = new ArrayList<>();
    private RuntimeException refuseWith;

    @Override
    public List<Invite> invites() {
      return List.of(NEW, OLD);
    }

    @Override
    public List<Invite> generate(InviteRequest request) {
      for (int i = 0; i < request.count(); i++) {
        created.add(invite("GENE-RATE-DDDD-000" + i, 0, request.maxUses(), null, false));
      }
      return List.copyOf(created);
    }

    @Override
    public void revoke(String code) {
      if (refuseWith != null) {
        throw refuseWith;
      }
      revoked.add(code);
    }
  }
}
