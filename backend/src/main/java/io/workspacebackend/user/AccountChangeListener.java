package io.workspacebackend.user;

/**
 * Told about each change of a user's role or disabled flag right after it is stored, so that what
 * the old role or an enabled account let in can be ended. Implemented outside this feature (by
 * {@code auth}), which already depends on it.
 */
public interface AccountChangeListener {
  /** {@code account} as it is stored now; called on the thread that stored it. */
  void accountChanged(UserAccount account);
}
