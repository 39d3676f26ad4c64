package io.workspacebackend.fileserver;

/** A request the file server refuses, carrying the status and detail of its problem body. */
final class HttpProblem extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;

  HttpProblem(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  static HttpProblem badRequest(String detail) {
    return new HttpProblem(400, detail);
  }

  static HttpProblem notFound(String detail) {
    return new HttpProblem(404, detail);
  }

  static HttpProblem conflict(String detail) {
    return new HttpProblem(409, detail);
  }

  int status() {
    return status;
  }
}
