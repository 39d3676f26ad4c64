package io.workspacebackend.session;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.container.ContainerSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Keeps {@code sessions.warm_pool} warm slots ready: containers of the default image whose services
 * already answer, each waiting to become a session (WarmClaims). One loop, on a tick and whenever a
 * slot is taken, does all the upkeep, one step at a time: at its first turn it reconciles what the
 * last run left (WarmPoolReconciler); then it replaces slots whose container stopped or whose image
 * the default image's name no longer names, and launches one slot at a time until the pool is full.
 * When a launch or the engine fails, the loop waits before trying again, twice as long each time up
 * to {@link #LONGEST_WAIT}.
 *
 * <p>Ready slots wait in a queue; taking one removes it, so no two claims get the same slot, and
 * the upkeep only ever discards a slot it removed from the queue itself.
 */
@Component
class WarmPool implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(WarmPool.class);
  static final Duration TICK = Duration.ofSeconds(5);
  private static final Duration FIRST_WAIT = TICK;
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

  private final ContainerRuntime runtime;
  private final WarmSlotLauncher launcher;
  private final WarmPoolReconciler reconciler;
  private final WorkspaceConfig config;
  private final InstanceLabel instance;
  private final Deque<WarmSlot> ready = new ConcurrentLinkedDeque<>();
  private final Sinks.Many<Long> kicks = Sinks.many().multicast().directBestEffort();

  // Touched by the upkeep loop only, one turn at a time.
  private boolean reconciled;
  private Duration wait = Duration.ZERO;
  private long notBefore = System.nanoTime();

  private volatile Disposable loop;
  private volatile String lastError;
  private volatile boolean running;

  WarmPool(
      ContainerRuntime runtime,
      WarmSlotLauncher launcher,
      WarmPoolReconciler reconciler,
      WorkspaceConfig config,
      InstanceLabel instance) {
    this.runtime = runtime;
    this.launcher = launcher;
    this.reconciler = reconciler;
    this.config = config;
    this.instance = instance;
  }

  /** Takes a ready slot if there is one; no two callers ever get the same slot. */
  Optional<WarmSlot> take() {
    WarmSlot slot = ready.pollFirst();
    if (slot != null) {
      kick();
    }
    return Optional.ofNullable(slot);
  }

  /** Returns a slot taken but not claimed (the claim declined it), as good as it was. */
  void putBack(WarmSlot slot) {
    ready.offerFirst(slot);
  }

  /** Removes a slot taken but found unfit, and launches a replacement. */
  Mono<Void> discardTaken(WarmSlot slot) {
    log.info("discarding warm slot {}: found unfit when claimed", slot.id());
    return launcher.discard(slot).doFinally(signal -> kick());
  }

  boolean hasReady() {
    return !ready.isEmpty();
  }

  int readyCount() {
    return ready.size();
  }

  /** Why the last turn of the upkeep failed, until one succeeds. */
  Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  @Override
  public void start() {
    running = true;
    if (config.sessions().warmPool() == 0) {
      // No pool: one turn removes what a run with a pool left behind, and that is all.
      loop = upkeep().subscribe();
      return;
    }
    loop =
        Flux.merge(Flux.interval(Duration.ZERO, TICK), kicks.asFlux())
            .onBackpressureDrop()
            .concatMap(tick -> upkeep(), 0)
            .subscribe();
  }

  @Override
  public void stop() {
    running = false;
    Disposable current = loop;
    if (current != null) {
      current.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void kick() {
    kicks.tryEmitNext(0L);
  }

  /** One turn of the loop; never errors (a failure makes the next turns wait). */
  private Mono<Void> upkeep() {
    if (System.nanoTime() - notBefore < 0) {
      return Mono.empty();
    }
    return Mono.defer(
            () -> runtime.imageId(config.container().defaultImage()).flatMap(this::upkeep))
        .doOnSuccess(
            done -> {
              if (!wait.isZero()) {
                log.info("warm pool: the engine answers and slots start again");
              }
              wait = Duration.ZERO;
              lastError = null;
            })
        .onErrorResume(this::waitAfter);
  }

  private Mono<Void> upkeep(Optional<String> imageId) {
    if (!reconciled) {
      return reconciler
          .reconcile(config.sessions().warmPool(), imageId)
          .doOnNext(
              kept -> {
                reconciled = true;
                ready.addAll(kept);
                kick();
              })
          .then();
    }
    return retire(imageId).then(Mono.defer(() -> refill(imageId)));
  }

  /**
   * Discards ready slots of an image the default image's name no longer names, those whose
   * container no longer runs, and any beyond the pool's size.
   */
  private Mono<Void> retire(Optional<String> imageId) {
    if (ready.isEmpty()) {
      return Mono.empty();
    }
    Map<String, String> selector = new HashMap<>(instance.selector());
    selector.put(WarmSlots.LABEL, "true");
    return runtime
        .listByLabels(selector)
        .flatMapMany(
            containers -> {
              Set<String> running =
                  containers.stream()
                      .filter(ContainerSummary::running)
                      .map(ContainerSummary::id)
                      .collect(Collectors.toSet());
              Map<WarmSlot, String> unfit = new LinkedHashMap<>();
              for (WarmSlot slot : ready) {
                if (imageId.isPresent() && !imageId.get().equals(slot.imageId())) {
                  unfit.put(slot, "the default image changed");
                } else if (!running.contains(slot.containerId())) {
                  unfit.put(slot, "its container stopped");
                }
              }
              // Only a slot still in the queue is ours to discard: one taken meanwhile is a
              // claim's.
              unfit.keySet().removeIf(slot -> !ready.remove(slot));
              beyondSize().forEach(slot -> unfit.put(slot, "the pool is full"));
              return Flux.fromIterable(unfit.entrySet());
            })
        .concatMap(
            unfit -> {
              log.info("discarding warm slot {}: {}", unfit.getKey().id(), unfit.getValue());
              return launcher.discard(unfit.getKey());
            })
        .then();
  }

  /**
   * Slots beyond the pool's size, taken out of the queue: one a claim gave back while its
   * replacement was launched.
   */
  private List<WarmSlot> beyondSize() {
    List<WarmSlot> extra = new ArrayList<>();
    while (ready.size() > config.sessions().warmPool()) {
      WarmSlot slot = ready.pollLast();
      if (slot == null) {
        break;
      }
      extra.add(slot);
    }
    return extra;
  }

  /** Launches one slot if the pool is short of one; errors if the default image is missing. */
  private Mono<Void> refill(Optional<String> imageId) {
    if (ready.size() >= config.sessions().warmPool()) {
      return Mono.empty();
    }
    if (imageId.isEmpty()) {
      return Mono.error(
          new IllegalStateException(
              "the default image "
                  + config.container().defaultImage()
                  + " is not on "
                  + runtime.engine().name()
                  + ", so no slot can start"));
    }
    return launcher
        .launch(config.container().defaultImage(), imageId.get())
        .doOnNext(
            slot -> {
              log.debug("warm slot {} is ready", slot.id());
              ready.offerLast(slot);
              kick();
            })
        .then();
  }

  private Mono<Void> waitAfter(Throwable error) {
    wait = wait.isZero() ? FIRST_WAIT : min(wait.multipliedBy(2), LONGEST_WAIT);
    notBefore = System.nanoTime() + wait.toNanos();
    lastError = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    if (wait.equals(FIRST_WAIT)) {
      log.warn("warm pool: {}; trying again in {} s", error.getMessage(), wait.toSeconds());
    } else {
      log.debug("warm pool: {}; trying again in {} s", error.getMessage(), wait.toSeconds());
    }
    return Mono.empty();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
