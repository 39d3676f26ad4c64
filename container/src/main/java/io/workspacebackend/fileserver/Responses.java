package io.workspacebackend.fileserver;

import com.sun.net.httpserver.HttpExchange;
import io.workspacebackend.model.files.FileEntry;
import io.workspacebackend.model.files.Problem;
import java.io.IOException;
import java.util.List;

/** Writes the file server's JSON, problem and empty responses. */
final class Responses {

  private Responses() {}

  static void json(HttpExchange exchange, int status, FileEntry entry) throws IOException {
    send(exchange, status, "application/json", JsonWriter.entry(entry));
  }

  static void json(HttpExchange exchange, int status, List<FileEntry> entries) throws IOException {
    send(exchange, status, "application/json", JsonWriter.entries(entries));
  }

  static void problem(HttpExchange exchange, int status, String detail) throws IOException {
    var problem = new Problem("about:blank", title(status), status, detail);
    send(exchange, status, Problem.MEDIA_TYPE, JsonWriter.problem(problem));
  }

  static void empty(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 411 -> "Length Required";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 416 -> "Range Not Satisfiable";
      case 500 -> "Internal Server Error";
      default -> "Error";
    };
  }
}
