package io.workspacebackend.reactive;

import java.util.concurrent.Callable;

/**
 * Wraps work that a {@code Mono} runs so that a missing class or a stack overflow fails the {@code
 * Mono} like any exception. Reactor counts {@link LinkageError} and {@link VirtualMachineError} as
 * fatal: it rethrows them on the thread they happened on (a scheduler worker) instead of signalling
 * them, which leaves the request, or a session's launch, waiting forever. A trimmed Java runtime
 * that lacks a module throws exactly such an error ({@code NoClassDefFoundError}).
 */
public final class JvmErrors {
  private JvmErrors() {}

  /** {@code work}, with a linkage error or stack overflow thrown as {@link JvmErrorException}. */
  public static <T> Callable<T> delivered(Callable<T> work) {
    return () -> {
      try {
        return work.call();
      } catch (LinkageError | StackOverflowError error) {
        throw new JvmErrorException(error);
      }
    };
  }

  /** {@code work}, with a linkage error or stack overflow thrown as {@link JvmErrorException}. */
  public static Runnable delivered(Runnable work) {
    return () -> {
      try {
        work.run();
      } catch (LinkageError | StackOverflowError error) {
        throw new JvmErrorException(error);
      }
    };
  }

  /**
   * An {@link Error} the work threw, carried as an exception that Reactor signals. Its message is
   * the error's, class name included, since that is what a reader needs to see first.
   */
  public static final class JvmErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JvmErrorException(Error error) {
      super(error.toString(), error);
    }
  }
}
