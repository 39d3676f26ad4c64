package io.workspacebackend.console.ui;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.model.user.User;
import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import javafx.scene.Node;
import javafx.stage.Window;

/** What a view of the signed-in window may use: the client, the user, tabs and error reports. */
public interface Workbench {
  WorkspaceClient client();

  User user();

  /** Opens {@code content} in a closable tab; {@code onClose} runs when the tab or window goes. */
  void openTab(String title, Node content, AutoCloseable onClose);

  /**
   * Reports a failed action in a dialog. An expired sign-in goes back to the start screen instead,
   * and a server that does not answer shows the one disconnected banner (no dialog), which retries.
   */
  void failed(String heading, Throwable failure);

  /** Runs {@code action} whenever the server answers again after the banner said it was gone. */
  void whenReconnected(Runnable action);

  Window window();

  /**
   * Opens {@code address} in the user's browser. This default uses {@link Desktop}, off the JavaFX
   * thread; the console's window uses JavaFX's host services instead, which need no AWT.
   */
  default void showDocument(URI address) {
    Background.run(
        () -> {
          if (!Desktop.isDesktopSupported()
              || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            throw new IOException("This desktop offers no way to open a browser.");
          }
          Desktop.getDesktop().browse(address);
          return address;
        },
        opened -> {},
        failure -> failed("Could not open the browser", failure));
  }
}
