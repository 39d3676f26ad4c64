package io.workspacebackend.cli;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.config.ConfigException;
import io.workspacebackend.model.session.Session;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sessions list|stop|start}: through the running server's API with the caller's token, like
 * {@code users}: sessions live in the server's memory and on its engine, so only the server may
 * change them.
 */
@Command(
    name = "sessions",
    mixinStandardHelpOptions = true,
    description = "List, stop or start sessions (through the running server).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      SessionsCommand.ListSessions.class,
      SessionsCommand.Stop.class,
      SessionsCommand.Start.class
    })
final class SessionsCommand extends CommandGroup {
  private static final List<String> HEADER = List.of("NAME", "ID", "STATUS", "WHY");

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List your sessions, newest first (an admin may add --all).")
  static final class ListSessions implements Callable<Integer> {
    @ParentCommand SessionsCommand parent;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin ServerOptions server;

    @Option(names = "--all", description = "Every user's sessions (admins only).")
    boolean all;

    @Option(names = "--json", description = "Print JSON (as the API's GET /api/sessions).")
    boolean json;

    @Override
    public Integer call() throws ConfigException {
      WorkspaceClient client = server.connect(parent.root);
      List<Session> sessions = ServerOptions.call(all ? client::allSessions : client::sessions);
      print(spec, json ? CliJson.write(sessions) : null, sessions);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description =
          "Stop a session: its container goes and its ports are released; its workspace, image,"
              + " env and resources are kept for a start.")
  static final class Stop extends Change {
    Stop() {
      super(WorkspaceClient::stopSession);
    }
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = "Start a stopped or failed session again, on its workspace, within your quota.")
  static final class Start extends Change {
    Start() {
      super(WorkspaceClient::startSession);
    }
  }

  /** A change of one session, named by its id or (if unique among yours) its name. */
  abstract static class Change implements Callable<Integer> {
    private final BiFunction<WorkspaceClient, UUID, Session> change;

    @ParentCommand SessionsCommand parent;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin ServerOptions server;

    @Parameters(paramLabel = "SESSION", description = "The session's id or name.")
    String session;

    @Option(names = "--json", description = "Print the session as JSON (as the API answers).")
    boolean json;

    Change(BiFunction<WorkspaceClient, UUID, Session> change) {
      this.change = change;
    }

    @Override
    public Integer call() throws ConfigException {
      WorkspaceClient client = server.connect(parent.root);
      Session found = find(ServerOptions.call(client::sessions));
      Session changed = ServerOptions.call(() -> change.apply(client, found.id()));
      print(spec, json ? CliJson.write(changed) : null, List.of(changed));
      return ExitCodes.OK;
    }

    private Session find(List<Session> sessions) {
      List<Session> matching =
          sessions.stream()
              .filter(s -> s.id().toString().equals(session) || s.name().equals(session))
              .toList();
      if (matching.isEmpty()) {
        throw new CliException(ExitCodes.FAILURE, "no session of yours named " + session);
      }
      if (matching.size() > 1) {
        throw new CliException(
            ExitCodes.FAILURE, session + " names several of your sessions; give its id");
      }
      return matching.get(0);
    }
  }

  /** {@code json} if asked for (as the API answers), else a table of {@code sessions}. */
  private static void print(
      CommandLine.Model.CommandSpec spec, String json, List<Session> sessions) {
    PrintWriter out = spec.commandLine().getOut();
    if (json != null) {
      out.print(json + "\n");
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (Session s : sessions) {
        String why = s.errorMessage() != null ? s.errorMessage() : s.stopReason();
        rows.add(
            List.of(s.name(), s.id().toString(), s.status().wireName(), why == null ? "" : why));
      }
      out.print(TextTable.render(HEADER, rows));
    }
    out.flush();
  }
}
