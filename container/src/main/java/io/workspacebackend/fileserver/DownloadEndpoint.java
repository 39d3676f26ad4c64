package io.workspacebackend.fileserver;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code GET /file?path=P} and its {@code HEAD}: a file's bytes, or the range asked for. */
final class DownloadEndpoint implements Endpoint {

  private final Workspace workspace;

  DownloadEndpoint(Workspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public void handle(HttpExchange exchange, Query query) throws IOException, HttpProblem {
    var target = workspace.resolve(query.require("path"));
    if (!Files.exists(target.file())) {
      throw HttpProblem.notFound("no such file: " + target.relative());
    }
    var attributes = Files.readAttributes(target.file(), BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      throw HttpProblem.badRequest("not a file: " + target.relative());
    }
    long size = attributes.size();
    var headers = exchange.getResponseHeaders();
    headers.set("Accept-Ranges", "bytes");
    headers.set(
        "Last-Modified",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            attributes.lastModifiedTime().toInstant().atOffset(ZoneOffset.UTC)));
    ByteRange range;
    try {
      range =
          ByteRange.parse(exchange.getRequestHeaders().getFirst("Range"), size)
              .orElse(new ByteRange(0, size - 1));
    } catch (ByteRange.Unsatisfiable e) {
      headers.set("Content-Range", "bytes */" + size);
      throw new HttpProblem(416, "the file has " + size + " bytes");
    }
    boolean partial = range.length() != size;
    headers.set("Content-Type", ContentTypes.of(target.name()));
    // Files are served from the backend's origin: never let one run as a page there.
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Content-Security-Policy", "sandbox");
    if (partial) {
      headers.set("Content-Range", range.contentRange(size));
    }
    int status = partial ? 206 : 200;
    if (exchange.getRequestMethod().equals("HEAD")) {
      headers.set("Content-Length", Long.toString(range.length()));
      Responses.empty(exchange, status);
      return;
    }
    // A length of 0 means "chunked" to HttpServer; -1 means "no body".
    exchange.sendResponseHeaders(status, range.length() == 0 ? -1 : range.length());
    try (var channel = Files.newByteChannel(target.file());
        var out = exchange.getResponseBody()) {
      channel.position(range.first());
      StreamedFile.copy(limited(Channels.newInputStream(channel), range.length()), out);
    }
  }

  private static InputStream limited(InputStream in, long length) {
    return new InputStream() {
      private long remaining = length;

      @Override
      public int read() throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        remaining--;
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n > 0) {
          remaining -= n;
        }
        return n;
      }
    };
  }
}
