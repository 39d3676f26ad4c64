package io.workspacebackend.fileserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * Authenticates every request, hands it to the endpoint for its method and path, and turns every
 * failure into a problem response.
 */
final class Router implements HttpHandler {

  private final BearerToken token;
  private final Map<String, Map<String, Endpoint>> endpoints;
  private final Path workspaceRoot;

  Router(
      BearerToken token,
      Map<String, Map<String, Endpoint>> endpointsByPathAndMethod,
      Path workspaceRoot) {
    this.token = token;
    this.endpoints = endpointsByPathAndMethod;
    this.workspaceRoot = workspaceRoot;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        route(exchange);
      } catch (HttpProblem e) {
        answer(exchange, e.status(), e.getMessage());
      } catch (MultipartStream.MalformedMultipart e) {
        answer(exchange, 400, "malformed multipart body: " + e.getMessage());
      } catch (FileSystemException e) {
        answer(exchange, statusOf(e), describe(e));
      } catch (IOException | RuntimeException e) {
        if (e instanceof IOException io && diskFull(io)) {
          // The write went to a temporary file: the file it was to replace is untouched.
          answer(exchange, 507, "the workspace's disk is full; free some space and retry");
          return;
        }
        // Most often the client went away mid-transfer; either way it is worth one log line.
        System.err.println(
            "fileserver: "
                + exchange.getRequestMethod()
                + " "
                + exchange.getRequestURI().getRawPath()
                + " failed: "
                + e);
        answer(exchange, 500, "the file server failed to complete the request");
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException, HttpProblem {
    if (!token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      throw new HttpProblem(401, "a valid Authorization: Bearer header is required");
    }
    var path = exchange.getRequestURI().getPath();
    var byMethod = endpoints.get(path);
    if (byMethod == null) {
      throw HttpProblem.notFound("no such endpoint: " + path);
    }
    var endpoint = byMethod.get(exchange.getRequestMethod());
    if (endpoint == null) {
      exchange
          .getResponseHeaders()
          .set("Allow", String.join(", ", new TreeSet<>(byMethod.keySet())));
      throw new HttpProblem(405, exchange.getRequestMethod() + " is not allowed on " + path);
    }
    endpoint.handle(exchange, Query.of(exchange.getRequestURI()));
  }

  /** ENOSPC or EDQUOT, which the JDK reports only in words (a write's message, a path's reason). */
  private static boolean diskFull(IOException e) {
    String message =
        e instanceof FileSystemException fileSystem ? fileSystem.getReason() : e.getMessage();
    return message != null
        && (message.contains("No space left on device") || message.contains("Disk quota exceeded"));
  }

  private static int statusOf(FileSystemException e) {
    if (diskFull(e)) {
      return 507;
    }
    if (e instanceof NoSuchFileException) {
      return 404;
    }
    if (e instanceof FileAlreadyExistsException
        || e instanceof DirectoryNotEmptyException
        || e instanceof NotDirectoryException) {
      return 409;
    }
    if (e instanceof AccessDeniedException) {
      return 403;
    }
    return 500;
  }

  /** The exception's reason with workspace paths made relative: clients never see host paths. */
  private String describe(FileSystemException e) {
    var reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    if (e.getFile() == null) {
      return reason;
    }
    var file = Path.of(e.getFile());
    var shown = file.startsWith(workspaceRoot) ? workspaceRoot.relativize(file).toString() : "";
    return reason + ": " + shown;
  }

  /** Answers with a problem unless the response has begun, when all that is left is to close. */
  private void answer(HttpExchange exchange, int status, String detail) throws IOException {
    if (exchange.getResponseCode() != -1) {
      return;
    }
    try {
      Responses.problem(exchange, status, detail);
    } catch (IOException clientGone) {
      // Nobody is left to tell.
    }
  }
}
