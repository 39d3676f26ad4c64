package io.workspacebackend.cli;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What {@code --json} prints: the API's JSON (snake_case), indented for people too. */
final class CliJson {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private CliJson() {}

  static String write(Object value) {
    return JSON.writeValueAsString(value);
  }
}
