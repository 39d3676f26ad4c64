package io.workspacebackend.console.sessions;

import static io.workspacebackend.console.sessions.Fixtures.DEV;
import static io.workspacebackend.console.sessions.Fixtures.as;
import static io.workspacebackend.console.sessions.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStats;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The sessions view's rules without a window: actions per state, filter, placeholder, stats. */
class SessionsViewModelTest {
  private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

  /** Worker tasks wait here until the test runs them; results come back at once. */
  private final Queue<Runnable> worker = new ArrayDeque<>();

  private final SettableClock clock = new SettableClock(T0);
  private final List<UUID> statsCalls = new ArrayList<>();
  private Function<UUID, SessionStats> statsOf =
      id -> {
        statsCalls.add(id);
        return new SessionStats(12.5, 1024, 4096, 3);
      };
  private final SessionsViewModel model =
      new SessionsViewModel(DEV, id -> statsOf.apply(id), worker::add, Runnable::run, clock);

  @Test
  void eachStateAllowsTheActionsItsStatusTableSays() {
    assertThat(allowed(SessionStatus.RUNNING))
        .containsExactlyInAnyOrder(
            SessionAction.OPEN_TERMINAL,
            SessionAction.OPEN_IN_BROWSER,
            SessionAction.LOGS,
            SessionAction.STOP,
            SessionAction.DELETE);
    assertThat(allowed(SessionStatus.STARTING))
        .containsExactlyInAnyOrder(
            SessionAction.OPEN_TERMINAL,
            SessionAction.LOGS,
            SessionAction.STOP,
            SessionAction.DELETE);
    assertThat(allowed(SessionStatus.STOPPING))
        .containsExactlyInAnyOrder(SessionAction.LOGS, SessionAction.DELETE);
    assertThat(allowed(SessionStatus.STOPPED))
        .containsExactlyInAnyOrder(SessionAction.START, SessionAction.DELETE);
    assertThat(allowed(SessionStatus.FAILED))
        .containsExactlyInAnyOrder(SessionAction.LOGS, SessionAction.START, SessionAction.DELETE);
  }

  @Test
  void eachTickMovesTheClockTheUptimesAreShownAt() {
    assertThat(model.clockProperty().get()).isEqualTo(T0);
    clock.now = T0.plusSeconds(90);

    model.tick();

    assertThat(model.clockProperty().get()).isEqualTo(T0.plusSeconds(90));
  }

  @Test
  void theSelectedSessionsActionsFollowItsAnnouncedState() {
    Session web = session("web", SessionStatus.RUNNING, T0);
    model.listed(List.of(web), List.of());
    var stop = model.allows(SessionAction.STOP);
    var start = model.allows(SessionAction.START);
    var browser = model.allows(SessionAction.OPEN_IN_BROWSER);
    assertThat(stop.get()).isFalse();

    model.selectedProperty().set(model.row(web.id()).orElseThrow());
    assertThat(stop.get()).isTrue();
    assertThat(browser.get()).isTrue();
    assertThat(start.get()).isFalse();

    model.apply(as(web, SessionStatus.STOPPED));
    assertThat(stop.get()).isFalse();
    assertThat(browser.get()).isFalse();
    assertThat(start.get()).isTrue();
  }

  @Test
  void theFilterMatchesNameOwnerStatusAndImageInAnyCase() {
    User admin = new User(UUID.randomUUID(), "root", Role.ADMIN, false, T0, null);
    SessionsViewModel adminModel =
        new SessionsViewModel(admin, id -> null, worker::add, Runnable::run, clock);
    adminModel.showAllProperty().set(true);
    Session alpha = session("alpha", SessionStatus.RUNNING, T0);
    Session beta = session("beta", SessionStatus.STOPPED, T0.plusSeconds(60));
    adminModel.listed(List.of(alpha, beta), List.of(DEV));

    adminModel.filterProperty().set("ALP");
    assertThat(names(adminModel)).containsExactly("alpha");
    adminModel.filterProperty().set("stopped");
    assertThat(names(adminModel)).containsExactly("beta");
    adminModel.filterProperty().set("dev");
    assertThat(names(adminModel)).containsExactly("alpha", "beta");
    adminModel.filterProperty().set("opencode-dev:lat");
    assertThat(names(adminModel)).containsExactly("alpha", "beta");

    adminModel.filterProperty().set("running");
    adminModel.apply(as(beta, SessionStatus.RUNNING));
    assertThat(names(adminModel)).containsExactly("alpha", "beta");
  }

  @Test
  void theEmptyTableSaysWhetherThereWereNeverSessionsOrTheFilterHidesThem() {
    assertThat(model.placeholderProperty().get()).isEqualTo(SessionsViewModel.LOADING);
    model.listed(List.of(), List.of());
    assertThat(model.placeholderProperty().get()).isEqualTo(SessionsViewModel.NONE_YET);

    Session web = session("web", SessionStatus.RUNNING, T0);
    model.apply(web);
    assertThat(model.placeholderProperty().get()).isEmpty();
    model.filterProperty().set("nothing like it");
    assertThat(model.placeholderProperty().get()).isEqualTo(SessionsViewModel.NO_MATCH);

    model.filterProperty().set("");
    model.remove(web.id());
    assertThat(model.placeholderProperty().get()).isEqualTo(SessionsViewModel.NONE_LEFT);
  }

  @Test
  void aListenerOnTheRowsStillHearsOfNewRowsAfterAGarbageCollection() {
    List<String> heard = new ArrayList<>();
    model.rows().addListener((ListChangeListener<SessionItem>) change -> heard.add("changed"));
    WeakReference<ObservableList<SessionItem>> view = new WeakReference<>(model.rows());
    // The read-only view the listener sits on must live as long as the model; a collected one
    // would clear this reference, and its listener would never be called again.
    System.gc();

    model.apply(session("web", SessionStatus.RUNNING, T0));

    assertThat(view.get()).as("the rows' read-only view after a GC").isNotNull();
    assertThat(heard).isNotEmpty();
  }

  @Test
  void otherUsersSessionsAreListedOnlyWhenEveryonesAreShown() {
    Session theirs = session(UUID.randomUUID(), "x", SessionStatus.RUNNING, T0, UUID.randomUUID());
    model.apply(theirs);
    assertThat(model.rows()).isEmpty();
    model.showAllProperty().set(true);
    model.apply(theirs);
    assertThat(model.rows()).hasSize(1);
  }

  @Test
  void aStatsRoundAsksForEachRunningSessionInTurnAndNoSecondRoundStartsWhileOneRuns() {
    Session one = session("one", SessionStatus.RUNNING, T0);
    Session two = session("two", SessionStatus.RUNNING, T0);
    Session off = session("off", SessionStatus.STOPPED, T0);
    model.listed(List.of(one, two, off), List.of());

    assertThat(model.pollStats()).isTrue();
    assertThat(model.pollStats()).as("the previous round still runs").isFalse();
    assertThat(worker).hasSize(1);

    worker.remove().run();
    assertThat(statsCalls).containsExactly(one.id(), two.id());
    assertThat(model.row(one.id()).orElseThrow().statsProperty().get()).isPresent();
    assertThat(model.row(off.id()).orElseThrow().statsProperty().get()).isEmpty();

    assertThat(model.pollStats()).as("the round ended").isTrue();
  }

  @Test
  void noRoundStartsWithoutARunningSession() {
    model.listed(List.of(session("off", SessionStatus.STOPPED, T0)), List.of());
    assertThat(model.pollStats()).isFalse();
    assertThat(worker).isEmpty();
  }

  @Test
  void aFailedStatsCallClearsThatRowAndTheRoundGoesOn() {
    Session one = session("one", SessionStatus.RUNNING, T0);
    Session two = session("two", SessionStatus.RUNNING, T0);
    model.listed(List.of(one, two), List.of());
    model
        .row(one.id())
        .orElseThrow()
        .statsProperty()
        .set(Optional.of(new SessionStats(1, 1, 1, 1)));
    Function<UUID, SessionStats> working = statsOf;
    statsOf =
        id -> {
          if (id.equals(one.id())) {
            throw new IllegalStateException("409 the session is stopping");
          }
          return working.apply(id);
        };

    model.pollStats();
    worker.remove().run();

    assertThat(model.row(one.id()).orElseThrow().statsProperty().get()).isEmpty();
    assertThat(model.row(two.id()).orElseThrow().statsProperty().get()).isPresent();
    assertThat(model.pollStats()).isTrue();
  }

  @Test
  void statsArrivingAfterTheSessionStoppedAreDropped() {
    Session one = session("one", SessionStatus.RUNNING, T0);
    model.listed(List.of(one), List.of());
    model.pollStats();
    model.apply(as(one, SessionStatus.STOPPING));

    worker.remove().run();

    assertThat(model.row(one.id()).orElseThrow().statsProperty().get()).isEmpty();
  }

  private static Set<SessionAction> allowed(SessionStatus status) {
    EnumSet<SessionAction> allowed = EnumSet.noneOf(SessionAction.class);
    for (SessionAction action : SessionAction.values()) {
      if (action.allowedIn(status)) {
        allowed.add(action);
      }
    }
    return allowed;
  }

  private static List<String> names(SessionsViewModel model) {
    return model.visibleRows().stream().map(item -> item.session().name()).toList();
  }

  /** A clock the test moves by hand. */
  private static final class SettableClock extends Clock {
    Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
