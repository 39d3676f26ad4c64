package io.workspacebackend.cli;

import io.workspacebackend.config.ConfigException;
import io.workspacebackend.config.DurationFormat;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.invite.InviteCodes;
import io.workspacebackend.invite.InviteNotFoundException;
import io.workspacebackend.invite.InviteState;
import io.workspacebackend.invite.NewInvites;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.server.Installation;
import io.workspacebackend.user.Roles;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code invite-codes generate|list|revoke}: works on the database directly, with the server
 * running or not, so an operator can let the first admin in.
 */
@Command(
    name = "invite-codes",
    mixinStandardHelpOptions = true,
    description = "Generate, list or revoke invite codes (on the database; the server may run).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      InviteCodesCommand.Generate.class,
      InviteCodesCommand.ListCodes.class,
      InviteCodesCommand.Revoke.class
    })
final class InviteCodesCommand extends CommandGroup {

  /** Opens the database the configuration names, creating and migrating it if needed. */
  InviteCodes open() throws ConfigException, IOException {
    WorkspaceConfig config = root.loadConfig().config();
    Installation.of(config).ensureDirectoriesAndSecret();
    CliLogging.quietLibraries();
    return new InviteCodes(JdbcAccess.direct(config.paths().dataDir()), Clock.systemUTC());
  }

  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = "Create invite codes and print them, one per line.",
      footer = {
        "",
        "Example: the first admin's code",
        "  workspace-backend invite-codes generate --role admin --expires 1d"
      })
  static final class Generate implements Callable<Integer> {
    @ParentCommand InviteCodesCommand parent;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--count",
        paramLabel = "N",
        defaultValue = "1",
        description = "How many codes (1 to 100; default ${DEFAULT-VALUE}).")
    int count;

    @Option(
        names = "--uses",
        paramLabel = "N",
        defaultValue = "1",
        description = "How many registrations each code allows (default ${DEFAULT-VALUE}).")
    int uses;

    @Option(
        names = "--expires",
        paramLabel = "DURATION",
        converter = PositiveDuration.class,
        description = "Expire after e.g. 7d, 12h or PT30M (default: never).")
    Duration expires;

    @Option(
        names = "--role",
        paramLabel = "ROLE",
        defaultValue = "user",
        converter = RoleName.class,
        completionCandidates = RoleName.class,
        description = "Role the codes grant: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Role role;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note shown in listings.")
    String note;

    @Override
    public Integer call() throws ConfigException, IOException {
      if (count < 1 || count > NewInvites.MAX_COUNT) {
        throw usage("--count must be from 1 to " + NewInvites.MAX_COUNT + ", not " + count);
      }
      if (uses < 1) {
        throw usage("--uses must be at least 1, not " + uses);
      }
      if (note != null && note.length() > NewInvites.MAX_NOTE_LENGTH) {
        throw usage("--note must be at most " + NewInvites.MAX_NOTE_LENGTH + " characters");
      }
      NewInvites spec =
          new NewInvites(
              count,
              uses,
              Optional.ofNullable(expires),
              role,
              Optional.ofNullable(note).filter(text -> !text.isBlank()),
              Optional.empty());
      List<Invite> created = parent.open().generate(spec);
      PrintWriter out = this.spec.commandLine().getOut();
      created.forEach(invite -> out.println(invite.code()));
      out.flush();
      return ExitCodes.OK;
    }

    private CommandLine.ParameterException usage(String message) {
      return new CommandLine.ParameterException(spec.commandLine(), message);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List usable invite codes, newest first (--all adds used ones).")
  static final class ListCodes implements Callable<Integer> {
    @ParentCommand InviteCodesCommand parent;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON (as the API's GET /api/invite-codes).")
    boolean json;

    @Option(names = "--all", description = "Include revoked, expired and used-up codes.")
    boolean all;

    @Override
    public Integer call() throws ConfigException, IOException {
      InviteCodes inviteCodes = parent.open();
      Instant now = inviteCodes.now();
      List<Invite> shown =
          inviteCodes.list().stream()
              .filter(invite -> all || InviteState.of(invite, now) == InviteState.ACTIVE)
              .toList();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(CliJson.write(shown));
      } else if (shown.isEmpty()) {
        out.println(all ? "no invite codes" : "no usable invite codes (--all shows the others)");
      } else {
        out.print(InviteTable.render(shown, now));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke an invite code; it stays listed (with --all) for history.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand InviteCodesCommand parent;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "CODE", description = "The code, with or without dashes.")
    String code;

    @Override
    public Integer call() throws ConfigException, IOException {
      Invite revoked;
      try {
        revoked = parent.open().revoke(code);
      } catch (InviteNotFoundException e) {
        throw new CliException(ExitCodes.FAILURE, e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("revoked " + revoked.code());
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code --role}: {@code user} or {@code admin}, as the API spells them. */
  static final class RoleName implements CommandLine.ITypeConverter<Role>, Iterable<String> {
    @Override
    public Role convert(String value) {
      return Roles.parse(value)
          .orElseThrow(
              () -> new CommandLine.TypeConversionException("must be user or admin, not " + value));
    }

    @Override
    public Iterator<String> iterator() {
      List<String> names = new ArrayList<>();
      for (Role role : Role.values()) {
        names.add(role.wireName());
      }
      return names.iterator();
    }
  }

  /**
   * {@code --expires}: a lifetime {@link NewInvites#allowedExpiry} allows, in the config's
   * notation.
   */
  static final class PositiveDuration implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return DurationFormat.parse(value)
          .filter(NewInvites::allowedExpiry)
          .orElseThrow(
              () ->
                  new CommandLine.TypeConversionException(
                      NewInvites.EXPIRES_IN_RULE + ", not " + value));
    }
  }
}
