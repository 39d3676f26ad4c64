package io.workspacebackend.db;

import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Teaches BlockHound that SQLite statements block (they run native code that waits on the file
 * lock, which BlockHound cannot see) and reports only those: logging and test tooling may block.
 */
final class SqliteBlockHound {
  private SqliteBlockHound() {}

  static BlockHoundIntegration integration() {
    return builder ->
        builder
            .markAsBlocking("org.sqlite.core.DB", "prepare", "(Lorg/sqlite/core/CoreStatement;)V")
            .blockingMethodCallback(
                method -> {
                  if (method.getClassName().startsWith("org.sqlite")) {
                    throw new reactor.blockhound.BlockingOperationError(method);
                  }
                });
  }
}
