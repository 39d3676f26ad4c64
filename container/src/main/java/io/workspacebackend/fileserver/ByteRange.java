package io.workspacebackend.fileserver;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The part of a file a {@code Range} request header asks for (RFC 9110, section 14).
 *
 * @param first the offset of the first byte
 * @param last the offset of the last byte, inclusive
 */
record ByteRange(long first, long last) {

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  long length() {
    return last - first + 1;
  }

  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /**
   * The single range a header asks of a file of {@code size} bytes; empty for the whole file. A
   * header that is absent, malformed or asks for several ranges is ignored, as RFC 9110 allows.
   *
   * @throws Unsatisfiable when the range starts beyond the end of the file
   */
  static Optional<ByteRange> parse(String header, long size) throws Unsatisfiable {
    if (header == null) {
      return Optional.empty();
    }
    var matcher = SINGLE.matcher(header.strip());
    if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
      return Optional.empty();
    }
    try {
      if (matcher.group(1).isEmpty()) {
        long suffix = Long.parseLong(matcher.group(2));
        if (suffix == 0 || size == 0) {
          throw new Unsatisfiable();
        }
        return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long first = Long.parseLong(matcher.group(1));
      long last = matcher.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(matcher.group(2));
      if (last < first) {
        return Optional.empty();
      }
      if (first >= size) {
        throw new Unsatisfiable();
      }
      return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    } catch (NumberFormatException tooLong) {
      return Optional.empty();
    }
  }

  /** No byte of the file lies in the requested range. */
  static final class Unsatisfiable extends Exception {
    private static final long serialVersionUID = 1L;

    Unsatisfiable() {
      super("requested range lies beyond the end of the file", null, false, false);
    }
  }
}
