package io.workspacebackend.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.HostConfig;
import org.junit.jupiter.api.Test;

/** The user namespace each engine is asked for; the rest of the hardening runs in engine tests. */
class HardenedHostConfigTest {
  private static final ContainerSpec SESSION_LIKE =
      ContainerSpec.builder("userns", "image").user("1000:1000").build();

  @Test
  void rootlessPodmanMapsTheContainersUserToItsOwnAccount() {
    HostConfig config = HardenedHostConfig.of(SESSION_LIKE, EngineDialect.PODMAN, true);

    assertThat(config.getUsernsMode()).isEqualTo("keep-id:uid=1000,gid=1000");
  }

  @Test
  void rootfulEnginesKeepTheirDefaultNamespace() {
    assertThat(HardenedHostConfig.of(SESSION_LIKE, EngineDialect.PODMAN, false).getUsernsMode())
        .isNull();
    assertThat(HardenedHostConfig.of(SESSION_LIKE, EngineDialect.DOCKER, false).getUsernsMode())
        .isNull();
  }

  @Test
  void aUserNamedByNameGetsNoMapping() {
    ContainerSpec named = ContainerSpec.builder("userns", "image").user("dev").build();

    assertThat(HardenedHostConfig.of(named, EngineDialect.PODMAN, true).getUsernsMode()).isNull();
  }
}
