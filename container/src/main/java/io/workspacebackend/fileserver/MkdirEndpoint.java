package io.workspacebackend.fileserver;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;

/** {@code POST /mkdir?path=P}: creates the directory and any missing parents, 201. */
final class MkdirEndpoint implements Endpoint {

  private final Workspace workspace;
  private final Entries entries;

  MkdirEndpoint(Workspace workspace, Entries entries) {
    this.workspace = workspace;
    this.entries = entries;
  }

  @Override
  public void handle(HttpExchange exchange, Query query) throws IOException, HttpProblem {
    var target = workspace.resolve(query.require("path"));
    if (Files.exists(target.file(), LinkOption.NOFOLLOW_LINKS)) {
      throw HttpProblem.conflict("already exists: " + target.relative());
    }
    workspace.createDirectories(target.file());
    Responses.json(exchange, 201, entries.read(target));
  }
}
