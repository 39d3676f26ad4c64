package io.workspacebackend.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.client.ApiException;
import io.workspacebackend.console.testing.HeldWork;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserChange;
import io.workspacebackend.model.user.UserQuota;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The Users tab's state and rules, without a window and without a server. */
class UsersViewModelTest {
  private static final UserQuota DEFAULT_QUOTA = new UserQuota(5, null, null, QuotaOverrides.NONE);
  private static final User ADA = user("ada", Role.ADMIN, false);
  private static final User BOB = user("bob", Role.USER, false);
  private static final User CY = user("cy", Role.USER, true);

  private final FakeServer server = new FakeServer(ADA, BOB, CY);
  private final HeldWork work = new HeldWork();
  private final List<String> reported = new ArrayList<>();
  private final UsersViewModel model =
      new UsersViewModel(server, work, (heading, failure) -> reported.add(heading));

  @Test
  void aListingFillsTheRowsAndTheModelSaysItIsLoadingMeanwhile() {
    model.refresh();
    assertThat(model.loadingProperty().get()).isTrue();
    assertThat(model.rows()).isEmpty();

    work.runAll();

    assertThat(model.loadingProperty().get()).isFalse();
    assertThat(model.rows()).containsExactly(ADA, BOB, CY);
  }

  @Test
  void anEventAddsANewUserLastAndReplacesAKnownOneByItsId() {
    listed();
    User dee = user("dee", Role.USER, false);
    User bobDisabled = with(BOB, Role.USER, true);

    model.apply(dee);
    model.apply(bobDisabled);

    assertThat(model.rows()).containsExactly(ADA, bobDisabled, CY, dee);
  }

  @Test
  void aChangeAnnouncedWhileAListingIsOnItsWayIsNotUndoneByIt() {
    model.refresh();
    User bobPromoted = with(BOB, Role.ADMIN, false);
    User dee = user("dee", Role.USER, false);

    // The listing was answered before these changes; the events arrive before the answer does.
    model.apply(bobPromoted);
    model.apply(dee);
    work.runAll();

    assertThat(model.rows()).containsExactly(ADA, bobPromoted, CY, dee);
  }

  @Test
  void refreshingWhileAListingIsOnItsWayListsOnceMoreAfterIt() {
    model.refresh();
    model.refresh();
    assertThat(work.waiting()).isEqualTo(1);

    work.runNext();

    assertThat(work.waiting()).as("the second listing").isEqualTo(1);
    work.runAll();
    assertThat(server.listings).isEqualTo(2);
  }

  @Test
  void theActionsFollowTheSelectedUser() {
    listed();
    assertThat(model.actionsDisabledProperty().get()).as("nothing selected").isTrue();

    model.select(ADA);
    assertThat(model.actionsDisabledProperty().get()).isFalse();
    assertThat(model.accessActionProperty().get()).isEqualTo("_Disable");
    assertThat(model.roleActionProperty().get()).isEqualTo("De_mote to user");
    assertThat(model.accessActionDisables()).isTrue();

    model.select(CY);
    assertThat(model.accessActionProperty().get()).isEqualTo("_Enable");
    assertThat(model.roleActionProperty().get()).isEqualTo("_Promote to admin");
    assertThat(model.accessActionDisables()).isFalse();
  }

  @Test
  void anEventAboutTheSelectedUserKeepsThemSelectedAsTheyAreNow() {
    listed();
    model.select(BOB);
    // A table may drop its selection while its rows change, and say so.
    model.rows().addListener((ListChangeListener<User>) change -> model.select(null));

    User bobDisabled = with(BOB, Role.USER, true);
    model.apply(bobDisabled);

    assertThat(model.selectedProperty().get()).isEqualTo(bobDisabled);
    assertThat(model.accessActionProperty().get()).isEqualTo("_Enable");
  }

  @Test
  void disablingSendsTheChangeDisablesTheActionsMeanwhileAndShowsTheAnswer() {
    listed();
    model.select(BOB);

    model.toggleAccess();
    assertThat(model.actionsDisabledProperty().get()).as("while the change is on its way").isTrue();
    work.runAll();

    assertThat(server.changes).containsExactly(new UserChange(null, true));
    assertThat(model.rows()).contains(with(BOB, Role.USER, true)).doesNotContain(BOB);
    assertThat(model.actionsDisabledProperty().get()).isFalse();
    assertThat(model.accessActionProperty().get()).isEqualTo("_Enable");
  }

  @Test
  void promotingAndSettingAQuotaSendWhatTheySay() {
    listed();
    model.select(BOB);

    model.toggleRole();
    work.runAll();
    QuotaOverrides two = new QuotaOverrides(2, null, null);
    model.saveQuota(model.selectedProperty().get(), two);
    work.runAll();

    assertThat(server.changes).containsExactly(new UserChange("admin", null));
    assertThat(server.quotas).containsExactly(two);
    assertThat(model.selectedProperty().get().role()).isEqualTo(Role.ADMIN);
    assertThat(model.roleActionProperty().get()).isEqualTo("De_mote to user");
  }

  @Test
  void theLastAdminsRefusalIsShownOnceInTheServersWordsAndNotAsADialog() {
    listed();
    model.select(ADA);
    server.refuseWith =
        new ApiException(
            409,
            "Conflict",
            "this is the last enabled admin; promote or enable another admin first",
            List.of());

    model.toggleRole();
    work.runAll();

    assertThat(model.refusalProperty().get())
        .isEqualTo("this is the last enabled admin; promote or enable another admin first");
    assertThat(reported).as("dialogs").isEmpty();
    assertThat(model.rows()).contains(ADA);
    model.select(BOB);
    assertThat(model.refusalProperty().get()).as("after selecting someone else").isEmpty();
  }

  @Test
  void otherFailuresGoToTheWindowOnce() {
    listed();
    model.select(BOB);
    server.refuseWith = new ApiException(500, "Internal Server Error", null, List.of());

    model.toggleAccess();
    work.runAll();

    assertThat(reported).containsExactly("Could not change bob");
    assertThat(model.refusalProperty().get()).isEmpty();
    assertThat(model.actionsDisabledProperty().get()).isFalse();
  }

  @Test
  void aFailedListingIsReportedAndLeavesTheRowsAsTheyWere() {
    listed();
    server.refuseWith = new ApiException(500, "Internal Server Error", null, List.of());

    model.refresh();
    work.runAll();

    assertThat(reported).containsExactly("Could not load the users");
    assertThat(model.rows()).containsExactly(ADA, BOB, CY);
    assertThat(model.loadingProperty().get()).isFalse();
  }

  private void listed() {
    model.refresh();
    work.runAll();
  }

  private static User user(String name, Role role, boolean disabled) {
    return new User(UUID.randomUUID(), name, role, disabled, Instant.EPOCH, DEFAULT_QUOTA);
  }

  private static User with(User user, Role role, boolean disabled) {
    return new User(user.id(), user.username(), role, disabled, user.createdAt(), user.quota());
  }

  /** The users an admin would see, changed as the server would change them. */
  private static final class FakeServer implements UsersApi {
    private final Map<UUID, User> users = new LinkedHashMap<>();
    private final List<UserChange> changes = new ArrayList<>();
    private final List<QuotaOverrides> quotas = new ArrayList<>();
    private int listings;
    private RuntimeException refuseWith;

    FakeServer(User... users) {
      for (User user : users) {
        this.users.put(user.id(), user);
      }
    }

    @Override
    public List<User> users() {
      refuseIfAsked();
      listings++;
      return List.copyOf(users.values());
    }

    @Override
    public User change(UUID id, UserChange change) {
      refuseIfAsked();
      changes.add(change);
      User user = users.get(id);
      Role role =
          change.role() == null
              ? user.role()
              : "admin".equals(change.role()) ? Role.ADMIN : Role.USER;
      boolean disabled = change.disabled() == null ? user.disabled() : change.disabled();
      User changed = with(user, role, disabled);
      users.put(id, changed);
      return changed;
    }

    @Override
    public User setQuota(UUID id, QuotaOverrides quota) {
      refuseIfAsked();
      quotas.add(quota);
      return users.get(id);
    }

    private void refuseIfAsked() {
      if (refuseWith != null) {
        throw refuseWith;
      }
    }
  }
}
