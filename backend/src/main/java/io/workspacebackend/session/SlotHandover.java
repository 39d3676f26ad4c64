package io.workspacebackend.session;

/**
 * What claiming a warm slot does inside the transaction that stores its session
 * (SessionStore#createClaimed): first the slot goes, releasing its ports for the session to hold;
 * last, its directory becomes the session's workspace. Either step throws {@link Declined} when the
 * slot cannot be claimed, which rolls the transaction back.
 */
interface SlotHandover {
  /** Removes the slot and releases its ports. */
  void releaseSlot();

  /** Moves the slot's directory to the session's workspace; the transaction's last step. */
  void moveDirectory();

  /** The slot cannot become this session; the request starts a container of its own instead. */
  final class Declined extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Declined(String reason, Throwable cause) {
      super(reason, cause, false, false);
    }

    Declined(String reason) {
      this(reason, null);
    }
  }
}
