package io.workspacebackend.cli;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.config.ConfigException;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.QuotaText;
import io.workspacebackend.model.user.User;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code users list|quota}: through the running server's API, with an admin's token. Unlike {@code
 * invite-codes}, these never touch the database: the server holds users in memory, and only a
 * change it makes itself takes effect at once.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "List users or set their quotas (through the running server, as an admin).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {UsersCommand.ListUsers.class, UsersCommand.SetQuota.class})
final class UsersCommand extends CommandGroup {
  /** The word that gives a value back to the server's default. */
  static final String DEFAULT = "default";

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List users with the quota in effect for each, oldest first.")
  static final class ListUsers implements Callable<Integer> {
    @ParentCommand UsersCommand parent;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin ServerOptions server;

    @Option(names = "--json", description = "Print JSON (as the API's GET /api/users).")
    boolean json;

    @Override
    public Integer call() throws ConfigException {
      WorkspaceClient client = server.connect(parent.root);
      List<User> users = ServerOptions.call(client::users);
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? CliJson.write(users) + "\n" : UserTable.render(users));
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "quota",
      mixinStandardHelpOptions = true,
      description = {
        "Set a user's quota: the most live sessions, and the most memory and CPUs their live"
            + " sessions may have in total. Each value is the server's default (sessions.*_per_user)"
            + " until set here; \"default\" gives it back. Checked when a session is created or"
            + " started; sessions already live keep running. Without options, shows the quota."
      },
      footer = {
        "",
        "Examples:",
        "  workspace-backend users quota alice --memory 8g --cpus 4",
        "  workspace-backend users quota alice --sessions default",
        "  workspace-backend users quota alice --default"
      })
  static final class SetQuota implements Callable<Integer> {
    @ParentCommand UsersCommand parent;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin ServerOptions server;

    @Parameters(paramLabel = "USER", description = "The user's name or id.")
    String user;

    @Option(
        names = "--sessions",
        paramLabel = "N",
        converter = SessionCount.class,
        description = "Most live sessions (0 or more), or default.")
    Given<Integer> sessions;

    @Option(
        names = "--memory",
        paramLabel = "SIZE",
        converter = MemorySize.class,
        description = "Most memory in total, e.g. 8g, 512m, 16GiB (powers of 1024), or default.")
    Given<Long> memory;

    @Option(
        names = "--cpus",
        paramLabel = "N",
        converter = CpuCount.class,
        description = "Most CPUs in total, e.g. 4 or 1.5, or default.")
    Given<Double> cpus;

    @Option(
        names = "--default",
        description = "Give every value not set by the options above back to the default.")
    boolean allDefault;

    @Option(names = "--json", description = "Print the user as JSON (as the API answers).")
    boolean json;

    @Override
    public Integer call() throws ConfigException {
      WorkspaceClient client = server.connect(parent.root);
      User found = find(ServerOptions.call(client::users));
      User shown = found;
      if (allDefault || sessions != null || memory != null || cpus != null) {
        QuotaOverrides start = allDefault ? QuotaOverrides.NONE : found.quota().overrides();
        QuotaOverrides wanted =
            new QuotaOverrides(
                pick(sessions, start.maxSessions()),
                pick(memory, start.maxMemoryBytes()),
                pick(cpus, start.maxCpus()));
        shown = ServerOptions.call(() -> client.setQuota(found.id(), wanted));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? CliJson.write(shown) + "\n" : UserTable.render(List.of(shown)));
      out.flush();
      return ExitCodes.OK;
    }

    private User find(List<User> users) {
      return users.stream()
          .filter(u -> u.username().equals(user) || u.id().toString().equals(user))
          .findFirst()
          .orElseThrow(() -> new CliException(ExitCodes.FAILURE, "no user named " + user));
    }

    private static <T> T pick(Given<T> given, T current) {
      return given == null ? current : given.value().orElse(null);
    }
  }

  /** A value given on the command line: a number, or empty for {@value #DEFAULT}. */
  record Given<T>(Optional<T> value) {}

  /**
   * Reads {@value #DEFAULT} or a value {@code parse} accepts; {@code rule} says which those are.
   */
  private abstract static class GivenValue<T> implements CommandLine.ITypeConverter<Given<T>> {
    private final Function<String, Optional<T>> parse;
    private final String rule;

    GivenValue(Function<String, Optional<T>> parse, String rule) {
      this.parse = parse;
      this.rule = rule;
    }

    @Override
    public Given<T> convert(String text) {
      if (text.strip().equalsIgnoreCase(DEFAULT)) {
        return new Given<>(Optional.empty());
      }
      return new Given<>(
          Optional.of(
              parse
                  .apply(text)
                  .orElseThrow(
                      () ->
                          new CommandLine.TypeConversionException(
                              "must be " + rule + " or " + DEFAULT + ", not " + text))));
    }
  }

  static final class SessionCount extends GivenValue<Integer> {
    SessionCount() {
      super(QuotaText::parseSessions, "a whole number of 0 or more");
    }
  }

  static final class MemorySize extends GivenValue<Long> {
    MemorySize() {
      super(
          text -> QuotaText.parseBytes(text).filter(bytes -> bytes > 0),
          "a size above 0 such as 8g, 512m or 16GiB");
    }
  }

  static final class CpuCount extends GivenValue<Double> {
    CpuCount() {
      super(QuotaText::parseCpus, "a number above 0 such as 4 or 1.5");
    }
  }
}
