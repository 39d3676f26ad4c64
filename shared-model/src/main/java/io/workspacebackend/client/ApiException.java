package io.workspacebackend.client;

import java.util.List;
import java.util.stream.Collectors;

/** The server answered a request with an error (an RFC 9457 problem). */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One rejected field of a request, as listed in a validation problem's {@code errors}. */
  public record FieldError(String field, String message) {}

  private final int status;
  private final String title;
  private final String detail;
  private final transient List<FieldError> errors;

  /** Public so that code taking a client's answers can be tested with the problems it handles. */
  public ApiException(int status, String title, String detail, List<FieldError> errors) {
    super(status + " " + title + (detail == null ? "" : ": " + detail));
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** What went wrong with this request, when the server said; may be null. */
  public String detail() {
    return detail;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public boolean isUnauthorized() {
    return status == 401;
  }

  /** The problem in words for a person: the field messages, else the detail, else the title. */
  public String userMessage() {
    if (!errors.isEmpty()) {
      return errors.stream()
          .map(error -> error.field() + ": " + error.message())
          .collect(Collectors.joining("; "));
    }
    return detail != null && !detail.isBlank() ? detail : title;
  }
}
