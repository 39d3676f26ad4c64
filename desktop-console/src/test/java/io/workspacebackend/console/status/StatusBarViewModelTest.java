package io.workspacebackend.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.console.connection.Reconnection;
import io.workspacebackend.console.testing.HeldWork;
import io.workspacebackend.model.health.Health;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What the status bar says, with the window's real {@link Reconnection} and no window. */
class StatusBarViewModelTest {
  private final List<Consumer<Boolean>> probes = new ArrayList<>();
  private final Reconnection reconnection = new Reconnection(probes::add);
  private final HeldWork threading = new HeldWork();
  private Health health = health("docker", "20.10.24");
  private int healthCalls;
  private final StatusBarViewModel model =
      new StatusBarViewModel(
          URI.create("http://127.0.0.1:8080"),
          reconnection,
          () -> {
            healthCalls++;
            if (health == null) {
              throw new IOException("connection refused");
            }
            return health;
          },
          threading);

  @Test
  void namesTheServerAndItsEngineWithItsVersion() {
    model.refreshEngine();
    assertThat(model.engineTextProperty().get()).isEqualTo("Engine: asking…");
    threading.runAll();

    assertThat(model.serverText()).isEqualTo("http://127.0.0.1:8080");
    assertThat(model.engineTextProperty().get()).isEqualTo("Docker 20.10.24");
    assertThat(model.connectionTextProperty().get()).isEqualTo("Connected");
    assertThat(model.connectedProperty().get()).isTrue();
  }

  @Test
  void saysDisconnectedWhileTheBannerRetriesAndAsksTheEngineAgainOnReconnecting() {
    model.refreshEngine();
    threading.runAll();

    reconnection.lost();

    assertThat(model.connectionTextProperty().get()).isEqualTo("Disconnected — retrying");
    assertThat(model.connectedProperty().get()).isFalse();

    health = health("podman", "4.3.1");
    reconnection.retryNow();
    probes.get(0).accept(true);
    threading.runAll();

    assertThat(model.connectionTextProperty().get()).isEqualTo("Connected");
    assertThat(model.engineTextProperty().get()).isEqualTo("Podman 4.3.1");
    assertThat(healthCalls).isEqualTo(2);
  }

  @Test
  void anEngineThatCannotBeAskedIsUnknown() {
    health = null;
    model.refreshEngine();
    threading.runAll();

    assertThat(model.engineTextProperty().get()).isEqualTo("Engine unknown");
  }

  @Test
  void anEngineThatDoesNotAnswerTheServerIsUnavailable() {
    health =
        new Health(
            "unavailable",
            new Health.Part("down", Map.of("error", "docker: connection refused")),
            new Health.Part("down", Map.of("error", "cannot ask the runtime")),
            new Health.Part("up", Map.of()));
    model.refreshEngine();
    threading.runAll();

    assertThat(model.engineTextProperty().get()).isEqualTo("Engine unavailable");
  }

  private static Health health(String kind, String version) {
    return new Health(
        "ok",
        new Health.Part("up", Map.of("kind", kind, "engine_version", version, "rootless", false)),
        new Health.Part("up", Map.of("name", "opencode-dev:latest")),
        new Health.Part("up", Map.of()));
  }
}
