package io.workspacebackend.sessionorigin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * What a user put in place of opencode in their own session image: it answers the backend's health
 * check with the session's credential, as opencode does, and every other request with the HTML page
 * its user wrote into the workspace ({@code page.html}), script and all, with no policy of any
 * kind. Runs inside the container on the image's Java runtime: JDK classes only.
 */
public final class ScriptPageService {
  private static final Path PAGE = Path.of("/home/dev/workspace/page.html");

  private ScriptPageService() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv("OPENCODE_PORT"));
    String credential =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    ("opencode:" + System.getenv("OPENCODE_SERVER_PASSWORD"))
                        .getBytes(StandardCharsets.UTF_8));
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext(
        "/",
        exchange -> {
          try {
            if (!credential.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
              answer(exchange, 401, "text/plain", "who are you?");
            } else if (exchange.getRequestURI().getPath().equals("/global/health")) {
              answer(exchange, 200, "application/json", "{\"healthy\":true}");
            } else {
              answer(exchange, 200, "text/html; charset=utf-8", Files.readString(PAGE));
            }
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
