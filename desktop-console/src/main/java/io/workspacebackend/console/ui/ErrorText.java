package io.workspacebackend.console.ui;

import io.workspacebackend.client.ApiException;
import io.workspacebackend.client.ServerUnreachableException;

/** Turns a failure into one plain sentence for a dialog or an inline message; never a trace. */
public final class ErrorText {
  private ErrorText() {}

  public static String of(Throwable failure) {
    if (failure instanceof ApiException api) {
      return switch (api.status()) {
        case 401 -> "Your sign-in has expired or was revoked. Please sign in again.";
        case 403 -> "Only an administrator may do that.";
        case 404 -> "It no longer exists (someone may have deleted it). " + api.userMessage();
        default -> sentence(api.userMessage());
      };
    }
    if (failure instanceof ServerUnreachableException unreachable) {
      return sentence(unreachable.getMessage());
    }
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      return "Something went wrong (" + failure.getClass().getSimpleName() + ").";
    }
    return sentence(message);
  }

  /** Whether the failure means the token is no longer accepted. */
  public static boolean isSignedOut(Throwable failure) {
    return failure instanceof ApiException api && api.status() == 401;
  }

  private static String sentence(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return trimmed;
    }
    String first = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    return first.endsWith(".") ? first : first + ".";
  }
}
