package io.workspacebackend.session;

import io.workspacebackend.db.Database;
import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.db.StoredInstant;
import io.workspacebackend.model.session.SessionPorts;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Warm slots in the database ({@code warm_slots}, with the ports each holds in {@code
 * warm_slot_ports}), off the event loop. A slot holds its ports from the moment it is added, picked
 * in the same transaction from those no session and no other slot holds (PortLeases), so a slot's
 * container never publishes a port a session got.
 */
@Component
@DependsOnDatabaseInitialization
class WarmSlots {
  /** The label every slot's container and network carry, claimed or not. */
  static final String LABEL = "io.workspace-backend.warm-slot";

  /** The label naming the id of the image a slot's container was made from. */
  static final String IMAGE_ID_LABEL = "io.workspace-backend.warm-image-id";

  private final JdbcAccess access;
  private final JdbcClient jdbc;
  private final PortLeases ports;
  private final Database database;

  WarmSlots(JdbcAccess access, Database database) {
    this.access = access;
    this.jdbc = access.jdbc();
    this.ports = new PortLeases(access.jdbc());
    this.database = database;
  }

  /** Whether a container or network was made for a warm slot (claimed since, or not). */
  static boolean isWarm(Map<String, String> labels) {
    return "true".equals(labels.get(LABEL));
  }

  /** Stores a new slot, {@code starting}, with three free ports from {@code basePort} on. */
  Mono<WarmSlot> add(
      String id, String image, String imageId, Path directory, String secret, int basePort) {
    return database.call(
        () ->
            access
                .transactions()
                .execute(
                    transaction -> {
                      SessionPorts picked = ports.pick(basePort);
                      WarmSlot slot =
                          new WarmSlot(
                              id,
                              WarmSlot.State.STARTING,
                              image,
                              imageId,
                              directory,
                              null,
                              null,
                              SessionContainers.containerName(id),
                              SessionContainers.networkName(id),
                              secret,
                              picked,
                              SessionTransitions.now());
                      insert(slot);
                      return slot;
                    }));
  }

  /**
   * Stores that the slot's services answered, in {@code containerId} on its directory's identity.
   */
  Mono<WarmSlot> ready(WarmSlot slot, String containerId, String directoryKey) {
    WarmSlot ready = slot.ready(containerId, directoryKey);
    return database.call(
        () -> {
          jdbc.sql(
                  "UPDATE warm_slots SET state = 'ready', container_id = :container,"
                      + " directory_key = :key WHERE id = :id")
              .param("container", containerId)
              .param("key", directoryKey)
              .param("id", slot.id())
              .update();
          return ready;
        });
  }

  /** Forgets the slot and releases its ports; a slot already gone is fine. */
  Mono<Void> remove(String id) {
    return database.run(
        () -> jdbc.sql("DELETE FROM warm_slots WHERE id = :id").param("id", id).update());
  }

  Mono<List<WarmSlot>> all() {
    return database.call(
        () -> jdbc.sql("SELECT * FROM warm_slots ORDER BY created_at").query(this::slot).list());
  }

  /**
   * Within a claim's transaction: removes the ready slot, releasing its ports for its session to
   * hold. False if it is not there (or not ready): then nothing was claimed.
   */
  boolean takeForClaim(String id) {
    return jdbc.sql("DELETE FROM warm_slots WHERE id = :id AND state = 'ready'")
            .param("id", id)
            .update()
        == 1;
  }

  private void insert(WarmSlot slot) {
    jdbc.sql(
            "INSERT INTO warm_slots (id, state, image, image_id, directory, container_name,"
                + " network_name, service_secret, opencode_port, fileserver_port, ttyd_port,"
                + " created_at) VALUES (:id, 'starting', :image, :imageId, :directory,"
                + " :containerName, :networkName, :secret, :opencode, :fileserver, :ttyd,"
                + " :createdAt)")
        .param("id", slot.id())
        .param("image", slot.image())
        .param("imageId", slot.imageId())
        .param("directory", slot.directory().toString())
        .param("containerName", slot.containerName())
        .param("networkName", slot.networkName())
        .param("secret", slot.serviceSecret())
        .param("opencode", slot.ports().opencode())
        .param("fileserver", slot.ports().fileserver())
        .param("ttyd", slot.ports().ttyd())
        .param("createdAt", StoredInstant.format(slot.createdAt()))
        .update();
    for (int port :
        List.of(slot.ports().opencode(), slot.ports().fileserver(), slot.ports().ttyd())) {
      jdbc.sql("INSERT INTO warm_slot_ports (port, slot_id) VALUES (:port, :slot)")
          .param("port", port)
          .param("slot", slot.id())
          .update();
    }
  }

  private WarmSlot slot(ResultSet row, int number) throws SQLException {
    Instant createdAt = StoredInstant.parse(row.getString("created_at"));
    return new WarmSlot(
        row.getString("id"),
        WarmSlot.State.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
        row.getString("image"),
        row.getString("image_id"),
        Path.of(row.getString("directory")),
        row.getString("directory_key"),
        row.getString("container_id"),
        row.getString("container_name"),
        row.getString("network_name"),
        row.getString("service_secret"),
        new SessionPorts(
            row.getInt("opencode_port"), row.getInt("fileserver_port"), row.getInt("ttyd_port")),
        createdAt);
  }
}
