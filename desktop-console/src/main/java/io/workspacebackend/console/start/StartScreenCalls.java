package io.workspacebackend.console.start;

import io.workspacebackend.launcher.LaunchException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the start screen asks of the disk, the servers and the launcher: blocking calls, which the
 * view-model runs on a worker. {@link LauncherCalls} answers them in the console.
 */
interface StartScreenCalls {
  /** The URL the console signed in to last, if one is remembered. */
  Optional<URI> rememberedUrl();

  /**
   * Remembers {@code server} for next time; a failure only costs typing then, so none is thrown.
   */
  void remember(URI server);

  Connected signIn(URI server, String username, String password);

  /** Starts a server in this JVM and returns once it listens. */
  Started startLocal() throws LaunchException;

  /**
   * Builds the session image the configuration names, handing each line of output to {@code
   * progress} as it comes.
   *
   * @return the tag built
   */
  String buildSessionImage(Consumer<String> progress) throws LaunchException, InterruptedException;

  /** A server that now listens, and whether nobody has an account on it yet. */
  record Started(LocalServer server, boolean needsFirstAdmin) {}
}
