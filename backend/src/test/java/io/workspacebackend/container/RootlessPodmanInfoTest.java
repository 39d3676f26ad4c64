package io.workspacebackend.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What {@link RootlessPodman} reads from {@code /libpod/info}, as Podman writes it. */
class RootlessPodmanInfoTest {
  private static final String ROOTFUL =
      """
      {"host": {"security": {"rootless": false}, "cgroupVersion": "v1",
        "cgroupControllers": ["cpu", "memory", "pids"],
        "idMappings": {"uidmap": null, "gidmap": null}}}
      """;

  @Test
  void aRootfulEngineIsNotRootless() {
    assertThat(RootlessPodman.fromInfo(JsonMapper.shared().readTree(ROOTFUL), "4.3.1")).isEmpty();
  }

  @Test
  void rootlessOnCgroupV1EnforcesNoCgroupLimitAndBefore55NoUlimits() {
    RootlessEngine engine = rootless("v1", "[]", "4.3.1").orElseThrow();

    assertThat(engine.uid()).isEqualTo(1001);
    assertThat(engine.gid()).isEqualTo(1002);
    assertThat(engine.unenforcedLimits())
        .containsExactly("cpus", "memory_limit", "nofile and nproc ulimits", "pids_limit");
    assertThat(engine.reasons())
        .anySatisfy(reason -> assertThat(reason).contains("cgroup v1", "cgroup v2"))
        .anySatisfy(reason -> assertThat(reason).contains("containers/podman#25881"));
  }

  @Test
  void rootlessOnCgroupV2MissesOnlyTheControllersNotDelegated() {
    RootlessEngine engine = rootless("v2", "[\"cpu\", \"memory\"]", "5.5.0").orElseThrow();

    assertThat(engine.unenforcedLimits()).containsExactly("pids_limit");
    assertThat(engine.reasons()).singleElement().asString().contains("pids", "Delegate=");
  }

  @Test
  void rootlessOnCgroupV2WithEveryControllerAndPodman55EnforcesAll() {
    assertThat(rootless("v2", "[\"cpu\", \"memory\", \"pids\", \"io\"]", "5.6.1").orElseThrow())
        .returns(true, RootlessEngine::enforcesAllLimits);
  }

  @Test
  void versionsCompareByMajorThenMinor() {
    assertThat(RootlessPodman.before("4.3.1", 5, 5)).isTrue();
    assertThat(RootlessPodman.before("5.4.2", 5, 5)).isTrue();
    assertThat(RootlessPodman.before("5.5.0-rc1", 5, 5)).isFalse();
    assertThat(RootlessPodman.before("6.0.0", 5, 5)).isFalse();
  }

  private static Optional<RootlessEngine> rootless(
      String cgroupVersion, String controllers, String version) {
    String info =
        """
        {"host": {"security": {"rootless": true}, "cgroupVersion": "%s",
          "cgroupControllers": %s,
          "idMappings": {
            "uidmap": [{"container_id": 0, "host_id": 1001, "size": 1},
                       {"container_id": 1, "host_id": 100000, "size": 65536}],
            "gidmap": [{"container_id": 0, "host_id": 1002, "size": 1},
                       {"container_id": 1, "host_id": 100000, "size": 65536}]}}}
        """
            .formatted(cgroupVersion, controllers);
    return RootlessPodman.fromInfo(JsonMapper.shared().readTree(info), version);
  }
}
