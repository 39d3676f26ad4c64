package io.workspacebackend.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Follows one streamed response on its own daemon thread, line by line, until the server ends it or
 * {@link #close()} is called. Closing is quiet: no end callback for a stream the caller closed.
 */
final class StreamReader implements Subscription {
  /** Opens the stream; called on the reader's thread. */
  interface Opener {
    InputStream open() throws IOException, InterruptedException;
  }

  private final Thread thread;
  private volatile boolean closed;
  private volatile InputStream body;

  StreamReader(String name, Opener opener, Consumer<String> line, Consumer<Throwable> end) {
    thread =
        new Thread(
            () -> {
              try (InputStream in = opener.open()) {
                body = in;
                if (closed) {
                  return;
                }
                BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String next = reader.readLine(); next != null; next = reader.readLine()) {
                  if (closed) {
                    return;
                  }
                  line.accept(next);
                }
                if (!closed) {
                  end.accept(new StreamEndedException());
                }
              } catch (IOException | RuntimeException e) {
                if (!closed) {
                  end.accept(e);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
    thread.setDaemon(true);
  }

  StreamReader start() {
    thread.start();
    return this;
  }

  @Override
  public void close() {
    closed = true;
    InputStream in = body;
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // The stream is being abandoned; a failure to close it changes nothing for the caller.
      }
    }
    thread.interrupt();
  }

  /** The server ended a stream that is meant to go on (the event stream). */
  static final class StreamEndedException extends IOException {
    private static final long serialVersionUID = 1L;

    StreamEndedException() {
      super("the server closed the stream");
    }
  }
}
