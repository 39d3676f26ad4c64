package io.workspacebackend.fileserver;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * {@code DELETE /file?path=P[&recursive=true]}: removes a file, a link or an empty directory, or
 * with {@code recursive} a whole tree, 204. Links are removed, never followed.
 */
final class DeleteEndpoint implements Endpoint {

  private final Workspace workspace;

  DeleteEndpoint(Workspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public void handle(HttpExchange exchange, Query query) throws IOException, HttpProblem {
    var target = workspace.resolve(query.require("path"));
    boolean recursive = query.flag("recursive");
    if (target.isRoot()) {
      throw HttpProblem.badRequest("the workspace itself cannot be deleted");
    }
    if (!Files.exists(target.file(), LinkOption.NOFOLLOW_LINKS)) {
      throw HttpProblem.notFound("no such file or directory: " + target.relative());
    }
    try {
      if (recursive && Files.isDirectory(target.file(), LinkOption.NOFOLLOW_LINKS)) {
        deleteTree(target.file());
      } else {
        Files.delete(target.file());
      }
    } catch (DirectoryNotEmptyException e) {
      throw HttpProblem.conflict(
          "directory is not empty (add recursive=true to delete it with its contents): "
              + target.relative());
    }
    Responses.empty(exchange, 204);
  }

  private static void deleteTree(Path directory) throws IOException {
    Files.walkFileTree(
        directory,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException failure)
              throws IOException {
            if (failure != null) {
              throw failure;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
