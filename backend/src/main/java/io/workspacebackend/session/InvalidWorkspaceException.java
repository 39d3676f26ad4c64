package io.workspacebackend.session;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A requested workspace path is absolute, climbs with {@code ..} or leads out through a link. */
final class InvalidWorkspaceException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  InvalidWorkspaceException(String detail) {
    super(HttpStatus.BAD_REQUEST, problem(detail), null);
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setProperty(
        "errors", java.util.List.of(java.util.Map.of("field", "workspace", "message", detail)));
    return problem;
  }
}
