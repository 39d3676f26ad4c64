package io.workspacebackend.db;

import org.springframework.dao.TransientDataAccessException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Whether a failure is SQLite's write lock held by another writer past the busy timeout. Spring
 * wraps it in whatever was under way (opening a transaction, a statement), so the causes are
 * searched.
 */
public final class DatabaseBusy {
  private DatabaseBusy() {}

  public static boolean causedBy(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof TransientDataAccessException) {
        return true;
      }
      if (cause instanceof SQLiteException sqlite) {
        // Extended codes (SQLITE_BUSY_SNAPSHOT…) carry the primary code in their low byte.
        int primary = sqlite.getResultCode().code & 0xff;
        return primary == SQLiteErrorCode.SQLITE_BUSY.code
            || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
      }
    }
    return false;
  }
}
