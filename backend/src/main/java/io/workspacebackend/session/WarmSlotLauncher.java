package io.workspacebackend.session;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.container.ContainerSpec;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.reactive.JvmErrors;
import io.workspacebackend.session.SessionLauncher.WorkspaceMovedException;
import io.workspacebackend.session.WorkspaceDirectories.WorkspaceMount;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Makes and unmakes warm slots. A launch stores the slot (holding its ports), makes its empty
 * directory, network and container, checks the mount as a session's launch does (the engine
 * recorded the directory as the mount's source; once started, the path still names that very
 * directory, through no link) and waits until the services answer. A failure removes what was made.
 */
@Component
class WarmSlotLauncher {
  private final ContainerRuntime runtime;
  private final WarmSlots slots;
  private final WarmDirectories directories;
  private final ServiceReadiness readiness;
  private final SessionStore sessions;
  private final WorkspaceConfig config;
  private final InstanceLabel instance;
  private final SessionLimits limits;

  WarmSlotLauncher(
      ContainerRuntime runtime,
      WarmSlots slots,
      WarmDirectories directories,
      ServiceReadiness readiness,
      SessionStore sessions,
      WorkspaceConfig config,
      InstanceLabel instance,
      SessionLimits limits) {
    this.limits = limits;
    this.runtime = runtime;
    this.slots = slots;
    this.directories = directories;
    this.readiness = readiness;
    this.sessions = sessions;
    this.config = config;
    this.instance = instance;
  }

  /** A new slot of {@code image} (whose id is {@code imageId}), ready to be claimed. */
  Mono<WarmSlot> launch(String image, String imageId) {
    String id = UUID.randomUUID().toString();
    return blocking(() -> directories.directoryOf(id))
        .flatMap(
            directory ->
                slots.add(
                    id,
                    image,
                    imageId,
                    directory,
                    SessionSecrets.generate(),
                    config.container().basePort()))
        .flatMap(
            slot ->
                start(slot)
                    .onErrorResume(
                        error ->
                            discard(slot)
                                .onErrorResume(e -> Mono.empty())
                                .then(Mono.error(error))));
  }

  private Mono<WarmSlot> start(WarmSlot slot) {
    Map<String, String> labels = labels(slot);
    // Each step runs to its end even if the other fails, so the cleanup finds all that was made.
    return Mono.zipDelayError(
            runtime.createNetwork(slot.networkName(), labels),
            blocking(() -> directories.prepare(slot.directory())))
        .flatMap(
            made -> {
              WorkspaceMount mount = made.getT2();
              ContainerSpec spec =
                  SessionContainers.spec(containerOf(slot), mount.path(), Map.of(), limits, labels);
              return runtime
                  .create(spec)
                  .flatMap(
                      containerId ->
                          MountSource.check(runtime, containerId, mount.path())
                              .then(runtime.start(containerId))
                              .then(
                                  Mono.when(
                                      // The engine mounts when it starts the container.
                                      checkInPlace(mount),
                                      readiness.await(
                                          slot.ports(),
                                          slot.serviceSecret(),
                                          config.sessions().startupTimeout(),
                                          ServiceReadiness.exited(runtime, containerId),
                                          step -> {})))
                              .then(slots.ready(slot, containerId, WarmDirectories.key(mount))));
            });
  }

  /**
   * Removes the slot's containers (found by label, so one whose id was never stored too), network,
   * directory and row. Never touches a claimed slot's container: that is its session's.
   */
  Mono<Void> discard(WarmSlot slot) {
    return sessions
        .find(slot.id())
        .flatMap(
            session ->
                session.isPresent()
                    ? slots.remove(slot.id())
                    : runtime
                        .listByLabels(
                            Map.of(
                                ContainerRuntime.SESSION_LABEL, slot.id(), WarmSlots.LABEL, "true"))
                        .flatMapMany(Flux::fromIterable)
                        .concatMap(container -> runtime.remove(container.id()))
                        .then(runtime.removeNetwork(slot.networkName()))
                        .then(
                            blocking(
                                () -> {
                                  directories.delete(slot.directory());
                                  return true;
                                }))
                        .then(slots.remove(slot.id())));
  }

  /**
   * The labels of a slot's container and network: its session-to-be's id and this installation, as
   * a session's (SessionContainers#labels), and that it is a warm slot made from {@code imageId};
   * no owner, since it has none until claimed (the owner is the session's row, which nothing on the
   * engine's side is asked about).
   */
  Map<String, String> labels(WarmSlot slot) {
    return Map.of(
        ContainerRuntime.SESSION_LABEL,
        slot.id(),
        InstanceLabel.KEY,
        instance.value(),
        WarmSlots.LABEL,
        "true",
        WarmSlots.IMAGE_ID_LABEL,
        slot.imageId());
  }

  /** After the mount, the directory's path still names the same directory, through no link. */
  private Mono<Void> checkInPlace(WorkspaceMount mount) {
    return blocking(() -> directories.unchanged(mount.path(), WarmDirectories.key(mount)))
        .flatMap(
            unchanged ->
                unchanged.isPresent()
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new WorkspaceMovedException(
                            "the warm directory "
                                + mount.path()
                                + " changed while it was mounted")));
  }

  /**
   * What SessionContainers needs of a session to make the slot's container: it is that session's.
   */
  private SessionRow containerOf(WarmSlot slot) {
    return new SessionRow(
        slot.id(),
        "warm-slot",
        "",
        SessionStatus.STARTING.wireName(),
        slot.image(),
        slot.directory().toString(),
        null,
        slot.containerName(),
        slot.networkName(),
        "",
        slot.serviceSecret(),
        slot.ports().opencode(),
        slot.ports().fileserver(),
        slot.ports().ttyd(),
        "{}",
        limits.memoryBytes(),
        limits.cpus(),
        slot.createdAt(),
        null,
        null,
        null,
        null,
        null,
        false);
  }

  private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
    return Mono.fromCallable(JvmErrors.delivered(work)).subscribeOn(Schedulers.boundedElastic());
  }
}
