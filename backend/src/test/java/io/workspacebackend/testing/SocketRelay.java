package io.workspacebackend.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Unix socket that relays to the real engine's socket until {@link #close()}: a test points a
 * backend at it and then takes the engine away while the backend runs.
 */
public final class SocketRelay implements AutoCloseable {
  private final Path path;
  private final ServerSocketChannel server;

  /**
   * Guarded by itself, with {@link #closed}: a connection accepted as the relay closes is cut too.
   */
  private final List<SocketChannel> open = new ArrayList<>();

  private boolean closed;

  private SocketRelay(Path path, Path target) throws IOException {
    this.path = path;
    Files.deleteIfExists(path);
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    Thread acceptor = new Thread(() -> accept(target), "socket-relay");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static SocketRelay to(Path target, Path path) throws IOException {
    return new SocketRelay(path, target);
  }

  public Path path() {
    return path;
  }

  private void accept(Path target) {
    try {
      while (server.isOpen()) {
        SocketChannel client = server.accept();
        SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(target));
        if (!keep(client, engine)) {
          return;
        }
        pump(client, engine);
        pump(engine, client);
      }
    } catch (IOException closed) {
      // close() was called: stop accepting.
    }
  }

  private boolean keep(SocketChannel client, SocketChannel engine) throws IOException {
    synchronized (open) {
      if (!closed) {
        open.add(client);
        open.add(engine);
        return true;
      }
    }
    client.close();
    engine.close();
    return false;
  }

  private static void pump(SocketChannel from, SocketChannel to) {
    Thread pump =
        new Thread(
            () -> {
              ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
              try {
                while (from.read(buffer) >= 0) {
                  buffer.flip();
                  while (buffer.hasRemaining()) {
                    to.write(buffer);
                  }
                  buffer.clear();
                }
                to.shutdownOutput();
              } catch (IOException e) {
                // One side went away: the other pump ends too.
              }
            },
            "socket-relay-pump");
    pump.setDaemon(true);
    pump.start();
  }

  /**
   * Cuts the open connections and goes on relaying new ones, as an engine does that closes
   * keep-alive connections left idle (Podman's service after twice its {@code --time}).
   */
  public void cutOpenConnections() throws IOException {
    synchronized (open) {
      for (SocketChannel channel : open) {
        channel.close();
      }
      open.clear();
    }
  }

  /** The engine is gone: no new connections, and the open ones are cut. */
  @Override
  public void close() throws IOException {
    server.close();
    synchronized (open) {
      closed = true;
    }
    cutOpenConnections();
    Files.deleteIfExists(path);
  }
}
