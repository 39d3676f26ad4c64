package io.workspacebackend.config;

/** A value a setting cannot accept; the message says what is allowed, e.g. "expected ...". */
final class InvalidValue extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidValue(String problem) {
    super(problem);
  }

  static InvalidValue expected(String allowed) {
    return new InvalidValue("expected " + allowed);
  }
}
