package io.workspacebackend.terminalgate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Moves bytes both ways between an admitted client and ttyd until either side ends. */
final class Relay {
  private static final int BUFFER_BYTES = 16 * 1024;

  private Relay() {}

  /** Sends {@code head} (already read from the client) to ttyd first, then everything else. */
  static void between(Socket client, byte[] head, SocketChannel ttyd) throws IOException {
    writeFully(ttyd, ByteBuffer.wrap(head));
    Thread upstream =
        new Thread(
            () -> clientToTtyd(client, ttyd), Thread.currentThread().getName() + "-upstream");
    upstream.setDaemon(true);
    upstream.start();
    try {
      ttydToClient(ttyd, client.getOutputStream());
    } finally {
      // Either ttyd ended the conversation or the client went away: end both directions.
      client.close();
      ttyd.close();
    }
  }

  private static void clientToTtyd(Socket client, SocketChannel ttyd) {
    byte[] buffer = new byte[BUFFER_BYTES];
    try {
      InputStream in = client.getInputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        writeFully(ttyd, ByteBuffer.wrap(buffer, 0, read));
      }
      ttyd.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(ttyd);
    }
  }

  private static void ttydToClient(SocketChannel ttyd, OutputStream out) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    while (ttyd.read(buffer) >= 0) {
      buffer.flip();
      out.write(buffer.array(), 0, buffer.limit());
      out.flush();
      buffer.clear();
    }
  }

  private static void writeFully(SocketChannel channel, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Closing is all that is left to do.
    }
  }
}
