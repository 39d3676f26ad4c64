package io.workspacebackend.session;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 409: one more live session would take the user over a limit of their quota. The problem names the
 * limit in its detail and in its {@code limit} property ({@code sessions}, {@code memory} or {@code
 * cpus}), for clients that react to one of them.
 */
final class QuotaExceededException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  /** The limits of a quota, by their names in the problem's {@code limit} property. */
  enum Limit {
    SESSIONS,
    MEMORY,
    CPUS;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Limit limit;

  QuotaExceededException(Limit limit, String detail) {
    super(HttpStatus.CONFLICT);
    this.limit = limit;
    getBody().setDetail(detail);
    getBody().setProperty("limit", limit.wireName());
  }

  Limit limit() {
    return limit;
  }
}
