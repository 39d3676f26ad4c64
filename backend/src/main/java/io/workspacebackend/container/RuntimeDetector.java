package io.workspacebackend.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;
import io.workspacebackend.config.RuntimeKind;
import io.workspacebackend.config.WorkspaceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the container engine to use: tries each {@link SocketCandidate} in order, pings it and asks
 * its version, and takes the first that answers and is the runtime wanted. Failing that, it asks
 * the runtime's CLI for its socket. Every failed attempt is collected for the error message. A
 * Podman engine is also asked whether it is rootless, and what it then cannot enforce.
 *
 * <p>The runtime wanted is {@code container.runtime}; when that is {@code auto} and {@code
 * container.binary} is set, it is the engine that CLI drives: an operator who names {@code docker}
 * means Docker, even where Podman is found first.
 */
public final class RuntimeDetector {
  private final SocketCandidates candidates;
  private final BinarySocketQuery binaryQuery;

  RuntimeDetector(SocketCandidates candidates, BinarySocketQuery binaryQuery) {
    this.candidates = candidates;
    this.binaryQuery = binaryQuery;
  }

  public static RuntimeDetector forCurrentProcess() {
    return new RuntimeDetector(
        SocketCandidates.forCurrentProcess(), BinarySocketQuery.forCurrentProcess());
  }

  public DetectedRuntime detect(WorkspaceConfig.Container config) throws NoRuntimeException {
    RuntimeKind wanted = wantedKind(config);
    List<String> failures = new ArrayList<>();
    for (SocketCandidate candidate : candidates.list(wanted, config.socket())) {
      Optional<DetectedRuntime> found = probe(candidate, failures);
      if (found.isPresent()) {
        return found.get();
      }
    }
    if (config.socket().isEmpty()) {
      for (SocketCandidate candidate : binaryQuery.candidates(wanted, config.binary(), failures)) {
        Optional<DetectedRuntime> found = probe(candidate, failures);
        if (found.isPresent()) {
          return found.get();
        }
      }
    }
    throw new NoRuntimeException(describe(wanted, config), failures);
  }

  private static RuntimeKind wantedKind(WorkspaceConfig.Container config) {
    if (config.runtime() != RuntimeKind.AUTO || config.binary().isEmpty()) {
      return config.runtime();
    }
    return CliEngineKind.of(config.binary().get());
  }

  private static String describe(RuntimeKind wanted, WorkspaceConfig.Container config) {
    if (wanted == RuntimeKind.AUTO) {
      return "container runtime";
    }
    String engine = wanted.name().toLowerCase(Locale.ROOT) + " engine";
    boolean steered = config.runtime() == RuntimeKind.AUTO;
    return steered ? engine + " (as container.binary = " + config.binary().get() + ")" : engine;
  }

  private static Optional<DetectedRuntime> probe(SocketCandidate candidate, List<String> failures) {
    if ("unix".equals(candidate.uri().getScheme())
        && !Files.exists(Path.of(candidate.uri().getPath()))) {
      failures.add(candidate + ": no such socket");
      return Optional.empty();
    }
    try (DockerClient client = DockerClients.forProbing(candidate.uri())) {
      client.pingCmd().exec();
      Version version = client.versionCmd().exec();
      RuntimeKind kind = kindOf(version);
      if (candidate.expectedKind() != RuntimeKind.AUTO && candidate.expectedKind() != kind) {
        failures.add(candidate + ": answers, but is " + kind.name().toLowerCase(Locale.ROOT));
        return Optional.empty();
      }
      String engineVersion = engineVersion(version, kind);
      Optional<RootlessEngine> rootless =
          kind == RuntimeKind.PODMAN
              ? RootlessPodman.ask(candidate.uri(), engineVersion)
              : Optional.empty();
      return Optional.of(
          new DetectedRuntime(
              kind,
              candidate.uri(),
              candidate.source(),
              engineVersion,
              version.getApiVersion(),
              rootless));
    } catch (IOException | RuntimeException e) {
      failures.add(candidate + ": " + reason(e));
      return Optional.empty();
    }
  }

  /** Podman's compatible API names its engine component "Podman Engine"; Docker's says "Engine". */
  static RuntimeKind kindOf(Version version) {
    List<VersionComponent> components = version.getComponents();
    if (components != null) {
      for (VersionComponent component : components) {
        if (component.getName() != null
            && component.getName().toLowerCase(Locale.ROOT).contains("podman")) {
          return RuntimeKind.PODMAN;
        }
      }
    }
    return RuntimeKind.DOCKER;
  }

  private static String engineVersion(Version version, RuntimeKind kind) {
    if (kind == RuntimeKind.PODMAN && version.getComponents() != null) {
      for (VersionComponent component : version.getComponents()) {
        if ("Podman Engine".equals(component.getName())) {
          return component.getVersion();
        }
      }
    }
    return version.getVersion();
  }

  private static String reason(Exception e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message.strip();
  }
}
