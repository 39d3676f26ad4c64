package io.workspacebackend.fileserver;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** {@code PUT /file?path=P}: the streamed body becomes the file, 201 if new, 204 if replaced. */
final class WriteEndpoint implements Endpoint {

  private final Workspace workspace;
  private final Entries entries;

  WriteEndpoint(Workspace workspace, Entries entries) {
    this.workspace = workspace;
    this.entries = entries;
  }

  @Override
  public void handle(HttpExchange exchange, Query query) throws IOException, HttpProblem {
    var target = workspace.resolve(query.require("path"));
    boolean created;
    try (var body = exchange.getRequestBody()) {
      created = StreamedFile.write(workspace, target, body);
    }
    if (created) {
      Responses.json(exchange, 201, entries.read(target));
    } else {
      Responses.empty(exchange, 204);
    }
  }
}
