package io.workspacebackend.console.start;

import io.workspacebackend.console.connection.RememberedServer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Reads what a user typed as the server's URL, as {@link RememberedServer#parse} does (no scheme
 * means http), and says in a sentence what is wrong with it rather than quote the URI parser.
 */
final class ServerUrl {
  static final String EXAMPLE = "http://127.0.0.1:8080";

  private ServerUrl() {}

  static URI parse(String typed) throws Invalid {
    String text = typed.strip();
    if (text.isEmpty()) {
      throw new Invalid("Enter the server's URL, such as " + EXAMPLE + ".");
    }
    if (text.chars().anyMatch(Character::isWhitespace)) {
      throw new Invalid("The server URL must not contain spaces.");
    }
    try {
      return RememberedServer.parse(text);
    } catch (IllegalArgumentException e) {
      String why =
          e.getCause() instanceof URISyntaxException syntax
              ? syntax.getReason().toLowerCase(Locale.ROOT)
              : e.getMessage();
      throw new Invalid("The server URL is not valid: " + why + ".");
    }
  }

  /** The typed text is no server URL; the message says why, as a sentence for the form. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }
}
