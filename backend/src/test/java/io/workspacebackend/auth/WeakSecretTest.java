package io.workspacebackend.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.workspacebackend.server.BackendServer;
import io.workspacebackend.server.ServerStartException;
import io.workspacebackend.testing.TestHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeakSecretTest {
  @TempDir Path temp;

  @Test
  void theServerRefusesToStartWithASecretUnder256Bits() throws Exception {
    TestHome home = TestHome.in(temp);
    Files.createDirectories(home.dataDir());
    Files.writeString(
        home.dataDir().resolve("jwt-secret"),
        Base64.getEncoder().encodeToString(new byte[16]) + "\n");

    // Docker holds the session image; "auto" would pick Podman on Linux, which may not have it yet.
    Map<String, String> flags = Map.of("server.port", "0", "container.runtime", "docker");

    assertThatThrownBy(() -> BackendServer.start(home.config(flags)))
        .isInstanceOf(ServerStartException.class)
        .hasMessageContaining("has 128 bits; at least 256 are required")
        .hasMessageNotContaining("\n");
  }
}
