package io.workspacebackend.console.start;

/**
 * Where the server this console runs itself stands, and what the start screen offers in each state.
 */
enum LocalServerState {
  NOT_STARTED,
  STARTING,
  /** Running, with accounts to sign in with. */
  RUNNING,
  /** Running, but nobody has an account: the first-admin form replaces the sign-in form. */
  NEEDS_FIRST_ADMIN,
  /** Starting or building failed; the status line says why. */
  FAILED,
  BUILDING_IMAGE;

  /** Start is offered until a server runs, and not while one is on its way. */
  boolean startOffered() {
    return this == NOT_STARTED || this == FAILED;
  }

  /** Whether the panel shows that something is under way. */
  boolean working() {
    return this == STARTING || this == BUILDING_IMAGE;
  }
}
