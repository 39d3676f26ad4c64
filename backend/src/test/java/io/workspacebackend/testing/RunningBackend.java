package io.workspacebackend.testing;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.server.BackendServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real backend on a random port with its own home and SQLite file, started once per test class:
 * {@code @RegisterExtension static RunningBackend backend = new RunningBackend();}
 */
public final class RunningBackend implements BeforeAllCallback, AfterAllCallback {
  private static final JsonMapper SNAKE_CASE =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final Map<String, String> overrides = new HashMap<>();
  private final UnreadBodies unreadBodies = new UnreadBodies();
  private Preparation preparation = () -> {};
  private boolean startsSessions = true;
  private SpringApplicationHook hook;
  private Path directory;
  private TestHome home;
  private WorkspaceConfig config;
  private BackendServer server;

  /** Adds a configuration flag ({@code "section.key"}) for this backend. */
  public RunningBackend with(String key, String value) {
    overrides.put(key, value);
    return this;
  }

  /**
   * For test classes that start no session: the session image is taken as the engine has it (see
   * {@link SessionImage#ensurePresent()}) instead of being built from this checkout.
   */
  public RunningBackend withoutSessions() {
    startsSessions = false;
    return this;
  }

  /** Lets {@code hook} see the server's Spring application as it starts (each start). */
  public RunningBackend hookedBy(SpringApplicationHook hook) {
    this.hook = hook;
    return this;
  }

  /** Work to do before the server starts, such as giving another engine the session image. */
  public RunningBackend beforeStart(Preparation preparation) {
    this.preparation = preparation;
    return this;
  }

  /** A step that may throw, run once before the server starts. */
  @FunctionalInterface
  public interface Preparation {
    void run() throws Exception;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    directory = Files.createTempDirectory("workspace-backend-test");
    home = TestHome.in(directory);
    if (startsSessions) {
      SessionImage.ensureBuilt();
    } else {
      SessionImage.ensurePresent();
    }
    preparation.run();
    Map<String, String> flags = new HashMap<>(overrides);
    flags.putIfAbsent("server.port", "0");
    // CI runs Podman too, which "auto" would prefer on Linux; the session image is on Docker.
    flags.putIfAbsent("container.runtime", "docker");
    config = home.config(flags);
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    unreadBodies.release();
    if (server != null) {
      server.close();
    }
    TemporaryDirectories.delete(directory);
  }

  /**
   * A client that speaks the API's snake_case JSON, so responses decode into shared-model. Bodies a
   * test does not read are released when the class ends ({@link UnreadBodies}).
   */
  public WebTestClient client() {
    return WebTestClient.bindToServer()
        .baseUrl(server.baseUri().toString())
        // CI machines have two cores, shared with the engine starting many containers.
        .responseTimeout(Duration.ofSeconds(30))
        .filter(unreadBodies)
        .codecs(
            codecs -> {
              codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(SNAKE_CASE));
              codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(SNAKE_CASE));
            })
        .build();
  }

  /** Stops the server (the test then changes the world, and calls {@link #start()}). */
  public void stop() {
    unreadBodies.release();
    server.close();
  }

  public void start() throws Exception {
    server =
        hook == null
            ? BackendServer.start(config)
            : SpringApplication.withHook(hook, () -> BackendServer.start(config));
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
