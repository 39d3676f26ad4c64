package io.workspacebackend.server;

import io.workspacebackend.config.WorkspaceConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * Translates our configuration into the Spring Boot properties it drives. Spring never reads a file
 * of its own: the TOML file is the only configuration a user writes.
 */
final class SpringProperties {
  private SpringProperties() {}

  static Map<String, Object> from(WorkspaceConfig config) {
    Map<String, Object> properties = new HashMap<>();
    // Only our own file configures the server; an application.properties in the working
    // directory must not change it.
    properties.put("spring.config.location", "classpath:/workspace-backend-defaults.properties");
    properties.put("server.address", config.server().host());
    properties.put("server.port", config.server().port());
    properties.put("spring.codec.max-in-memory-size", config.server().maxBodySize().toBytes());
    properties.put("logging.level.root", config.logging().level().name());
    config.logging().file().ifPresent(file -> properties.put("logging.file.name", file.toString()));
    return properties;
  }
}
