package io.workspacebackend.session;

import io.workspacebackend.auth.SignedInUser;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.reactive.JvmErrors;
import io.workspacebackend.session.WorkspaceDirectories.WorkspaceMount;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns a warm slot into the session a request asks for, when a slot can serve it: the default
 * image, no env of its own, and the default new workspace ({@code <username>/<name>}, which must
 * not exist yet). The session takes the slot's id (which its container, network and labels already
 * carry), ports and secret, and is {@code running} as it is stored.
 *
 * <p>Before the claim, the engine is asked whether the slot's container still runs with the slot's
 * directory as its mount's source. The claim itself is one transaction
 * (SessionStore#createClaimed): the slot's row goes, the session's row comes, and the slot's
 * directory, checked empty and in place, is renamed to the workspace, whose identity is then
 * checked to be the mounted directory's (WarmDirectories#moveInto). Anything that declines (a
 * workspace that exists, a slot found unfit, the user's limit) ends the claim: a fit slot goes back
 * to the pool, an unfit one is removed, and the request starts a container of its own, which
 * answers any error as it always does.
 */
@Component
class WarmClaims {
  private static final Logger log = LoggerFactory.getLogger(WarmClaims.class);
  private static final Duration ENGINE_QUESTION_TIMEOUT = Duration.ofSeconds(10);

  /** Slots found unfit are removed and the next one tried, this many at most. */
  private static final int ATTEMPTS = 3;

  private final WarmPool pool;
  private final SessionStore store;
  private final WarmSlots slots;
  private final WarmDirectories directories;
  private final WorkspaceDirectories workspaces;
  private final ImagePresence images;
  private final ContainerRuntime runtime;
  private final WorkspaceConfig config;
  private final SessionLimits limits;

  WarmClaims(
      WarmPool pool,
      SessionStore store,
      WarmSlots slots,
      WarmDirectories directories,
      WorkspaceDirectories workspaces,
      ImagePresence images,
      ContainerRuntime runtime,
      WorkspaceConfig config,
      SessionLimits limits) {
    this.limits = limits;
    this.pool = pool;
    this.store = store;
    this.slots = slots;
    this.directories = directories;
    this.workspaces = workspaces;
    this.images = images;
    this.runtime = runtime;
    this.config = config;
  }

  /** Whether a warm slot can serve the request: it asks for nothing a slot was not made with. */
  static boolean servable(CreateSessionRequest request, String defaultImage) {
    return (request.image() == null
            || request.image().isBlank()
            || request.image().equals(defaultImage))
        && (request.env() == null || request.env().isEmpty())
        && (request.workspace() == null || request.workspace().isBlank());
  }

  /** The session, running on a claimed slot; empty if the request is to start a container. */
  Mono<SessionRow> claim(SignedInUser user, CreateSessionRequest request) {
    String image = config.container().defaultImage();
    if (!servable(request, image) || !pool.hasReady()) {
      return Mono.empty();
    }
    Mono<SessionRow> claim =
        Mono.fromCallable(() -> SessionRequests.name(request))
            .flatMap(
                name ->
                    images
                        .present(image)
                        .timeout(ENGINE_QUESTION_TIMEOUT)
                        .onErrorReturn(false)
                        .filter(Boolean::booleanValue)
                        .flatMap(present -> claimOne(user, name, ATTEMPTS, System.nanoTime())));
    // Runs to its end even if the request is cancelled: a slot taken is claimed or given back,
    // never lost half-way (its transaction may commit after a cancel).
    return Mono.defer(() -> Mono.fromFuture(claim.toFuture(), true));
  }

  private Mono<SessionRow> claimOne(
      SignedInUser user, Optional<String> name, int attempts, long began) {
    Optional<WarmSlot> taken = pool.take();
    if (taken.isEmpty()) {
      return Mono.empty();
    }
    WarmSlot slot = taken.get();
    return stillMounted(slot)
        .flatMap(
            fit -> {
              if (!fit) {
                Mono<SessionRow> next =
                    attempts > 1 ? claimOne(user, name, attempts - 1, began) : Mono.empty();
                return pool.discardTaken(slot).onErrorResume(e -> Mono.empty()).then(next);
              }
              return handOver(user, name, slot)
                  .doOnNext(
                      row ->
                          log.debug(
                              "session {} claimed a warm slot in {} ms",
                              row.id(),
                              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)));
            });
  }

  /** The slot's container runs, with the slot's directory as the source of its workspace mount. */
  private Mono<Boolean> stillMounted(WarmSlot slot) {
    return runtime
        .inspect(slot.containerId())
        .timeout(ENGINE_QUESTION_TIMEOUT)
        .map(
            state ->
                state.isPresent()
                    && state.get().running()
                    && slot.directory()
                        .toString()
                        .equals(state.get().mounts().get(SessionContainers.WORKSPACE_MOUNT)))
        .onErrorResume(
            error -> {
              // The engine did not answer: the slot may be fine, and starting a container will
              // say what is wrong with the engine.
              pool.putBack(slot);
              return Mono.empty();
            });
  }

  private Mono<SessionRow> handOver(SignedInUser user, Optional<String> name, WarmSlot slot) {
    String sessionName = name.orElse("session-" + slot.id().substring(0, 8));
    Claim claim = new Claim(slot);
    return blocking(
            () -> workspaces.resolve(user.account().username(), Optional.empty(), sessionName))
        .flatMap(
            workspace -> {
              claim.workspace = workspace;
              return store.createClaimed(row(user, sessionName, slot, workspace), claim);
            })
        .onErrorResume(error -> afterDeclined(slot, error));
  }

  /**
   * A slot whose directory is still in place, unchanged and empty goes back to the pool (its row
   * too: the transaction that would have removed it rolled back); one whose directory moved or
   * changed is removed.
   */
  private Mono<SessionRow> afterDeclined(WarmSlot slot, Throwable error) {
    log.debug("warm slot {} not claimed: {}", slot.id(), error.getMessage());
    return blocking(() -> directories.unchanged(slot.directory(), slot.directoryKey()).isPresent())
        .onErrorReturn(false)
        .flatMap(
            fit -> {
              if (fit) {
                pool.putBack(slot);
                return Mono.<SessionRow>empty();
              }
              return pool.discardTaken(slot).onErrorResume(e -> Mono.empty()).then(Mono.empty());
            });
  }

  private SessionRow row(SignedInUser user, String sessionName, WarmSlot slot, Path workspace) {
    Instant now = SessionTransitions.now();
    return new SessionRow(
        slot.id(),
        sessionName,
        user.account().id().toString(),
        SessionStatus.RUNNING.wireName(),
        slot.image(),
        workspace.toString(),
        slot.containerId(),
        slot.containerName(),
        slot.networkName(),
        runtime.engine().name(),
        slot.serviceSecret(),
        slot.ports().opencode(),
        slot.ports().fileserver(),
        slot.ports().ttyd(),
        "{}",
        limits.memoryBytes(),
        limits.cpus(),
        now,
        now,
        null,
        null,
        null,
        null,
        false);
  }

  /** One claim's steps inside the session's transaction. */
  private final class Claim implements SlotHandover {
    private final WarmSlot slot;
    private volatile Path workspace;

    Claim(WarmSlot slot) {
      this.slot = slot;
    }

    @Override
    public void releaseSlot() {
      if (!slots.takeForClaim(slot.id())) {
        throw new Declined("warm slot " + slot.id() + " is gone");
      }
    }

    @Override
    public void moveDirectory() {
      try {
        WorkspaceMount mounted =
            directories
                .unchanged(slot.directory(), slot.directoryKey())
                .orElseThrow(
                    () ->
                        new InvalidWorkspaceException(
                            "warm directory " + slot.directory() + " changed or is not empty"));
        directories.moveInto(mounted, workspace);
      } catch (InvalidWorkspaceException | IOException e) {
        throw new Declined(e.getMessage(), e);
      }
    }
  }

  private static <T> Mono<T> blocking(Callable<T> work) {
    return Mono.fromCallable(JvmErrors.delivered(work)).subscribeOn(Schedulers.boundedElastic());
  }
}
