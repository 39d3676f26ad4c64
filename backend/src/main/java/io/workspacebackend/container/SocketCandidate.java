package io.workspacebackend.container;

import io.workspacebackend.config.RuntimeKind;
import java.net.URI;

/**
 * One place an engine may listen, where it came from (for error messages), and which runtime is
 * expected there ({@link RuntimeKind#AUTO} when only asking the engine can tell).
 */
record SocketCandidate(URI uri, String source, RuntimeKind expectedKind) {
  @Override
  public String toString() {
    return uri + " (" + source + ")";
  }
}
