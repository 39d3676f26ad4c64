package io.workspacebackend.api;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request body that breaks the contract's rules: 400 with one {@code errors} entry per field. */
public final class InvalidRequestException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  InvalidRequestException(List<FieldError> errors) {
    super(HttpStatus.BAD_REQUEST, problem(errors), null);
  }

  private static ProblemDetail problem(List<FieldError> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid request");
    problem.setProperty("errors", List.copyOf(errors));
    return problem;
  }

  /** One broken rule: the field's JSON name and what is wrong with it. */
  public record FieldError(String field, String message) {}
}
