package io.workspacebackend.fileserver;

import com.sun.net.httpserver.HttpServer;
import io.workspacebackend.processguard.ProcessGuard;
import io.workspacebackend.terminalgate.TerminalGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The file server of a session container, whose JVM also runs the container's {@link ProcessGuard}
 * and its {@link TerminalGate}: the workspace's files over HTTP, for the backend's {@code
 * /sessions/{id}/files/} proxy. Configured by environment variables, see {@link
 * FileServerSettings}.
 */
public final class FileServer implements AutoCloseable {

  /** Requests served at once; more wait in line. Uploads block a thread for their duration. */
  private static final int THREADS = 16;

  private final HttpServer server;
  private final ThreadPoolExecutor executor;

  private FileServer(HttpServer server, ThreadPoolExecutor executor) {
    this.server = server;
    this.executor = executor;
  }

  static FileServer start(FileServerSettings settings) throws IOException {
    var workspace = new Workspace(settings.workspace());
    var entries = new Entries(workspace);
    var router =
        new Router(
            new BearerToken(settings.secret()),
            Map.of(
                "/tree", Map.of("GET", new TreeEndpoint(workspace, entries)),
                "/file",
                    Map.of(
                        "GET", new DownloadEndpoint(workspace),
                        "HEAD", new DownloadEndpoint(workspace),
                        "PUT", new WriteEndpoint(workspace, entries),
                        "DELETE", new DeleteEndpoint(workspace)),
                "/upload", Map.of("POST", new UploadEndpoint(workspace, entries)),
                "/mkdir", Map.of("POST", new MkdirEndpoint(workspace, entries)),
                "/move", Map.of("POST", new MoveEndpoint(workspace))),
            workspace.root());
    var server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
    server.createContext("/", router);
    var executor = newExecutor();
    server.setExecutor(executor);
    server.start();
    return new FileServer(server, executor);
  }

  /** Threads start on demand and end when idle, so an idle server holds none. */
  private static ThreadPoolExecutor newExecutor() {
    var count = new AtomicInteger();
    var executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              var thread = new Thread(task, "fileserver-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Hosted here, like the guard: the terminal's gate costs threads, not a process of its own. */
  private static void startTerminalGate(FileServerSettings settings) {
    FileServerSettings.Terminal terminal = settings.terminal().orElseThrow();
    try {
      TerminalGate gate =
          TerminalGate.start(settings.host(), terminal.port(), settings.secret(), terminal.ttyd());
      System.out.println("terminal gate: listening on port " + gate.port());
    } catch (IOException e) {
      System.err.println("terminal gate: cannot start: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Starts the server from the environment and serves until the process is stopped. */
  public static void main(String[] args) {
    FileServerSettings settings;
    try {
      settings = FileServerSettings.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("fileserver: " + e.getMessage());
      System.exit(2);
      return;
    }
    FileServer server;
    try {
      server = start(settings);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("fileserver: cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "fileserver-shutdown"));
    System.out.println(
        "fileserver: listening on port " + server.port() + ", serving " + settings.workspace());
    if (settings.terminal().isPresent()) {
      startTerminalGate(settings);
    }
    // Hosted here so that the guard costs one thread, not a process of its own.
    ProcessGuard.startInBackground();
  }
}
