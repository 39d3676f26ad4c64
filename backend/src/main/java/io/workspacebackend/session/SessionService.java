package io.workspacebackend.session;

import io.workspacebackend.auth.ConnectionGrant;
import io.workspacebackend.auth.LiveConnections;
import io.workspacebackend.auth.SignedInUser;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerConflict;
import io.workspacebackend.container.ContainerNotFound;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStats;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.reactive.JvmErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sessions API's use cases. Every one that names a session first checks the caller may see it:
 * another user's session is answered exactly as one that does not exist.
 */
@Service
class SessionService {
  /** An engine that does not answer a quick question within this fails the request with 503. */
  private static final Duration ENGINE_QUESTION_TIMEOUT = Duration.ofSeconds(10);

  private final SessionStore store;
  private final SessionLauncher launcher;
  private final SessionTransitions transitions;
  private final SessionReconciler reconciler;
  private final ContainerRuntime runtime;
  private final WorkspaceConfig config;
  private final WorkspaceDirectories workspaces;
  private final JsonMapper json;
  private final ImagePresence images;
  private final LiveConnections connections;
  private final SessionLimits limits;
  private final WarmClaims warmSlots;

  SessionService(
      SessionStore store,
      SessionLauncher launcher,
      SessionTransitions transitions,
      SessionReconciler reconciler,
      ContainerRuntime runtime,
      WorkspaceConfig config,
      JsonMapper json,
      ImagePresence images,
      WorkspaceDirectories workspaces,
      LiveConnections connections,
      SessionLimits limits,
      WarmClaims warmSlots) {
    this.store = store;
    this.launcher = launcher;
    this.transitions = transitions;
    this.reconciler = reconciler;
    this.runtime = runtime;
    this.config = config;
    this.workspaces = workspaces;
    this.json = json;
    this.images = images;
    this.connections = connections;
    this.limits = limits;
    this.warmSlots = warmSlots;
  }

  /**
   * A request a warm slot can serve claims one and is running at once (WarmClaims); any other is
   * stored as {@code pending} and its container started in the background.
   */
  Mono<Session> create(SignedInUser user, CreateSessionRequest request) {
    return warmSlots
        .claim(user, request)
        .doOnNext(transitions::announce)
        .map(SessionRow::toApi)
        .switchIfEmpty(Mono.defer(() -> coldStart(user, request)));
  }

  /** Stores the session as {@code pending} and starts its container in the background. */
  private Mono<Session> coldStart(SignedInUser user, CreateSessionRequest request) {
    Optional<String> name = SessionRequests.name(request);
    Map<String, String> env = SessionRequests.env(request);
    String image = SessionRequests.image(request, config.container().defaultImage());
    String id = UUID.randomUUID().toString();
    String sessionName = name.orElse("session-" + id.substring(0, 8));
    return images
        .require(
            image,
            ENGINE_QUESTION_TIMEOUT,
            message -> new InvalidSessionRequestException("image", message))
        .then(resolveWorkspace(user, request, sessionName))
        .flatMap(
            workspace ->
                store.create(
                    new SessionStore.Draft(
                        id,
                        sessionName,
                        user.account().id().toString(),
                        image,
                        workspace.toString(),
                        SessionContainers.containerName(id),
                        SessionContainers.networkName(id),
                        runtime.engine().name(),
                        SessionSecrets.generate(),
                        json.writeValueAsString(new TreeMap<>(env)),
                        limits.memoryBytes(),
                        limits.cpus(),
                        SessionTransitions.now()),
                    config.container().basePort()))
        .doOnNext(
            row -> {
              transitions.announce(row);
              launcher.launch(row, env);
            })
        .map(SessionRow::toApi);
  }

  Mono<List<Session>> list(SignedInUser user, boolean all) {
    Mono<List<SessionRow>> rows =
        all && isAdmin(user) ? store.listAll() : store.listOf(user.account().id().toString());
    return rows.map(list -> list.stream().map(SessionRow::toApi).toList());
  }

  Mono<Session> get(SignedInUser user, String id) {
    return owned(user, id).flatMap(reconciler::reconcile).map(SessionRow::toApi);
  }

  /**
   * The container's output; a followed one ends (completes: plain text has no way to say why) when
   * the caller's access to the session is withdrawn.
   */
  Flux<String> logs(SignedInUser user, String id, int tail, boolean follow) {
    return owned(user, id)
        .flatMapMany(
            row ->
                row.containerId() == null
                    ? Flux.<String>empty()
                    : connections.whileGranted(
                        ConnectionGrant.intoSession(user, row.id(), row.userId()),
                        runtime
                            .logs(row.containerId(), tail, follow)
                            // Removed meanwhile (a stop, a deletion): nothing more to say.
                            .onErrorResume(ContainerNotFound.class, gone -> Flux.empty()),
                        why -> Flux.empty()))
        .map(line -> line + "\n");
  }

  Mono<SessionStats> stats(SignedInUser user, String id) {
    return owned(user, id)
        .flatMap(
            row -> {
              if (row.state() != SessionStatus.RUNNING || row.containerId() == null) {
                return Mono.error(new SessionStateConflict(row, "not running"));
              }
              return runtime
                  .stats(row.containerId())
                  // Stopped or removed between the look at the row and the engine's answer (a
                  // stop, a deletion, an exit the watcher has yet to report): the client's race.
                  .onErrorMap(
                      error ->
                          error instanceof ContainerConflict || error instanceof ContainerNotFound,
                      error -> new SessionStateConflict(row, "its container is no longer running"))
                  .map(
                      stats ->
                          new SessionStats(
                              stats.cpuPercent(),
                              stats.memoryBytes(),
                              stats.memoryLimitBytes(),
                              stats.pids()));
            });
  }

  /** The session if the caller owns it or is an admin; otherwise 404, as for a missing one. */
  Mono<SessionRow> owned(SignedInUser user, String id) {
    try {
      UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Mono.error(new SessionNotFoundException());
    }
    return store
        .find(id)
        .flatMap(
            row ->
                row.isPresent()
                        && (row.get().userId().equals(user.account().id().toString())
                            || isAdmin(user))
                    ? Mono.just(row.get())
                    : Mono.error(new SessionNotFoundException()));
  }

  static boolean isAdmin(SignedInUser user) {
    return user.account().role() == Role.ADMIN;
  }

  private Mono<Path> resolveWorkspace(
      SignedInUser user, CreateSessionRequest request, String sessionName) {
    return Mono.fromCallable(
            JvmErrors.delivered(
                () -> {
                  try {
                    return workspaces.resolve(
                        user.account().username(),
                        Optional.ofNullable(request.workspace()),
                        sessionName);
                  } catch (InvalidWorkspaceException e) {
                    throw new InvalidSessionRequestException("workspace", e.getMessage());
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }))
        .subscribeOn(Schedulers.boundedElastic());
  }
}
