package io.workspacebackend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.testing.TestHome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on a database no server ever opened: it creates and migrates it itself. */
class InviteCodesCommandTest {
  private static final String CODE = "[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}";

  @TempDir Path temp;

  @Test
  void generatePrintsOnlyTheCodesOnePerLine() {
    CapturingCommandLine cli = new CapturingCommandLine(TestHome.in(temp));

    CapturingCommandLine.Result result =
        cli.run("invite-codes", "generate", "--count", "3", "--role", "admin", "--note", "team");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out().split("\n")).hasSize(3).allMatch(line -> line.matches(CODE));
  }

  @Test
  void listShowsATableOfUsableCodesAndAllShowsTheRest() {
    CapturingCommandLine cli = new CapturingCommandLine(TestHome.in(temp));
    String kept =
        cli.run("invite-codes", "generate", "--uses", "3", "--expires", "7d").out().strip();
    String revoked = cli.run("invite-codes", "generate", "--note", "oops").out().strip();
    assertThat(cli.run("invite-codes", "revoke", revoked).out())
        .isEqualTo("revoked " + revoked + "\n");

    String table = cli.run("invite-codes", "list").out();

    assertThat(table.lines().findFirst().orElseThrow())
        .matches("CODE +ROLE +USES +EXPIRES +STATE +NOTE");
    assertThat(table).contains(kept).doesNotContain(revoked);
    assertThat(table.lines().filter(line -> line.startsWith(kept)).findFirst().orElseThrow())
        .matches(kept + " +user +0/3 +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +active");
    assertThat(cli.run("invite-codes", "list", "--all").out())
        .containsPattern(revoked + " +user +0/1 +never +revoked +oops");
  }

  @Test
  void listJsonPrintsTheApisInviteShape() {
    CapturingCommandLine cli = new CapturingCommandLine(TestHome.in(temp));
    String code = cli.run("invite-codes", "generate", "--role", "admin").out().strip();

    String json = cli.run("invite-codes", "list", "--json").out();

    assertThat(json)
        .contains("\"code\" : \"" + code + "\"")
        .contains("\"role\" : \"admin\"")
        .contains("\"max_uses\" : 1")
        .contains("\"expires_at\" : null")
        .contains("\"created_by\" : null")
        .containsPattern("\"created_at\" : \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"");
  }

  @Test
  void revokingAnUnknownCodeFailsWithOneLine() {
    CapturingCommandLine.Result result =
        new CapturingCommandLine(TestHome.in(temp)).run("invite-codes", "revoke", "NOPE-NOPE");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.err()).isEqualTo("error: no invite code NOPE-NOPE\n");
  }

  @Test
  void badFlagValuesExitWithUsageAndOneLine() {
    CapturingCommandLine cli = new CapturingCommandLine(TestHome.in(temp));
    String[][] commands = {
      {"invite-codes", "generate", "--count", "0"},
      {"invite-codes", "generate", "--count", "101"},
      {"invite-codes", "generate", "--count", "many"},
      {"invite-codes", "generate", "--uses", "0"},
      {"invite-codes", "generate", "--expires", "soon"},
      {"invite-codes", "generate", "--expires", "0s"},
      {"invite-codes", "generate", "--expires", "P9999999999D"},
      {"invite-codes", "generate", "--role", "root"},
      {"invite-codes", "revoke"},
    };
    for (String[] command : commands) {
      CapturingCommandLine.Result result = cli.run(command);

      assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err().lines()).as(String.join(" ", command)).hasSize(1);
      assertThat(result.out()).isEmpty();
    }
  }
}
