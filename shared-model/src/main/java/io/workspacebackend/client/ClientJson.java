package io.workspacebackend.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The API's JSON: snake_case, unknown fields ignored, absent (null) fields left out. */
final class ClientJson {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private ClientJson() {}

  static String write(Object value) {
    return JSON.writeValueAsString(value);
  }

  static <T> T read(String body, Class<T> type) {
    return JSON.readValue(body, type);
  }

  static <T> T read(String body, TypeReference<T> type) {
    return JSON.readValue(body, type);
  }

  /** The exception for an error answer, from its problem body when it has one. */
  static ApiException problem(int status, String body) {
    try {
      JsonNode problem = JSON.readTree(body);
      List<ApiException.FieldError> errors = new ArrayList<>();
      for (JsonNode error : problem.path("errors")) {
        errors.add(
            new ApiException.FieldError(
                error.path("field").asString(""), error.path("message").asString("")));
      }
      return new ApiException(
          status,
          problem.path("title").asString(reasonPhrase(status)),
          problem.hasNonNull("detail") ? problem.get("detail").asString() : null,
          errors);
    } catch (JacksonException e) {
      return new ApiException(status, reasonPhrase(status), null, List.of());
    }
  }

  /** The exception for a problem that came without a response of its own (an event's data). */
  static ApiException problem(String body) {
    int status;
    try {
      status = JSON.readTree(body).path("status").asInt(0);
    } catch (JacksonException e) {
      status = 0;
    }
    return problem(status, body);
  }

  private static String reasonPhrase(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 429 -> "Too Many Requests";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> "HTTP " + status;
    };
  }
}
