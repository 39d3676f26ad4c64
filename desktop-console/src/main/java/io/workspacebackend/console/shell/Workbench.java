package io.workspacebackend.console.shell;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.model.user.User;
import javafx.scene.Node;
import javafx.stage.Window;

/** What a view of the signed-in window may use: the client, the user, tabs and error reports. */
public interface Workbench {
  WorkspaceClient client();

  User user();

  /** Opens {@code content} in a closable tab; {@code onClose} runs when the tab or window goes. */
  void openTab(String title, Node content, AutoCloseable onClose);

  /** Reports a failed action; an expired sign-in goes back to the start screen instead. */
  void failed(String heading, Throwable failure);

  Window window();
}
