package io.workspacebackend.client;

/** A stream the client follows (events, logs); closing it stops following, quietly. */
public interface Subscription extends AutoCloseable {
  @Override
  void close();
}
