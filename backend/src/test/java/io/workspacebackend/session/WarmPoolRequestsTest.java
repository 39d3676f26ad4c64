package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.session.CreateSessionRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which requests a warm slot can serve: those asking for nothing a slot was not made with. */
class WarmPoolRequestsTest {
  private static final String DEFAULT = "opencode-dev:latest";

  @Test
  void theDefaultsWithAnyNameAreServed() {
    assertThat(WarmClaims.servable(new CreateSessionRequest(null, null, null, null), DEFAULT))
        .isTrue();
    assertThat(WarmClaims.servable(new CreateSessionRequest("demo", "", " ", Map.of()), DEFAULT))
        .isTrue();
    assertThat(WarmClaims.servable(new CreateSessionRequest("demo", DEFAULT, null, null), DEFAULT))
        .isTrue();
  }

  @Test
  void anotherImageAnEnvOrAChosenWorkspaceIsNot() {
    assertThat(
            WarmClaims.servable(
                new CreateSessionRequest(null, "busybox:latest", null, null), DEFAULT))
        .isFalse();
    assertThat(
            WarmClaims.servable(
                new CreateSessionRequest(null, null, null, Map.of("A", "b")), DEFAULT))
        .isFalse();
    assertThat(
            WarmClaims.servable(new CreateSessionRequest(null, null, "projects/a", null), DEFAULT))
        .isFalse();
  }
}
