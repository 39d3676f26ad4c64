package example.client;

import io.workspacebackend.client.ApiException;
import io.workspacebackend.client.Subscription;
import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStats;
import io.workspacebackend.model.session.SessionStatus;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A workspace-backend client in a few lines of {@link WorkspaceClient}: it signs in (registering
 * first when given an invite code), starts a session and waits for it on the event stream, runs a
 * command in the session's terminal, and deletes the session again.
 *
 * <pre>
 * WORKSPACE_PASSWORD='a long passphrase' java ... example.client.WorkspaceClientExample \
 *     http://127.0.0.1:8080 alice [INVITE-CODE]
 * </pre>
 */
public final class WorkspaceClientExample {
  private static final Duration START = Duration.ofMinutes(3);

  private final WorkspaceClient client;
  private final PrintStream out;

  WorkspaceClientExample(WorkspaceClient client, PrintStream out) {
    this.client = client;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    String password = System.getenv("WORKSPACE_PASSWORD");
    if (args.length < 2 || args.length > 3 || password == null) {
      System.err.println(
          "usage: WORKSPACE_PASSWORD=... WorkspaceClientExample SERVER-URL USERNAME [INVITE-CODE]");
      System.exit(2);
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    WorkspaceClient client = WorkspaceClient.forServer(URI.create(args[0]));
    try {
      new WorkspaceClientExample(client, out)
          .run(args[1], password, args.length == 3 ? args[2] : null);
    } catch (ApiException e) {
      // The server's problem+json, e.g. "409 Conflict: ..." for a user over their session limit.
      System.err.println("the server said no: " + e.getMessage());
      System.exit(1);
    }
  }

  void run(String username, String password, String inviteCode) throws Exception {
    out.println("server: " + client.health().status());
    SignedIn signedIn =
        inviteCode == null
            ? client.login(username, password)
            : client.register(inviteCode, username, password);
    out.println(
        "signed in as "
            + signedIn.user().username()
            + " ("
            + signedIn.user().role().wireName()
            + ")");

    Session session = startSession();
    out.println("session " + session.id() + " is running in " + session.workspacePath());
    SessionStats stats = client.stats(session.id());
    out.printf("it uses %d MiB of memory%n", stats.memoryBytes() / (1024 * 1024));

    try (Terminal terminal = Terminal.open(client.terminalUri(session.id()), client.token())) {
      String answer = terminal.run("echo \"$(whoami) says $((6 * 7))\"", "says 42");
      out.println("terminal: " + answer);
    }

    client.deleteSession(session.id());
    out.println("deleted session " + session.id());
    client.logout();
  }

  /** Creates a session and follows /api/events until it runs (or fails). */
  private Session startSession() throws InterruptedException {
    // Follow the events first, so that no change of the new session can slip by.
    BlockingQueue<Session> changes = new LinkedBlockingQueue<>();
    CompletableFuture<Throwable> streamEnded = new CompletableFuture<>();
    try (Subscription events = client.events(changes::add, streamEnded::complete)) {
      Session session =
          client.createSession(new CreateSessionRequest("java-client", null, null, Map.of()));
      out.println("session " + session.id() + " is " + session.status().wireName());
      long deadline = System.nanoTime() + START.toNanos();
      while (System.nanoTime() < deadline) {
        Session changed = changes.poll(1, TimeUnit.SECONDS);
        if (streamEnded.isDone()) {
          throw new IllegalStateException("the event stream ended", streamEnded.join());
        }
        if (changed == null || !changed.id().equals(session.id())) {
          continue;
        }
        if (changed.status() == SessionStatus.RUNNING) {
          return changed;
        }
        if (!changed.status().isLive()) {
          throw new IllegalStateException(
              "session "
                  + changed.id()
                  + " is "
                  + changed.status().wireName()
                  + ": "
                  + changed.errorMessage());
        }
      }
      throw new IllegalStateException("session " + session.id() + " did not start within " + START);
    }
  }
}
