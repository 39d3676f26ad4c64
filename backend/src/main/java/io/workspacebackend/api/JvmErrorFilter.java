package io.workspacebackend.api;

import io.workspacebackend.reactive.JvmErrors.JvmErrorException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers a request whose handling throws a linkage error or a stack overflow on the thread that
 * received it (in a handler, a filter or an operator before any thread hop). Reactor rethrows such
 * errors up the call stack instead of signalling them; without this filter the connection would
 * close without an answer. Blocking work, which runs on other threads, wraps itself with {@link
 * JvmErrors#delivered}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class JvmErrorFilter implements WebFilter {
  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return Mono.from(
        subscriber -> {
          Mono<Void> handling;
          try {
            handling = chain.filter(exchange);
          } catch (LinkageError | StackOverflowError error) {
            handling = Mono.error(new JvmErrorException(error));
          }
          try {
            handling.subscribe(subscriber);
          } catch (LinkageError | StackOverflowError error) {
            // Thrown while the chain ran synchronously; nothing has reached the subscriber's end.
            subscriber.onError(new JvmErrorException(error));
          }
        });
  }
}
