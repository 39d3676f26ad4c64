package io.workspacebackend.image;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import java.util.Optional;

/**
 * Follows an image pull's progress stream and keeps the first error the engine reports in it.
 * docker-java's own {@code PullImageResultCallback} assumes every line has a {@code status};
 * Podman's line for a failed pull has only {@code error} and {@code errorDetail}, and that callback
 * throws a {@code NullPointerException} on it.
 */
final class PullProgress extends ResultCallback.Adapter<PullResponseItem> {
  private volatile String error;

  @Override
  public void onNext(PullResponseItem item) {
    if (error != null) {
      return;
    }
    if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
      error = item.getErrorDetail().getMessage();
    } else if (item.getError() != null) {
      error = item.getError();
    }
  }

  /**
   * A refused pull (no registry, unknown image) is an expected answer here, not a fault: keep its
   * message instead of letting the template log it as an error with a stack trace.
   */
  @Override
  public void onError(Throwable failure) {
    if (error == null) {
      error =
          failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
    onComplete();
  }

  /** What the engine said went wrong, if it did. */
  Optional<String> error() {
    return Optional.ofNullable(error).map(String::strip);
  }
}
