package io.workspacebackend.fileserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) one part at a time. A part's content is
 * handed out as a stream that ends at the next boundary, so a part of any size passes through a
 * buffer of fixed size and is never held in memory whole.
 */
final class MultipartStream {

  private static final int MAX_HEADER_BYTES = 16 * 1024;
  private static final Pattern BOUNDARY =
      Pattern.compile(
          "(?i)^multipart/form-data\\s*;.*?\\bboundary=(\"([^\"]{1,70})\"|([^\\s;]{1,70})).*$");

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buffer;
  private int position;
  private int limit;
  private boolean finished;
  private PartContent current;

  /**
   * @param contentType the request's {@code Content-Type}, which names the boundary
   * @throws HttpProblem 415 when the body is not {@code multipart/form-data} with a boundary
   */
  MultipartStream(InputStream in, String contentType) throws HttpProblem {
    var matcher = BOUNDARY.matcher(contentType == null ? "" : contentType.strip());
    if (!matcher.matches()) {
      throw new HttpProblem(415, "expected a multipart/form-data body with a boundary");
    }
    var boundary = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.buffer = new byte[StreamedFile.BUFFER_SIZE + delimiter.length];
    // The first boundary has no line break before it; pretending it has lets one search find all.
    buffer[0] = '\r';
    buffer[1] = '\n';
    limit = 2;
    // Whatever precedes the first boundary is a preamble to skip.
    current = new PartContent();
  }

  /** The next part's headers, its content readable from {@link #content()}; empty at the end. */
  Optional<Part> next() throws IOException {
    current.skipRest();
    if (finished) {
      return Optional.empty();
    }
    if (startsWith("--")) {
      finished = true;
      return Optional.empty();
    }
    skipLinearWhitespace();
    if (!startsWith("\r\n")) {
      throw new MalformedMultipart("a boundary is not followed by a line break");
    }
    var part = readHeaders();
    current = new PartContent();
    return Optional.of(part);
  }

  /** The content of the part {@link #next()} returned last, ending at the next boundary. */
  InputStream content() {
    return current;
  }

  private boolean startsWith(String expected) throws IOException {
    if (!fill(expected.length())) {
      throw new MalformedMultipart("the body ends inside a boundary");
    }
    for (int i = 0; i < expected.length(); i++) {
      if (buffer[position + i] != expected.charAt(i)) {
        return false;
      }
    }
    position += expected.length();
    return true;
  }

  private void skipLinearWhitespace() throws IOException {
    while (fill(1) && (buffer[position] == ' ' || buffer[position] == '\t')) {
      position++;
    }
  }

  private Part readHeaders() throws IOException {
    String disposition = null;
    int total = 0;
    while (true) {
      var line = readLine(MAX_HEADER_BYTES - total);
      total += line.length() + 2;
      if (line.isEmpty()) {
        return Part.of(disposition);
      }
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Disposition")) {
        disposition = line.substring(colon + 1).strip();
      }
    }
  }

  private String readLine(int maxBytes) throws IOException {
    int length = 0;
    while (true) {
      if (!fill(length + 2)) {
        throw new MalformedMultipart("the body ends inside a part's headers");
      }
      if (buffer[position + length] == '\r' && buffer[position + length + 1] == '\n') {
        var line = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length + 2;
        return line;
      }
      length++;
      if (length >= maxBytes || length + 2 > buffer.length) {
        throw new MalformedMultipart(
            "a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
      }
    }
  }

  /** Makes at least {@code count} unread bytes available; false if the body ends first. */
  private boolean fill(int count) throws IOException {
    if (limit - position >= count) {
      return true;
    }
    System.arraycopy(buffer, position, buffer, 0, limit - position);
    limit -= position;
    position = 0;
    while (limit < count) {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        return false;
      }
      limit += n;
    }
    return true;
  }

  private int indexOfDelimiter() {
    outer:
    for (int i = position; i <= limit - delimiter.length; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (buffer[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** One part's content: the bytes up to the next delimiter, which it consumes at its end. */
  private final class PartContent extends InputStream {

    private boolean ended;

    @Override
    public int read() throws IOException {
      var one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (ended) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      while (true) {
        int found = indexOfDelimiter();
        // Without a delimiter in sight, all but its length minus one bytes are surely content.
        int available = found >= 0 ? found - position : limit - position - (delimiter.length - 1);
        if (available > 0) {
          int n = Math.min(available, length);
          System.arraycopy(buffer, position, target, offset, n);
          position += n;
          return n;
        }
        if (found >= 0) {
          position += delimiter.length;
          ended = true;
          return -1;
        }
        if (!fill(limit - position + 1)) {
          throw new MalformedMultipart("the body ends without its closing boundary");
        }
      }
    }

    void skipRest() throws IOException {
      var sink = new byte[StreamedFile.BUFFER_SIZE];
      while (read(sink, 0, sink.length) >= 0) {
        // discard
      }
    }
  }

  /**
   * The headers of one part that matter here.
   *
   * @param name the form field name
   * @param fileName the file name the client gave, if the part is a file
   */
  record Part(String name, Optional<String> fileName) {

    private static final Pattern PARAMETER =
        Pattern.compile("\\s*;\\s*([^=\\s;]+)\\s*=\\s*(\"([^\"]*)\"|[^;]*)");

    static Part of(String disposition) throws MalformedMultipart {
      if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
        throw new MalformedMultipart("a part has no Content-Disposition: form-data header");
      }
      String name = null;
      String fileName = null;
      String extendedFileName = null;
      var matcher = PARAMETER.matcher(disposition.substring("form-data".length()));
      while (matcher.find()) {
        // Browsers percent-encode quotes in names and send backslashes as they are (HTML's
        // multipart/form-data rules), so a quoted value has no escapes to undo.
        var value = matcher.group(3) != null ? matcher.group(3) : matcher.group(2).strip();
        switch (matcher.group(1).toLowerCase(Locale.ROOT)) {
          case "name" -> name = value;
          case "filename" -> fileName = value;
          case "filename*" -> extendedFileName = decodeExtended(value);
          default -> {
            // other parameters do not matter here
          }
        }
      }
      return new Part(
          name == null ? "" : name,
          Optional.ofNullable(extendedFileName != null ? extendedFileName : fileName));
    }

    /** An RFC 8187 value such as {@code UTF-8''na%C3%AFve.txt}. */
    private static String decodeExtended(String value) throws MalformedMultipart {
      var pieces = value.split("'", 3);
      if (pieces.length != 3 || !pieces[0].equalsIgnoreCase("UTF-8")) {
        throw new MalformedMultipart("filename* must be UTF-8 encoded");
      }
      try {
        return URLDecoder.decode(pieces[2].replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new MalformedMultipart("filename* is not properly percent-encoded");
      }
    }
  }

  /** The body does not follow the multipart syntax. */
  static final class MalformedMultipart extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedMultipart(String detail) {
      super(detail);
    }
  }
}
