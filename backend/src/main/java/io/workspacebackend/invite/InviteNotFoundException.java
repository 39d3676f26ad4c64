package io.workspacebackend.invite;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: no invite code is spelled like this. */
public final class InviteNotFoundException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  InviteNotFoundException(String code) {
    super(
        HttpStatus.NOT_FOUND,
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no invite code " + code),
        null);
  }

  /** One line for a person, e.g. the CLI's error. */
  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
