package io.workspacebackend.fileserver;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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

  /**
   * Percent-decodes {@code raw} ({@code +} is a space) and reads the bytes as strict UTF-8: an
   * overlong or otherwise malformed sequence such as {@code %c0%ae} is refused, never turned into a
   * replacement character or a dot.
   */
  private static String decode(String raw) throws HttpProblem {
    var bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw HttpProblem.badRequest("malformed percent-encoding in the query string");
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw HttpProblem.badRequest("malformed percent-encoding in the query string");
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        int codePoint = raw.codePointAt(i);
        bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint) - 1;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw HttpProblem.badRequest("the query string is not valid UTF-8");
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
