package io.workspacebackend.session;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which installation made a container: several backends may share one engine (a test run beside a
 * dev server, two operators' instances), and each must only adopt or remove its own. The value is
 * derived from the data directory, so it survives restarts without being stored.
 */
@Component
class InstanceLabel {
  static final String KEY = "io.workspace-backend.instance";

  private final String value;

  InstanceLabel(WorkspaceConfig config) {
    this.value = hash(config.paths().dataDir().toAbsolutePath().normalize().toString());
  }

  String value() {
    return value;
  }

  /** The labels that select this installation's containers. */
  Map<String, String> selector() {
    return Map.of(ContainerRuntime.MANAGED_LABEL, "true", KEY, value);
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
