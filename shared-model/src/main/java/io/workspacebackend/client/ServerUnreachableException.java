package io.workspacebackend.client;

import java.net.URI;

/** No answer from the server: refused, unknown host, timed out or cut off. */
public final class ServerUnreachableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ServerUnreachableException(URI server, Throwable cause) {
    super("the server at " + server + " cannot be reached (" + reason(cause) + ")", cause);
  }

  private static String reason(Throwable cause) {
    Throwable root = cause;
    for (Throwable link = cause; link != null; link = link.getCause()) {
      if (link instanceof java.net.ConnectException) {
        return "connection refused; is it running?";
      }
      if (link instanceof java.net.UnknownHostException) {
        return "unknown host";
      }
      if (link instanceof java.net.http.HttpTimeoutException) {
        return "no answer in time";
      }
      root = link;
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
