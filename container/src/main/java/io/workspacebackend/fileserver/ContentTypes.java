package io.workspacebackend.fileserver;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

/** The media type a file is served with, judged from its name. */
final class ContentTypes {

  private static final String TEXT = "text/plain; charset=utf-8";

  /**
   * The types a workspace of source code mostly holds. The JDK's own table, asked for the rest,
   * knows images and documents but not most source files; without an entry here a Java or
   * TypeScript file would download as bytes instead of showing as text.
   */
  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("txt", TEXT),
          Map.entry("md", "text/markdown; charset=utf-8"),
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("htm", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("csv", "text/csv; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("xml", "application/xml"),
          Map.entry("yaml", "application/yaml"),
          Map.entry("yml", "application/yaml"),
          Map.entry("toml", TEXT),
          Map.entry("ts", TEXT),
          Map.entry("tsx", TEXT),
          Map.entry("jsx", TEXT),
          Map.entry("java", TEXT),
          Map.entry("kt", TEXT),
          Map.entry("py", TEXT),
          Map.entry("rb", TEXT),
          Map.entry("go", TEXT),
          Map.entry("rs", TEXT),
          Map.entry("c", TEXT),
          Map.entry("h", TEXT),
          Map.entry("cpp", TEXT),
          Map.entry("sh", TEXT),
          Map.entry("sql", TEXT),
          Map.entry("properties", TEXT),
          Map.entry("log", TEXT),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("ico", "image/vnd.microsoft.icon"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("zip", "application/zip"),
          Map.entry("gz", "application/gzip"),
          Map.entry("tar", "application/x-tar"),
          Map.entry("wasm", "application/wasm"));

  private ContentTypes() {}

  static String of(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot > 0) {
      var known = BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
      if (known != null) {
        return known;
      }
    }
    var guessed = URLConnection.guessContentTypeFromName(fileName);
    return guessed != null ? guessed : "application/octet-stream";
  }
}
