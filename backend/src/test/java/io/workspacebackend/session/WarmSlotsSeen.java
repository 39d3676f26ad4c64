package io.workspacebackend.session;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.testing.RunningBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backend's warm slots as a test sees them from outside: the rows of its database, and the
 * containers and networks of its engine.
 */
final class WarmSlotsSeen {
  /** A slot as its row says. */
  record Slot(String id, String state, String containerId, String imageId, String directory) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RunningBackend backend;
  private final DockerClient engine;
  private JdbcAccess database;

  WarmSlotsSeen(RunningBackend backend, DockerClient engine) {
    this.backend = backend;
    this.engine = engine;
  }

  List<Slot> all() {
    if (database == null) {
      database = JdbcAccess.direct(backend.config().paths().dataDir());
    }
    return database
        .jdbc()
        .sql(
            "SELECT id, state, container_id, image_id, directory FROM warm_slots"
                + " ORDER BY created_at")
        .query(
            (row, number) ->
                new Slot(
                    row.getString("id"),
                    row.getString("state"),
                    row.getString("container_id"),
                    row.getString("image_id"),
                    row.getString("directory")))
        .list();
  }

  List<Slot> ready() {
    return all().stream().filter(slot -> slot.state().equals("ready")).toList();
  }

  /**
   * Waits until exactly {@code count} slots are stored, all ready, and the pool holds them all
   * ready to be claimed ({@code warm_pool} in {@code GET /api/health}).
   */
  List<Slot> awaitReady(int count) {
    AtomicReference<List<Slot>> seen = new AtomicReference<>();
    Awaitility.await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              List<Slot> all = all();
              seen.set(all);
              return all.size() == count
                  && all.stream().allMatch(slot -> slot.state().equals("ready"))
                  && readyInPool() == count;
            });
    return seen.get();
  }

  /** How many slots the pool says are ready to be claimed now. */
  int readyInPool() {
    String health =
        backend
            .client()
            .get()
            .uri("/api/health")
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    return JSON.readTree(health).path("warm_pool").path("details").path("ready").asInt(-1);
  }

  /** The containers of this backend's engine that were made as warm slots (claimed or not). */
  List<Container> containers() {
    return engine
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(
            Map.of(
                InstanceLabel.KEY,
                new InstanceLabel(backend.config()).value(),
                WarmSlots.LABEL,
                "true"))
        .exec();
  }

  /** Removes what the backend's pool left on the engine; call with the backend stopped. */
  void removeLeftovers() {
    for (Container container : containers()) {
      engine.removeContainerCmd(container.getId()).withForce(true).exec();
    }
    for (Network network :
        engine
            .listNetworksCmd()
            .withFilter(
                "label",
                List.of(
                    InstanceLabel.KEY + "=" + new InstanceLabel(backend.config()).value(),
                    WarmSlots.LABEL + "=true"))
            .exec()) {
      engine.removeNetworkCmd(network.getId()).exec();
    }
  }

  static String sessionOf(Container container) {
    return container.getLabels().get(ContainerRuntime.SESSION_LABEL);
  }
}
