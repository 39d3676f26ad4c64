package io.workspacebackend.fileserver;

import com.sun.net.httpserver.HttpExchange;
import io.workspacebackend.model.files.FileEntry;
import java.io.IOException;
import java.util.ArrayList;

/**
 * {@code POST /upload?path=DIR}: every file part of a multipart body is streamed into DIR, which is
 * created if missing, under the last segment of the name the client gave it.
 */
final class UploadEndpoint implements Endpoint {

  private final Workspace workspace;
  private final Entries entries;

  UploadEndpoint(Workspace workspace, Entries entries) {
    this.workspace = workspace;
    this.entries = entries;
  }

  @Override
  public void handle(HttpExchange exchange, Query query) throws IOException, HttpProblem {
    var directory = workspace.resolve(query.get("path").orElse(""));
    workspace.createDirectories(directory.file());
    var uploaded = new ArrayList<FileEntry>();
    try (var body = exchange.getRequestBody()) {
      var multipart =
          new MultipartStream(body, exchange.getRequestHeaders().getFirst("Content-Type"));
      for (var part = multipart.next(); part.isPresent(); part = multipart.next()) {
        if (part.get().fileName().isEmpty()) {
          continue;
        }
        var target = workspace.child(directory, baseName(part.get().fileName().get()));
        StreamedFile.write(workspace, target, multipart.content());
        uploaded.add(entries.read(target));
      }
    }
    if (uploaded.isEmpty()) {
      throw HttpProblem.badRequest("the upload holds no file part");
    }
    Responses.json(exchange, 201, uploaded);
  }

  /** Some clients send a whole path as the file name; only its last segment names the file. */
  private static String baseName(String fileName) throws HttpProblem {
    var name =
        fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw HttpProblem.badRequest("unusable file name in the upload: " + fileName);
    }
    return name;
  }
}
