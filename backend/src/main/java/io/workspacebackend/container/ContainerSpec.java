package io.workspacebackend.container;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;

/**
 * A container to create. The hardening is not optional: all capabilities dropped, no new
 * privileges, no swap beyond {@code memory}. {@code ports} maps container ports to host ports on
 * 127.0.0.1 (0 lets the engine pick); {@code binds} maps host paths to container paths, mounted
 * read-write; {@code tmpfs} lists tmpfs mounts (one owned by the user needs {@code user} as a
 * numeric {@code uid:gid}). {@code nofile} and {@code nproc} are soft and hard limits, 0 for the
 * engine's default. With {@code readOnlyRootfs}, the binds and tmpfs mounts are the only places the
 * container can write.
 */
public record ContainerSpec(
    String name,
    String image,
    List<String> command,
    Map<String, String> env,
    Map<String, String> labels,
    Map<Integer, Integer> ports,
    Map<Path, String> binds,
    List<Tmpfs> tmpfs,
    Optional<String> user,
    Optional<String> network,
    DataSize memory,
    long nanoCpus,
    long pidsLimit,
    long nofile,
    long nproc,
    boolean readOnlyRootfs) {

  /** A user as {@code uid:gid}, which Docker's tmpfs owner options need (see EngineDialect). */
  static final Pattern NUMERIC_USER = Pattern.compile("\\d+:\\d+");

  public ContainerSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    command = List.copyOf(command);
    env = Map.copyOf(env);
    labels = Map.copyOf(labels);
    ports = Map.copyOf(ports);
    binds = Map.copyOf(binds);
    tmpfs = List.copyOf(tmpfs);
    Objects.requireNonNull(memory, "memory");
    if (tmpfs.stream().map(Tmpfs::path).distinct().count() < tmpfs.size()) {
      throw new IllegalArgumentException("two tmpfs mounts at one path: " + tmpfs);
    }
    if (tmpfs.stream().anyMatch(Tmpfs::ownedByUser)
        && user.filter(NUMERIC_USER.asMatchPredicate()).isEmpty()) {
      throw new IllegalArgumentException(
          "a tmpfs owned by the container's user needs a numeric uid:gid user, not " + user);
    }
  }

  public static Builder builder(String name, String image) {
    return new Builder(name, image);
  }

  /** Collects a spec's settings; defaults are modest limits for a development container. */
  public static final class Builder {
    private final String name;
    private final String image;
    private List<String> command = List.of();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<Integer, Integer> ports = new LinkedHashMap<>();
    private final Map<Path, String> binds = new LinkedHashMap<>();
    private final List<Tmpfs> tmpfs = new ArrayList<>();
    private Optional<String> user = Optional.empty();
    private Optional<String> network = Optional.empty();
    private DataSize memory = DataSize.ofGigabytes(2);
    private long nanoCpus = 2_000_000_000L;
    private long pidsLimit = 512;
    private long nofile = 4096;
    private long nproc = 4096;
    private boolean readOnlyRootfs;

    private Builder(String name, String image) {
      this.name = name;
      this.image = image;
    }

    /** Replaces the image's command; empty keeps it. */
    public Builder command(List<String> command) {
      this.command = List.copyOf(command);
      return this;
    }

    public Builder env(Map<String, String> env) {
      this.env.putAll(env);
      return this;
    }

    public Builder labels(Map<String, String> labels) {
      this.labels.putAll(labels);
      return this;
    }

    /** Publishes {@code containerPort} on 127.0.0.1:{@code hostPort}; 0 picks a free port. */
    public Builder port(int containerPort, int hostPort) {
      ports.put(containerPort, hostPort);
      return this;
    }

    public Builder bind(Path hostPath, String containerPath) {
      binds.put(hostPath, containerPath);
      return this;
    }

    public Builder tmpfs(Tmpfs mount) {
      tmpfs.add(mount);
      return this;
    }

    /** {@code uid}, {@code uid:gid} or a user name the image knows. */
    public Builder user(String user) {
      this.user = Optional.of(user);
      return this;
    }

    public Builder network(String network) {
      this.network = Optional.of(network);
      return this;
    }

    public Builder memory(DataSize memory) {
      this.memory = memory;
      return this;
    }

    public Builder nanoCpus(long nanoCpus) {
      this.nanoCpus = nanoCpus;
      return this;
    }

    public Builder pidsLimit(long pidsLimit) {
      this.pidsLimit = pidsLimit;
      return this;
    }

    public Builder ulimits(long nofile, long nproc) {
      this.nofile = nofile;
      this.nproc = nproc;
      return this;
    }

    public Builder readOnlyRootfs(boolean readOnlyRootfs) {
      this.readOnlyRootfs = readOnlyRootfs;
      return this;
    }

    public ContainerSpec build() {
      return new ContainerSpec(
          name,
          image,
          command,
          env,
          labels,
          ports,
          binds,
          tmpfs,
          user,
          network,
          memory,
          nanoCpus,
          pidsLimit,
          nofile,
          nproc,
          readOnlyRootfs);
    }
  }
}
