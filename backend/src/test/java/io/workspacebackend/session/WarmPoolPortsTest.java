package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.workspacebackend.db.Database;
import io.workspacebackend.db.DatabaseSettings;
import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.db.SqliteDataSources;
import io.workspacebackend.model.session.SessionPorts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;

/** A host port has one holder, a session or a warm slot, in the database itself. */
class WarmPoolPortsTest {
  private static final int BASE_PORT = 52000;

  @TempDir Path data;
  private JdbcAccess access;
  private Database database;
  private WarmSlots slots;

  @BeforeEach
  void database() {
    access = JdbcAccess.direct(data);
    database = new Database(new DatabaseSettings(SqliteDataSources.databaseFile(data), 1));
    slots = new WarmSlots(access, database);
  }

  @AfterEach
  void close() {
    database.destroy();
  }

  @Test
  void neitherSessionsNorSlotsAreGivenAPortASlotHolds() {
    WarmSlot slot = add("slot-1");
    PortLeases leases = new PortLeases(access.jdbc(), port -> true);

    SessionPorts next = access.transactions().execute(transaction -> leases.pick(BASE_PORT));
    assertThat(List.of(next.opencode(), next.fileserver(), next.ttyd()))
        .doesNotContainAnyElementsOf(ports(slot));
    assertThat(ports(add("slot-2"))).doesNotContainAnyElementsOf(ports(slot));

    insertSession("session-1");
    assertThatThrownBy(
            () ->
                access
                    .jdbc()
                    .sql("INSERT INTO session_ports (port, session_id) VALUES (:port, 'session-1')")
                    .param("port", slot.ports().opencode())
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("held by a warm slot");

    slots.remove(slot.id()).block();
    SessionPorts freed = access.transactions().execute(transaction -> leases.pick(BASE_PORT));
    assertThat(freed.opencode()).isEqualTo(slot.ports().opencode());
  }

  @Test
  void aSlotHoldsNoPortASessionHolds() {
    insertSession("session-1");
    access
        .jdbc()
        .sql("INSERT INTO session_ports (port, session_id) VALUES (:port, 'session-1')")
        .param("port", BASE_PORT)
        .update();

    WarmSlot slot = add("slot-1");

    assertThat(ports(slot)).doesNotContain(BASE_PORT);
    assertThatThrownBy(
            () ->
                access
                    .jdbc()
                    .sql("INSERT INTO warm_slot_ports (port, slot_id) VALUES (:port, 'slot-1')")
                    .param("port", BASE_PORT)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("held by a session");
  }

  @Test
  void aReadySlotIsTakenForAClaimOnceAndReleasesItsPortsToIt() {
    WarmSlot slot = add("slot-1");
    assertThat(take(slot)).as("a slot still starting cannot be claimed").isFalse();
    slots.ready(slot, "container", "(dev=1,ino=2)").block();

    assertThat(take(slot)).isTrue();
    assertThat(take(slot)).isFalse();
    assertThat(slots.all().block()).isEmpty();
    assertThat(
            access.jdbc().sql("SELECT count(*) FROM warm_slot_ports").query(Integer.class).single())
        .isZero();
  }

  private boolean take(WarmSlot slot) {
    return Boolean.TRUE.equals(
        access.transactions().execute(transaction -> slots.takeForClaim(slot.id())));
  }

  private WarmSlot add(String id) {
    return slots
        .add(id, "image:1", "sha256:1", Path.of("/w/.warm/" + id), "secret", BASE_PORT)
        .block();
  }

  private void insertSession(String id) {
    access
        .jdbc()
        .sql(
            "INSERT OR IGNORE INTO users (id, username, password_hash, role, created_at)"
                + " VALUES ('u', 'alice', 'x', 'user', '2025-01-01T00:00:00Z')")
        .update();
    access
        .jdbc()
        .sql(
            "INSERT INTO sessions (id, name, user_id, status, image, workspace_path, container_name,"
                + " network_name, runtime, service_secret, opencode_port, fileserver_port,"
                + " ttyd_port, created_at) VALUES (:id, 'n', 'u', 'running', 'i', '/w/alice/n',"
                + " 'c', 'n', 'docker', 's', 1, 2, 3, '2025-01-01T00:00:00Z')")
        .param("id", id)
        .update();
  }

  private static List<Integer> ports(WarmSlot slot) {
    return List.of(slot.ports().opencode(), slot.ports().fileserver(), slot.ports().ttyd());
  }
}
