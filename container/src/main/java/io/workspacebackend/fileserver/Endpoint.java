package io.workspacebackend.fileserver;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** One operation of the file server API, reached after authentication and routing. */
@FunctionalInterface
interface Endpoint {

  void handle(HttpExchange exchange, Query query) throws IOException, HttpProblem;
}
