package io.workspacebackend.container;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link ContainerSpec} into the engine's host configuration, hardening included. */
final class HardenedHostConfig {
  /** Published ports are reachable from this machine only; the backend's proxy is the way in. */
  static final String LOOPBACK = "127.0.0.1";

  private HardenedHostConfig() {}

  static List<ExposedPort> exposedPorts(ContainerSpec spec) {
    return spec.ports().keySet().stream().sorted().map(ExposedPort::tcp).toList();
  }

  static HostConfig of(ContainerSpec spec, EngineDialect dialect, boolean rootless) {
    long memory = spec.memory().toBytes();
    Ports ports = new Ports();
    for (Map.Entry<Integer, Integer> port : spec.ports().entrySet()) {
      ports.add(
          new PortBinding(
              port.getValue() > 0
                  ? Ports.Binding.bindIpAndPort(LOOPBACK, port.getValue())
                  : Ports.Binding.bindIp(LOOPBACK),
              ExposedPort.tcp(port.getKey())));
    }
    HostConfig config =
        HostConfig.newHostConfig()
            .withPortBindings(ports)
            .withBinds(
                spec.binds().entrySet().stream()
                    .map(
                        bind ->
                            new Bind(
                                bind.getKey().toString(),
                                new Volume(bind.getValue()),
                                AccessMode.rw))
                    .toList())
            .withCapDrop(Capability.ALL)
            .withSecurityOpts(List.of("no-new-privileges"))
            .withMemory(memory)
            // Swap equal to the limit means none: a container over its limit is OOM-killed at
            // once instead of thrashing the host's swap.
            .withMemorySwap(memory)
            .withNanoCPUs(spec.nanoCpus())
            .withPidsLimit(spec.pidsLimit())
            .withUlimits(dialect.ulimits(spec.nofile(), spec.nproc()))
            .withTmpFs(tmpfs(spec, dialect))
            .withReadonlyRootfs(spec.readOnlyRootfs())
            // The session decides whether to restart; the engine must not resurrect containers.
            .withRestartPolicy(RestartPolicy.noRestart());
    spec.network().ifPresent(config::withNetworkMode);
    dialect.usernsMode(rootless, spec.user()).ifPresent(config::withUsernsMode);
    return config;
  }

  private static Map<String, String> tmpfs(ContainerSpec spec, EngineDialect dialect) {
    Map<String, String> mounts = new LinkedHashMap<>();
    for (Tmpfs tmpfs : spec.tmpfs()) {
      mounts.put(tmpfs.path(), dialect.tmpfsOptions(tmpfs, spec.user().orElse("")));
    }
    return mounts;
  }
}
