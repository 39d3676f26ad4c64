package io.workspacebackend.proxy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The path and query a request is forwarded with: its prefix ({@code /sessions/{id}/<service>})
 * stripped, the rest passed on unchanged — unless, decoded once, it could leave the prefix. Any
 * {@code .} or {@code ..} segment (whether written plainly, percent-encoded, with backslashes or
 * with {@code ;} parameters), anything still percent-encoded after one decoding (double encoding),
 * a NUL or a malformed escape is refused with 400 rather than normalised: no client needs them, and
 * a refusal cannot be misread by a service that decodes differently.
 */
final class ForwardedPath {
  private static final List<String> ENCODED_AFTER_DECODING = List.of("%2e", "%2f", "%5c", "%25");

  private ForwardedPath() {}

  /**
   * The upstream path and query for a request whose raw (still encoded) path starts with {@code
   * prefixSegments} segments that name the session and service.
   */
  static String of(String rawPath, int prefixSegments, String rawQuery) {
    String rest = remainder(rawPath, prefixSegments);
    check(rest);
    String query = withoutToken(rawQuery);
    return (rest.isEmpty() ? "/" : rest) + (query.isEmpty() ? "" : "?" + query);
  }

  static String remainder(String rawPath, int prefixSegments) {
    int index = 0;
    for (int segment = 0; segment < prefixSegments; segment++) {
      index = rawPath.indexOf('/', index + 1);
      if (index < 0) {
        return "";
      }
    }
    return rawPath.substring(index);
  }

  static void check(String rawRest) {
    String decoded = decode(rawRest);
    if (decoded.indexOf('\0') >= 0) {
      throw new UnsafePathException("the path contains a NUL character");
    }
    String lower = decoded.toLowerCase(Locale.ROOT);
    for (String escape : ENCODED_AFTER_DECODING) {
      if (lower.contains(escape)) {
        throw new UnsafePathException("the path is encoded more than once");
      }
    }
    for (String segment : decoded.replace('\\', '/').split("/", -1)) {
      int parameters = segment.indexOf(';');
      String name = parameters < 0 ? segment : segment.substring(0, parameters);
      if (name.equals(".") || name.equals("..")) {
        throw new UnsafePathException("the path contains a '.' or '..' segment");
      }
    }
  }

  /** The raw query without any {@code token} parameter (however its name is encoded). */
  static String withoutToken(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    boolean dropped = false;
    for (String pair : rawQuery.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (decodedName(name).equals("token")) {
        dropped = true;
      } else {
        kept.add(pair);
      }
    }
    return dropped ? String.join("&", kept) : rawQuery;
  }

  private static String decodedName(String name) {
    try {
      return decode(name.replace('+', ' '));
    } catch (UnsafePathException e) {
      return name;
    }
  }

  /** Strict percent-decoding as UTF-8: a malformed escape or invalid UTF-8 is refused. */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        continue;
      }
      if (i + 2 >= raw.length()) {
        throw new UnsafePathException("the path has a truncated percent-escape");
      }
      int high = Character.digit(raw.charAt(i + 1), 16);
      int low = Character.digit(raw.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        throw new UnsafePathException("the path has a malformed percent-escape");
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UnsafePathException("the path is not valid UTF-8 once decoded");
    }
  }
}
