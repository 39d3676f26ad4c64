package io.workspacebackend.fileserver;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Files;

/** {@code GET /tree?path=P&depth=N&hidden=B}: an entry and its children down to a depth. */
final class TreeEndpoint implements Endpoint {

  /** Deep enough for any tree view; a bound on the work one request can ask for. */
  static final int MAX_DEPTH = 16;

  private final Workspace workspace;
  private final Entries entries;

  TreeEndpoint(Workspace workspace, Entries entries) {
    this.workspace = workspace;
    this.entries = entries;
  }

  @Override
  public void handle(HttpExchange exchange, Query query) throws IOException, HttpProblem {
    var target = workspace.resolve(query.get("path").orElse(""));
    int depth = query.integer("depth", 1, 0, MAX_DEPTH);
    boolean hidden = query.flag("hidden");
    if (!Files.exists(target.file())) {
      throw HttpProblem.notFound("no such file or directory: " + target.relative());
    }
    Responses.json(exchange, 200, entries.tree(target, depth, hidden));
  }
}
