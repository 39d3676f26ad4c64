package io.workspacebackend.session;

import io.workspacebackend.model.session.SessionPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Host ports held by sessions ({@code session_ports}) and by warm slots ({@code warm_slot_ports},
 * see WarmSlots). The database is the source of truth: a port row exists while its session may use
 * it, so neither concurrent creates nor a restart can hand one port to two live sessions. Ports
 * something else on the host listens on are skipped.
 */
final class PortLeases {
  private static final int HIGHEST_PORT = 65535;
  private static final String HELD =
      "SELECT port FROM session_ports UNION SELECT port FROM warm_slot_ports";

  private final JdbcClient jdbc;
  private final IntPredicate hostPortFree;

  PortLeases(JdbcClient jdbc, IntPredicate hostPortFree) {
    this.jdbc = jdbc;
    this.hostPortFree = hostPortFree;
  }

  PortLeases(JdbcClient jdbc) {
    this(jdbc, PortLeases::bindable);
  }

  /** The three lowest free ports from {@code basePort} on; call inside the creating transaction. */
  SessionPorts pick(int basePort) throws NoFreePortsException {
    Set<Integer> held = new HashSet<>(jdbc.sql(HELD).query(Integer.class).list());
    int[] found = new int[3];
    int count = 0;
    for (int port = basePort; port <= HIGHEST_PORT && count < 3; port++) {
      if (!held.contains(port) && hostPortFree.test(port)) {
        found[count++] = port;
      }
    }
    if (count < 3) {
      throw new NoFreePortsException(basePort);
    }
    return new SessionPorts(found[0], found[1], found[2]);
  }

  /** Records the ports as held by the session; fails if another session got one first. */
  void hold(String sessionId, SessionPorts ports) {
    for (int port : List.of(ports.opencode(), ports.fileserver(), ports.ttyd())) {
      jdbc.sql("INSERT INTO session_ports (port, session_id) VALUES (:port, :session)")
          .param("port", port)
          .param("session", sessionId)
          .update();
    }
  }

  /** Holds the ports again for the session if no other session holds any of them. */
  boolean holdIfFree(String sessionId, SessionPorts ports) {
    List<Integer> wanted = List.of(ports.opencode(), ports.fileserver(), ports.ttyd());
    Integer taken =
        jdbc.sql("SELECT count(*) FROM (" + HELD + ") WHERE port IN (:ports)")
            .param("ports", wanted)
            .query(Integer.class)
            .single();
    if (taken > 0) {
      return false;
    }
    hold(sessionId, ports);
    return true;
  }

  void release(String sessionId) {
    jdbc.sql("DELETE FROM session_ports WHERE session_id = :session")
        .param("session", sessionId)
        .update();
  }

  /** Whether nothing on this host listens on the loopback port, where sessions publish. */
  static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // As every server (and docker-proxy) binds: a port whose last connections linger in
      // TIME_WAIT is free to listen on again.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
