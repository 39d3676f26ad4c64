package io.workspacebackend.fileserver;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The decoded parameters of a request's query string, each given at most once. */
final class Query {

  private final Map<String, String> values;

  private Query(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Decodes the raw query exactly once. A repeated parameter is refused rather than resolved,
   * because two components disagreeing on which copy counts is how path checks get bypassed.
   */
  static Query of(URI uri) throws HttpProblem {
    var raw = uri.getRawQuery();
    var values = new HashMap<String, String>();
    if (raw == null || raw.isEmpty()) {
      return new Query(values);
    }
    for (var pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      var name = decode(eq < 0 ? pair : pair.substring(0, eq));
      var value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (values.putIfAbsent(name, value) != null) {
        throw HttpProblem.badRequest("query parameter '" + name + "' is given more than once");
      }
    }
    return new Query(values);
  }

  private static String decode(String raw) throws HttpProblem {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest("malformed percent-encoding in the query string");
    }
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  String require(String name) throws HttpProblem {
    var value = values.get(name);
    if (value == null) {
      throw HttpProblem.badRequest("query parameter '" + name + "' is required");
    }
    return value;
  }

  boolean flag(String name) throws HttpProblem {
    var value = values.get(name);
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.isEmpty() || value.equals("true")) {
      return true;
    }
    throw HttpProblem.badRequest("query parameter '" + name + "' must be true or false");
  }

  int integer(String name, int defaultValue, int min, int max) throws HttpProblem {
    var value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // answered below, like an out-of-range number
    }
    throw HttpProblem.badRequest(
        "query parameter '" + name + "' must be a whole number from " + min + " to " + max);
  }
}
