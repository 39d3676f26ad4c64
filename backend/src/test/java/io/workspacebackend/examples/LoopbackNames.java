package io.workspacebackend.examples;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves every host name to 127.0.0.1, as public DNS would resolve the examples' names to the
 * machine running the proxy; the name itself still goes into TLS (SNI, certificate checks) and
 * {@code Host}, so nothing here is told apart from a real deployment by the proxy or the backend.
 */
final class LoopbackNames extends AddressResolverGroup<InetSocketAddress> {
  private static final byte[] LOOPBACK = {127, 0, 0, 1};

  @Override
  protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
    return new InetNameResolver(executor) {
      @Override
      protected void doResolve(String host, Promise<InetAddress> promise) {
        promise.setSuccess(loopback(host));
      }

      @Override
      protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
        promise.setSuccess(List.of(loopback(host)));
      }
    }.asAddressResolver();
  }

  private static InetAddress loopback(String host) {
    try {
      return InetAddress.getByAddress(host, LOOPBACK);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an address", e);
    }
  }
}
