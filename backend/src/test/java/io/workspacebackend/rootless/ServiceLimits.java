package io.workspacebackend.rootless;

import java.io.IOException;

/**
 * The limits {@code examples/rootless/podman-limits.conf} gives the account's Podman service, which
 * rootless Podman before 5.5 passes on to every container.
 */
record ServiceLimits(long nofile, long nproc) {
  static ServiceLimits of(UnitFile dropIn) throws IOException {
    return new ServiceLimits(
        Long.parseLong(dropIn.single("Service", "LimitNOFILE")),
        Long.parseLong(dropIn.single("Service", "LimitNPROC")));
  }
}
