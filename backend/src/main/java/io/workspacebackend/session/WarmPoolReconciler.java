package io.workspacebackend.session;

import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.container.ContainerState;
import io.workspacebackend.container.ContainerSummary;
import io.workspacebackend.reactive.JvmErrors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Brings what an earlier run's warm pool left in line, at start-up. A slot is kept, up to the
 * pool's size, if it is intact: ready, its container running with the slot's labels, of the image
 * the default image's name names now, with the slot's directory as its mount's source and the
 * slot's ports, the directory in place (same identity, reached through no link) and empty, and its
 * services answering. Every other slot is removed with its container, network and directory, and so
 * are containers labelled as warm slots that belong to no slot and no session (a claimed slot's
 * container is its session's, which SessionReconciler looks after) and directories under {@code
 * .warm} of no slot.
 */
@Component
class WarmPoolReconciler {
  private static final Logger log = LoggerFactory.getLogger(WarmPoolReconciler.class);

  /** How long a kept slot's services may take to answer again. */
  private static final Duration ANSWER_AGAIN = Duration.ofSeconds(30);

  private final ContainerRuntime runtime;
  private final WarmSlots slots;
  private final WarmSlotLauncher launcher;
  private final WarmDirectories directories;
  private final ServiceReadiness readiness;
  private final SessionStore sessions;
  private final InstanceLabel instance;

  WarmPoolReconciler(
      ContainerRuntime runtime,
      WarmSlots slots,
      WarmSlotLauncher launcher,
      WarmDirectories directories,
      ServiceReadiness readiness,
      SessionStore sessions,
      InstanceLabel instance) {
    this.runtime = runtime;
    this.slots = slots;
    this.launcher = launcher;
    this.directories = directories;
    this.readiness = readiness;
    this.sessions = sessions;
    this.instance = instance;
  }

  /** The slots kept, ready to be claimed; {@code imageId} is the default image's id now. */
  Mono<List<WarmSlot>> reconcile(int size, Optional<String> imageId) {
    Map<String, String> selector = new HashMap<>(instance.selector());
    selector.put(WarmSlots.LABEL, "true");
    return Mono.zip(slots.all(), runtime.listByLabels(selector))
        .flatMap(
            found -> {
              List<WarmSlot> rows = found.getT1();
              Set<String> slotIds = rows.stream().map(WarmSlot::id).collect(Collectors.toSet());
              List<WarmSlot> kept = Collections.synchronizedList(new ArrayList<>());
              Mono<Void> checked =
                  Flux.fromIterable(rows)
                      .concatMap(
                          row ->
                              (kept.size() < size ? intact(row, imageId) : Mono.just(false))
                                  .flatMap(
                                      intact -> {
                                        if (intact) {
                                          kept.add(row);
                                          return Mono.<Void>empty();
                                        }
                                        log.info(
                                            "removing warm slot {}: not intact, not of the current"
                                                + " default image, or beyond the pool's size",
                                            row.id());
                                        return launcher.discard(row);
                                      }))
                      .then();
              return removeOrphans(found.getT2(), slotIds)
                  .then(checked)
                  .then(removeStrayDirectories(slotIds))
                  .then(Mono.fromSupplier(() -> List.copyOf(kept)));
            });
  }

  private Mono<Boolean> intact(WarmSlot row, Optional<String> imageId) {
    if (row.state() != WarmSlot.State.READY
        || row.containerId() == null
        || row.directoryKey() == null) {
      return Mono.just(false);
    }
    return runtime
        .inspect(row.containerId())
        .flatMap(
            state ->
                state.isPresent() && matches(state.get(), row, imageId)
                    ? blocking(() -> directories.unchanged(row.directory(), row.directoryKey()))
                        .flatMap(
                            directory ->
                                directory.isEmpty()
                                    ? Mono.just(false)
                                    : readiness
                                        .await(
                                            row.ports(),
                                            row.serviceSecret(),
                                            ANSWER_AGAIN,
                                            ServiceReadiness.exited(runtime, row.containerId()),
                                            step -> {})
                                        .thenReturn(true))
                    : Mono.just(false))
        .onErrorResume(
            error -> {
              log.info("warm slot {} is not intact: {}", row.id(), error.getMessage());
              return Mono.just(false);
            });
  }

  /** The container is the slot's, as it was made: running, labelled, mounted and published so. */
  private static boolean matches(ContainerState state, WarmSlot row, Optional<String> imageId) {
    Map<String, String> labels = state.labels();
    return state.running()
        && WarmSlots.isWarm(labels)
        && row.id().equals(labels.get(ContainerRuntime.SESSION_LABEL))
        && row.imageId().equals(labels.get(WarmSlots.IMAGE_ID_LABEL))
        && imageId.map(row.imageId()::equals).orElse(true)
        && row.directory().toString().equals(state.mounts().get(SessionContainers.WORKSPACE_MOUNT))
        && Integer.valueOf(row.ports().opencode())
            .equals(state.hostPorts().get(SessionContainers.OPENCODE_PORT))
        && Integer.valueOf(row.ports().fileserver())
            .equals(state.hostPorts().get(SessionContainers.FILESERVER_PORT))
        && Integer.valueOf(row.ports().ttyd())
            .equals(state.hostPorts().get(SessionContainers.TTYD_PORT));
  }

  /** Slot containers of no slot and no session. */
  private Mono<Void> removeOrphans(List<ContainerSummary> containers, Set<String> slotIds) {
    return Flux.fromIterable(containers)
        .filterWhen(
            container -> {
              String id = container.labels().get(ContainerRuntime.SESSION_LABEL);
              if (id == null) {
                return Mono.just(true);
              }
              return slotIds.contains(id)
                  ? Mono.just(false)
                  : sessions.find(id).map(Optional::isEmpty);
            })
        .concatMap(
            container -> {
              String id = container.labels().get(ContainerRuntime.SESSION_LABEL);
              log.info(
                  "removing container {} ({}): a warm slot's, of no slot and no session",
                  container.name(),
                  container.id());
              return runtime
                  .remove(container.id())
                  .then(
                      id == null
                          ? Mono.empty()
                          : runtime.removeNetwork(SessionContainers.networkName(id)));
            })
        .then();
  }

  private Mono<Void> removeStrayDirectories(Set<String> slotIds) {
    return blocking(
            () -> {
              for (Path directory : directories.all()) {
                if (!slotIds.contains(directory.getFileName().toString())) {
                  log.info("removing {}: the directory of no warm slot", directory);
                  directories.delete(directory);
                }
              }
              return true;
            })
        .then();
  }

  private static <T> Mono<T> blocking(Callable<T> work) {
    return Mono.fromCallable(JvmErrors.delivered(work)).subscribeOn(Schedulers.boundedElastic());
  }
}
