package io.workspacebackend.fileserver;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;

/** {@code POST /move?from=A&to=B}: renames A to B, which must not exist yet, 204. */
final class MoveEndpoint implements Endpoint {

  private final Workspace workspace;

  MoveEndpoint(Workspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public void handle(HttpExchange exchange, Query query) throws IOException, HttpProblem {
    var from = workspace.resolve(query.require("from"));
    var to = workspace.resolve(query.require("to"));
    if (from.isRoot()) {
      throw HttpProblem.badRequest("the workspace itself cannot be moved");
    }
    if (!Files.exists(from.file(), LinkOption.NOFOLLOW_LINKS)) {
      throw HttpProblem.notFound("no such file or directory: " + from.relative());
    }
    if (to.relative().startsWith(from.relative() + "/")) {
      throw HttpProblem.badRequest("a directory cannot be moved into itself: " + to.relative());
    }
    if (to.isRoot() || Files.exists(to.file(), LinkOption.NOFOLLOW_LINKS)) {
      throw HttpProblem.conflict("already exists: " + to.relative());
    }
    workspace.createDirectories(to.file().getParent());
    try {
      // Without REPLACE_EXISTING the move itself refuses a target that appeared meanwhile.
      Files.move(from.file(), to.file());
    } catch (FileAlreadyExistsException e) {
      throw HttpProblem.conflict("already exists: " + to.relative());
    }
    Responses.empty(exchange, 204);
  }
}
