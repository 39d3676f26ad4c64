package io.workspacebackend.session;

import io.workspacebackend.db.Database;
import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.model.session.SessionPorts;
import io.workspacebackend.model.session.SessionStatus;
import java.nio.file.Path;
import java.time.Instant;
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
 * Sessions in the database, off the event loop. Creating one checks the user's limit and that its
 * workspace nests with no other, picks free ports and inserts the row and its port leases in one
 * transaction.
 *
 * <p>Every row is also held in memory, so that finding a session (which every proxied request does)
 * reads no database. This class is the only writer of {@code sessions}: its writes take turns
 * (SQLite has one writer anyway) and update memory right after each commit, in commit order.
 */
@Component
@DependsOnDatabaseInitialization
class SessionStore {
  private final SessionRows rows;
  private final JdbcAggregateTemplate aggregates;
  private final JdbcAccess access;
  private final PortLeases ports;
  private final Database database;
  private final Map<String, SessionRow> byId = new ConcurrentHashMap<>();
  private final Object writes = new Object();

  SessionStore(
      SessionRows rows, JdbcAggregateTemplate aggregates, JdbcAccess access, Database database) {
    this.rows = rows;
    this.aggregates = aggregates;
    this.access = access;
    this.ports = new PortLeases(access.jdbc());
    this.database = database;
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
      Instant createdAt) {}

  Mono<SessionRow> create(Draft draft, int maxPerUser, int basePort) {
    return write(
        // One IMMEDIATE transaction (see SqliteDataSources): concurrent creates take turns, so
        // none can pick a port another is about to hold.
        () ->
            access
                .transactions()
                .execute(
                    transaction -> {
                      if (rows.countLiveOf(draft.userId()) >= maxPerUser) {
                        throw new SessionLimitException(maxPerUser);
                      }
                      // Checked in the same transaction as the insert, so two requests cannot
                      // each miss the other's nesting.
                      WorkspaceNesting.conflict(
                              Path.of(draft.workspacePath()),
                              rows.findWorkspacePaths().stream().map(Path::of).toList())
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
   * Stores a session that takes over a warm slot (WarmClaims), already running on the slot's
   * container, ports and secret. The user's limit and the workspace's nesting are checked as by
   * {@link #create}, and no other session may have the workspace (it is to be a new directory);
   * then, in the same transaction, {@code handover} removes the slot, the session holds its ports,
   * and, last, the slot's directory becomes the workspace.
   */
  Mono<SessionRow> createClaimed(SessionRow row, int maxPerUser, SlotHandover handover) {
    return write(
        () ->
            access
                .transactions()
                .execute(
                    transaction -> {
                      if (rows.countLiveOf(row.userId()) >= maxPerUser) {
                        throw new SessionLimitException(maxPerUser);
                      }
                      Path workspace = Path.of(row.workspacePath());
                      List<Path> inUse = rows.findWorkspacePaths().stream().map(Path::of).toList();
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

  /**
   * A failed session whose container was started again from outside (say {@code docker restart})
   * becomes {@code starting} again — in one transaction that holds its ports again and checks the
   * user's limit, so adopting it can neither share a port with a newer session nor exceed the
   * limit. Empty when the session cannot be adopted: not failed, not on that container, or one of
   * its ports or the user's last slot taken meanwhile.
   */
  Mono<Optional<SessionRow>> readopt(String id, String containerId, int maxPerUser) {
    return write(
        () ->
            access
                .transactions()
                .execute(
                    transaction -> {
                      Optional<SessionRow> found = rows.findById(id);
                      if (found.isEmpty()) {
                        return Optional.<SessionRow>empty();
                      }
                      SessionRow row = found.get();
                      if (row.state() != SessionStatus.FAILED
                          || !containerId.equals(row.containerId())
                          || rows.countLiveOf(row.userId()) >= maxPerUser
                          || !ports.holdIfFree(row.id(), row.ports())) {
                        return Optional.<SessionRow>empty();
                      }
                      SessionRow restarted = row.restarted();
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

  Mono<List<SessionRow>> listLive() {
    return database.call(rows::findLive);
  }

  /**
   * Applies {@code change} to the stored row, unless the session is gone; ports are released when
   * it leaves the live states. Emits the updated row.
   */
  Mono<SessionRow> update(String id, UnaryOperator<SessionRow> change) {
    return write(
        () ->
            access
                .transactions()
                .execute(
                    transaction ->
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
            () -> {
              access
                  .transactions()
                  .executeWithoutResult(
                      transaction -> {
                        ports.release(id);
                        rows.deleteById(id);
                      });
              return id;
            },
            byId::remove)
        .then();
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
        draft.createdAt(),
        null,
        null,
        null,
        null);
  }
}
