package io.workspacebackend.console.start;

/** One line under a form or a panel: what is going on, or what went wrong (shown as a problem). */
record Feedback(String text, boolean problem) {
  static final Feedback NONE = new Feedback("", false);

  static Feedback info(String text) {
    return new Feedback(text, false);
  }

  static Feedback problem(String text) {
    return new Feedback(text, true);
  }
}
