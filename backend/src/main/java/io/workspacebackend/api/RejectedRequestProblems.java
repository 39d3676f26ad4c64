package io.workspacebackend.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Requests Spring Security's firewall refuses before any route sees them ({@code ..}, encoded
 * slashes or backslashes, {@code ;} and the like in the path) get the same problem+json 400 as
 * every other bad request, instead of an empty body. Expected client errors: not logged.
 */
@Component
class RejectedRequestProblems implements ServerExchangeRejectedHandler {
  private final ProblemWriter problems;

  RejectedRequestProblems(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
    return problems.write(
        exchange.getResponse(),
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "the request path is not allowed: it holds '..', '//', ';', an encoded '/', '\\\\' or"
                + " '.', or another sequence that could change its meaning"));
  }
}
