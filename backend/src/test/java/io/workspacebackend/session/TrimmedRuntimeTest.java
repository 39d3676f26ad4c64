package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.invite.InviteCodes;
import io.workspacebackend.invite.NewInvites;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.ServeProcess;
import io.workspacebackend.testing.SessionImage;
import io.workspacebackend.testing.TestHome;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged console once shipped a Java runtime without {@code jdk.security.auth}: preparing a
 * workspace threw {@code NoClassDefFoundError}, which Reactor rethrew on its worker thread, so the
 * session stayed {@code starting} for ever and deleting it waited for a launch that never ended.
 * Replayed with the real {@code serve} command in a JVM limited to that runtime's modules, against
 * the real Docker engine.
 */
@Timeout(240)
class TrimmedRuntimeTest {
  /** The modules the app image's runtime had when the bug was reported. */
  private static final String REPORTED_RUNTIME =
      "java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,"
          + "java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.sql,"
          + "java.xml,jdk.crypto.ec,jdk.jfr,jdk.jsobject,jdk.management,jdk.net,jdk.unsupported,"
          + "jdk.xml.dom,jdk.zipfs";

  private static final String MISSING_CLASS = "com/sun/security/auth/module/UnixSystem";

  @TempDir Path directory;

  @Test
  void aClassMissingFromTheRuntimeFailsTheSessionAtOnceWithTheReason() throws Exception {
    SessionImage.ensureBuilt();
    TestHome home = TestHome.in(directory);
    Path stderr = directory.resolve("serve.err");
    try (ServeProcess serve =
        ServeProcess.start(
            home, stderr, List.of("--limit-modules", REPORTED_RUNTIME), "serve", "--port", "0")) {
      String listening = serve.awaitListening();
      WorkspaceClient client =
          WorkspaceClient.forServer(URI.create(listening.substring(listening.indexOf("http"))));
      client.register(adminInvite(home), "trimmed", "correct horse battery");

      Session created =
          client.createSession(new CreateSessionRequest("trimmed", null, null, Map.of()));
      boolean deleted = false;
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> client.session(created.id()).status() == SessionStatus.FAILED);

        assertThat(client.session(created.id()).errorMessage())
            .isEqualTo("java.lang.NoClassDefFoundError: " + MISSING_CLASS);
        client.deleteSession(created.id());
        deleted = true;
        assertThat(client.sessions()).isEmpty();
        List<String> errors =
            serve.stdout().lines().filter(line -> line.contains(" ERROR ")).toList();
        assertThat(errors)
            .as("what the server logged: %s%s", serve.stdout(), Files.readString(stderr))
            .singleElement()
            .asString()
            .contains("session " + created.id() + " failed to start");
        // Reactor did not meet the error as a fatal one it rethrows and logs on its own.
        assertThat(serve.stdout()).doesNotContain("throwIfFatal");
      } finally {
        if (!deleted) {
          // Removes the network its launch made; without the fix, after waiting for that launch.
          client.deleteSession(created.id());
        }
      }
    }
  }

  private static String adminInvite(TestHome home) {
    return new InviteCodes(JdbcAccess.direct(home.dataDir()), Clock.systemUTC())
        .generate(
            new NewInvites(1, 1, Optional.empty(), Role.ADMIN, Optional.empty(), Optional.empty()))
        .get(0)
        .code();
  }
}
