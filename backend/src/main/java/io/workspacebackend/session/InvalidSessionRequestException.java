package io.workspacebackend.session;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A create request broke a rule; names the field, as validation errors do everywhere. */
final class InvalidSessionRequestException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  InvalidSessionRequestException(String field, String message) {
    super(HttpStatus.BAD_REQUEST);
    getBody().setDetail(message);
    getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
  }
}
