package io.workspacebackend.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Collects every broken rule of one request body, so that the client learns all of them at once,
 * then fails with {@link InvalidRequestException} if there were any.
 */
public final class RequestViolations {
  private final List<InvalidRequestException.FieldError> errors = new ArrayList<>();

  /** Records that {@code field} (its JSON name) is wrong. */
  public RequestViolations add(String field, String message) {
    errors.add(new InvalidRequestException.FieldError(field, message));
    return this;
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Fails with every recorded violation, or, if there are none, goes on with {@code valid}. */
  public <T> Mono<T> ifValid(Supplier<Mono<T>> valid) {
    return errors.isEmpty() ? valid.get() : Mono.error(new InvalidRequestException(errors));
  }
}
