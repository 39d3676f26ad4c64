package io.workspacebackend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CLI and a running server share one database file. */
class InviteCodesBesideServeTest {
  @RegisterExtension static RunningBackend backend = new RunningBackend();

  private final Accounts accounts = new Accounts(backend);

  private CapturingCommandLine cli() {
    return new CapturingCommandLine(backend.home());
  }

  @Test
  void aCodeGeneratedWithTheCliLetsTheFirstAdminRegisterWithTheRunningServer() {
    CapturingCommandLine.Result generated =
        cli().run("invite-codes", "generate", "--role", "admin", "--expires", "1d");
    assertThat(generated.exitCode()).isZero();

    SignedIn admin =
        accounts.register(generated.out().strip(), Accounts.uniqueName("first"), "long password");

    assertThat(admin.user().role()).isEqualTo(Role.ADMIN);
    assertThat(cli().run("invite-codes", "list", "--all").out())
        .containsPattern(generated.out().strip() + " +admin +1/1 +\\S+ +used up");
  }

  @Test
  void aCodeRevokedWithTheCliIsRefusedByTheRunningServer() {
    String code = cli().run("invite-codes", "generate").out().strip();

    assertThat(cli().run("invite-codes", "revoke", code.replace("-", "")).exitCode()).isZero();

    backend
        .client()
        .post()
        .uri("/api/auth/register")
        .bodyValue(
            Map.of(
                "invite_code",
                code,
                "username",
                Accounts.uniqueName("late"),
                "password",
                "long enough"))
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  @Test
  void codesMadeThroughTheApiShowInTheCliList() {
    SignedIn admin = accounts.register(Role.ADMIN);
    accounts
        .as(admin.token())
        .post()
        .uri("/api/invite-codes")
        .bodyValue(Map.of("note", "from the api"))
        .exchange()
        .expectStatus()
        .isCreated();

    assertThat(cli().run("invite-codes", "list").out())
        .containsPattern(" +user +0/1 +never +active +from the api");
    assertThat(cli().run("invite-codes", "list", "--json").out())
        .contains("\"created_by\" : \"" + admin.user().username() + "\"");
  }
}
