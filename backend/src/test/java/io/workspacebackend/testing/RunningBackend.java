package io.workspacebackend.testing;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.server.BackendServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real backend on a random port with its own home and SQLite file, started once per test class:
 * {@code @RegisterExtension static RunningBackend backend = new RunningBackend();}
 */
public final class RunningBackend implements BeforeAllCallback, AfterAllCallback {
  private final Map<String, String> overrides = new HashMap<>();
  private Path directory;
  private TestHome home;
  private WorkspaceConfig config;
  private BackendServer server;

  /** Adds a configuration flag ({@code "section.key"}) for this backend. */
  public RunningBackend with(String key, String value) {
    overrides.put(key, value);
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    directory = Files.createTempDirectory("workspace-backend-test");
    home = TestHome.in(directory);
    Map<String, String> flags = new HashMap<>(overrides);
    flags.putIfAbsent("server.port", "0");
    config = home.config(flags);
    server = BackendServer.start(config);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (server != null) {
      server.close();
    }
    TemporaryDirectories.delete(directory);
  }

  public WebTestClient client() {
    return WebTestClient.bindToServer().baseUrl(server.baseUri().toString()).build();
  }

  public BackendServer server() {
    return server;
  }

  public WorkspaceConfig config() {
    return config;
  }

  public TestHome home() {
    return home;
  }
}
