package io.workspacebackend.container;

import java.util.List;

/** No container engine answered; the message lists every place tried and why it failed. */
public final class NoRuntimeException extends Exception {
  private static final long serialVersionUID = 1L;

  NoRuntimeException(String wanted, List<String> attempts) {
    super(
        "no "
            + wanted
            + " answers (tried "
            + String.join("; ", attempts)
            + "); start Docker or Podman (podman system service), or set container.socket");
  }
}
