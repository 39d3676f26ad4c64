package io.workspacebackend.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * The response bodies a test client was handed and never read, released before the backend stops. A
 * test that checks only status and headers ({@code .expectStatus().isOk()}) leaves the body in
 * Reactor Netty's receive queue, where Netty reports it leaked once the connection is gone;
 * Spring's cure is {@code .expectBody(Void.class)} on every such call. This is the test client's
 * own bookkeeping: the backend's buffers are never touched, so no leak of the backend's is hidden.
 */
final class UnreadBodies implements ExchangeFilterFunction {
  private final Set<ClientResponse> unread = ConcurrentHashMap.newKeySet();

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    return next.exchange(request)
        .map(
            response -> {
              unread.add(response);
              return response
                  .mutate()
                  .body(body -> body.doOnSubscribe(subscription -> unread.remove(response)))
                  .build();
            });
  }

  /**
   * Reads out and releases every body not read. Called before the server stops: stopping it also
   * ends the client's event loops (Reactor Netty's global ones, which both share), and a body left
   * in a connection whose loop is gone can no longer be released. Each body is drained in its
   * connection's loop, which runs what is queued before it ends; one still streaming is drained
   * until the server's stop ends it.
   */
  void release() {
    List<ClientResponse> left = List.copyOf(unread);
    unread.removeAll(left);
    for (ClientResponse response : left) {
      response.releaseBody().onErrorComplete().subscribe();
    }
  }
}
