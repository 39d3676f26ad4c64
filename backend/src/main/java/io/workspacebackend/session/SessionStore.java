package io.workspacebackend.session;

import io.workspacebackend.db.Database;
import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.model.session.SessionPorts;
import io.workspacebackend.model.session.SessionStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sessions in the database, off the event loop. Making a session live (creating it, starting it
 * again, adopting its restarted container) checks its user's limits and leases its ports in the
 * same transaction that stores it; creating one also checks that its workspace nests with no other.
 *
 * <p>Every row is also held in memory, so that finding a session (which every proxied request does)
 * reads no database. This class is the only writer of {@code sessions}: its writes take turns
 * (SQLite has one writer anyway) and update memory right after each commit, in commit order. Inside
 * a write, memory is exactly what is committed, so the checks read it.
 */
@Component
@DependsOnDatabaseInitialization
class SessionStore {
  private final SessionRows rows;
  private final JdbcAggregateTemplate aggregates;
  private final JdbcAccess access;
  private final PortLeases ports;
  private final Database database;
  private final SessionLimits limits;
  private final Map<String, SessionRow> byId = new ConcurrentHashMap<>();
  private final Object writes = new Object();

  SessionStore(
      SessionRows rows,
      JdbcAggregateTemplate aggregates,
      JdbcAccess access,
      Database database,
      SessionLimits limits) {
    this.rows = rows;
    this.aggregates = aggregates;
    this.access = access;
    this.ports = new PortLeases(access.jdbc());
    this.database = database;
    this.limits = limits;
    rows.findAll().forEach(row -> byId.put(row.id(), row));
  }

  /** A session about to be created; ports are chosen by {@link #create}. */
  record Draft(
      String id,
      String name,
      String userId,
      String image,
      String workspacePath,
      String containerName,
      String networkName,
      String runtime,
      String serviceSecret,
      String env,
      long memoryBytes,
      double cpus,
      Instant createdAt) {}

  Mono<SessionRow> create(Draft draft, int basePort) {
    return write(
        // One IMMEDIATE transaction (see SqliteDataSources): concurrent creates take turns, so
        // none can pick a port another is about to hold.
        () ->
            inTransaction(
                () -> {
                  SessionRow candidate = newRow(draft, new SessionPorts(0, 0, 0));
                  limits.admit(candidate, liveOf(draft.userId()));
                  // Checked in the same transaction as the insert, so two requests cannot each
                  // miss the other's nesting.
                  WorkspaceNesting.conflict(Path.of(draft.workspacePath()), workspacesInUse())
                      .ifPresent(
                          reason -> {
                            throw new InvalidSessionRequestException("workspace", reason);
                          });
                  SessionPorts picked = ports.pick(basePort);
                  SessionRow row = newRow(draft, picked);
                  aggregates.insert(row);
                  ports.hold(row.id(), picked);
                  return row;
                }),
        row -> byId.put(row.id(), row));
  }

  /**
   * A stopped or failed session starts again: {@code toStarting} moves it (or refuses, leaving it
   * as it is, which is then what this emits). Moved, it must fit its user's limits; it gets a new
   * secret and holds its ports again, or new ones from {@code basePort} if any is taken.
   */
  Mono<SessionRow> resume(String id, UnaryOperator<SessionRow> toStarting, int basePort) {
    return write(
        () ->
            inTransaction(
                () -> {
                  SessionRow row = byId.get(id);
                  if (row == null) {
                    return null;
                  }
                  SessionRow starting = toStarting.apply(row);
                  if (starting.state() != SessionStatus.STARTING || starting.equals(row)) {
                    return row;
                  }
                  limits.admit(starting, liveOf(row.userId()));
                  SessionPorts leased =
                      ports.holdIfFree(id, row.ports()) ? row.ports() : holdNew(id, basePort);
                  SessionRow resumed = starting.resumed(SessionSecrets.generate(), leased);
                  aggregates.update(resumed);
                  return resumed;
                }),
        row -> byId.put(row.id(), row));
  }

  private SessionPorts holdNew(String id, int basePort) {
    SessionPorts picked = ports.pick(basePort);
    ports.hold(id, picked);
    return picked;
  }

  /**
   * Stores a session that takes over a warm slot (WarmClaims), already running on the slot's
   * container, ports and secret. The user's limits and the workspace's nesting are checked as by
   * {@link #create}, and no other session may have the workspace (it is to be a new directory);
   * then, in the same transaction, {@code handover} removes the slot, the session holds its ports,
   * and, last, the slot's directory becomes the workspace.
   */
  Mono<SessionRow> createClaimed(SessionRow row, SlotHandover handover) {
    return write(
        () ->
            inTransaction(
                () -> {
                  limits.admit(row, liveOf(row.userId()));
                  Path workspace = Path.of(row.workspacePath());
                  List<Path> inUse = workspacesInUse();
                  WorkspaceNesting.conflict(workspace, inUse)
                      .ifPresent(
                          reason -> {
                            throw new InvalidSessionRequestException("workspace", reason);
                          });
                  if (inUse.contains(workspace)) {
                    throw new SlotHandover.Declined("another session has the workspace");
                  }
                  handover.releaseSlot();
                  aggregates.insert(row);
                  ports.hold(row.id(), row.ports());
                  handover.moveDirectory();
                  return row;
                }),
        stored -> byId.put(stored.id(), stored));
  }

  /** Every session's workspace, whatever its state: a stopped or failed one may start again. */
  private List<Path> workspacesInUse() {
    return byId.values().stream().map(row -> Path.of(row.workspacePath())).toList();
  }

  /**
   * A failed session whose container was started again from outside (say {@code docker restart})
   * becomes {@code starting} again — in one transaction that holds its ports again and checks the
   * user's limits, so adopting it can neither share a port with a newer session nor exceed a limit.
   * Empty when the session cannot be adopted: not failed, not on that container, or one of its
   * ports or its user's limits taken meanwhile.
   */
  Mono<Optional<SessionRow>> readopt(String id, String containerId) {
    return write(
        () ->
            inTransaction(
                () -> {
                  SessionRow row = byId.get(id);
                  if (row == null
                      || row.state() != SessionStatus.FAILED
                      || !containerId.equals(row.containerId())) {
                    return Optional.<SessionRow>empty();
                  }
                  SessionRow restarted = row.restarted();
                  try {
                    limits.admit(restarted, liveOf(row.userId()));
                  } catch (RuntimeException overLimit) {
                    return Optional.<SessionRow>empty();
                  }
                  if (!ports.holdIfFree(row.id(), row.ports())) {
                    return Optional.<SessionRow>empty();
                  }
                  aggregates.update(restarted);
                  return Optional.of(restarted);
                }),
        adopted -> adopted.ifPresent(row -> byId.put(row.id(), row)));
  }

  /**
   * From memory: no database read, no thread hop. Read when subscribed, not when called: a launch
   * assembles its checks before the steps that change the row.
   */
  Mono<Optional<SessionRow>> find(String id) {
    return Mono.fromSupplier(() -> Optional.ofNullable(byId.get(id)));
  }

  Mono<List<SessionRow>> listOf(String userId) {
    return database.call(() -> rows.findByUserIdOrderByCreatedAtDesc(userId));
  }

  Mono<List<SessionRow>> listAll() {
    return database.call(rows::findAllByOrderByCreatedAtDesc);
  }

  /** The live sessions, oldest first, from memory. */
  List<SessionRow> live() {
    return byId.values().stream()
        .filter(row -> row.state().isLive())
        .sorted(Comparator.comparing(SessionRow::createdAt))
        .toList();
  }

  private List<SessionRow> liveOf(String userId) {
    return byId.values().stream()
        .filter(row -> row.state().isLive() && row.userId().equals(userId))
        .toList();
  }

  /**
   * Applies {@code change} to the stored row, unless the session is gone; ports are released when
   * it leaves the live states. Emits the updated row.
   */
  Mono<SessionRow> update(String id, UnaryOperator<SessionRow> change) {
    return write(
        () ->
            inTransaction(
                () ->
                    rows.findById(id)
                        .map(
                            current -> {
                              SessionRow next = change.apply(current);
                              if (next.equals(current)) {
                                return current;
                              }
                              aggregates.update(next);
                              if (!next.state().isLive()) {
                                ports.release(id);
                              }
                              return next;
                            })
                        .orElse(null)),
        next -> byId.put(next.id(), next));
  }

  Mono<Void> delete(String id) {
    return write(
            () ->
                inTransaction(
                    () -> {
                      ports.release(id);
                      rows.deleteById(id);
                      return id;
                    }),
            byId::remove)
        .then();
  }

  private <T> T inTransaction(Supplier<T> work) {
    return access.transactions().execute(transaction -> work.get());
  }

  /**
   * Runs {@code transaction} on the database's threads, then hands what it committed to {@code
   * remember} before the next write may begin. A null result (nothing written) completes empty.
   */
  private <T> Mono<T> write(Supplier<T> transaction, Consumer<T> remember) {
    return database.call(
        () -> {
          synchronized (writes) {
            T committed = transaction.get();
            if (committed != null) {
              remember.accept(committed);
            }
            return committed;
          }
        });
  }

  private static SessionRow newRow(Draft draft, SessionPorts picked) {
    return new SessionRow(
        draft.id(),
        draft.name(),
        draft.userId(),
        SessionStatus.PENDING.wireName(),
        draft.image(),
        draft.workspacePath(),
        null,
        draft.containerName(),
        draft.networkName(),
        draft.runtime(),
        draft.serviceSecret(),
        picked.opencode(),
        picked.fileserver(),
        picked.ttyd(),
        draft.env(),
        draft.memoryBytes(),
        draft.cpus(),
        draft.createdAt(),
        null,
        null,
        null,
        null,
        null,
        false);
  }
}
