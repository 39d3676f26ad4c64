package io.workspacebackend.session;

import io.workspacebackend.api.JvmErrors;
import io.workspacebackend.auth.ConnectionGrant;
import io.workspacebackend.auth.LiveConnections;
import io.workspacebackend.auth.SignedInUser;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerNotFound;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.image.ImageBuildCommand;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStats;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sessions API's use cases. Every one that names a session first checks the caller may see it:
 * another user's session is answered exactly as one that does not exist.
 */
@Service
class SessionService {
  /** An engine that does not answer a quick question within this fails the request with 503. */
  private static final Duration ENGINE_QUESTION_TIMEOUT = Duration.ofSeconds(10);

  /** The stop reason of a session being deleted (seen only while it is stopping). */
  private static final String DELETED = "being deleted";

  private final SessionStore store;
  private final SessionEndings endings;
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
      SessionEndings endings,
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
    this.endings = endings;
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
    return imagePresent(image, message -> new InvalidSessionRequestException("image", message))
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
   * Stops and removes the container, releases the ports, forgets the session; keeps its files. A
   * stop under way finishes first; deletes asked for at once share one deletion.
   */
  Mono<Void> delete(SignedInUser user, String id) {
    return owned(user, id).flatMap(row -> deletion(row.id()));
  }

  private Mono<Void> deletion(String id) {
    return endings
        .settled(id)
        .then(Mono.defer(() -> transitions.stopping(id, DELETED, true)))
        .flatMap(
            row -> {
              if (row.state() == SessionStatus.STOPPING && !row.deleting()) {
                // A stop began between the two steps above: it ends first.
                return endings.finish(row).then(Mono.defer(() -> deletion(id)));
              }
              return endings.finish(row);
            });
  }

  /**
   * Moves the session to {@code stopping} and stops it in the background; the answer does not wait
   * for {@code stopped}. Stopping a stopping or stopped session changes nothing.
   */
  Mono<Session> stop(SignedInUser user, String id) {
    return owned(user, id)
        .flatMap(
            row -> {
              if (row.state() == SessionStatus.STOPPING || row.state() == SessionStatus.STOPPED) {
                return Mono.just(row);
              }
              if (!row.state().canStop()) {
                return Mono.error(
                    conflict(row, "a failed session has nothing to stop; start or delete it"));
              }
              return stop(row, stoppedBy(user, row));
            })
        .map(SessionRow::toApi);
  }

  /** Stops a live session for {@code reason} (the idle culler's way in too). */
  Mono<SessionRow> stop(SessionRow row, String reason) {
    return transitions
        .stopping(row.id(), reason, false)
        .flatMap(
            stopping -> {
              if (stopping.state() != SessionStatus.STOPPING) {
                return Mono.error(conflict(stopping, "it can no longer be stopped"));
              }
              endings.finish(stopping).onErrorResume(error -> Mono.empty()).subscribe();
              return Mono.just(stopping);
            });
  }

  /**
   * Starts a stopped or failed session again on its workspace, image, env and resource settings: a
   * new container, a new secret, its ports again (new ones if they were taken meanwhile), within
   * its user's limits. Starting a session that is on its way to running, or runs, changes nothing.
   */
  Mono<Session> start(SignedInUser user, String id) {
    return owned(user, id)
        .flatMap(
            row -> {
              if (row.state().isLive() && row.state() != SessionStatus.STOPPING) {
                return Mono.just(row);
              }
              if (!row.state().canStart()) {
                return Mono.error(conflict(row, "start it again once it is stopped"));
              }
              return imagePresent(
                      row.image(), message -> conflict(row, "it cannot start: " + message))
                  .then(transitions.resumed(row.id(), config.container().basePort()))
                  .doOnNext(resumed -> launcher.relaunch(resumed, storedEnv(resumed)))
                  // Another start moved it first: as for a session already starting.
                  .switchIfEmpty(Mono.defer(() -> owned(user, id)))
                  .flatMap(
                      now ->
                          now.state().isLive() && now.state() != SessionStatus.STOPPING
                              ? Mono.just(now)
                              : Mono.error(conflict(now, "it can no longer be started")));
            })
        .map(SessionRow::toApi);
  }

  private Map<String, String> storedEnv(SessionRow row) {
    return json.readValue(row.env(), new TypeReference<Map<String, String>>() {});
  }

  private static String stoppedBy(SignedInUser user, SessionRow row) {
    return row.userId().equals(user.account().id().toString())
        ? "stopped by its owner"
        : "stopped by " + user.account().username() + " (admin)";
  }

  private Mono<Void> imagePresent(String image, Function<String, RuntimeException> missing) {
    return images
        .present(image)
        .timeout(ENGINE_QUESTION_TIMEOUT)
        .flatMap(
            present ->
                present
                    ? Mono.<Void>empty()
                    : Mono.error(
                        missing.apply(
                            "image "
                                + image
                                + " is not present on "
                                + runtime.engine().name()
                                + "; build it ("
                                + ImageBuildCommand.forImage(image)
                                + ") or pull it first")));
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
                return Mono.error(conflict(row, "not running"));
              }
              return runtime
                  .stats(row.containerId())
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

  /** 409 with the session's state, named as the proxies name it ("status" is the HTTP code). */
  private static ErrorResponseException conflict(SessionRow row, String why) {
    ErrorResponseException error = new ErrorResponseException(HttpStatus.CONFLICT);
    error.getBody().setDetail("the session is " + row.status() + "; " + why);
    error.getBody().setProperty("session_status", row.status());
    return error;
  }
}
