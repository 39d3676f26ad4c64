package io.workspacebackend.console.ui;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;

/**
 * Copy and Paste for whatever has the keyboard focus: a text field, or a {@link ClipboardTarget}
 * around it (the terminal's WebView sits inside its view). The menu bar needs this because on macOS
 * the system menu takes Cmd+C and Cmd+V before the focused control sees them.
 */
public final class FocusedClipboard {
  private final Scene scene;

  public FocusedClipboard(Scene scene) {
    this.scene = scene;
  }

  public void copy() {
    Node focused = scene.getFocusOwner();
    if (focused instanceof TextInputControl text) {
      text.copy();
    } else {
      targetAround(focused).ifPresent(ClipboardTarget::copySelection);
    }
  }

  public void paste() {
    Node focused = scene.getFocusOwner();
    if (focused instanceof TextInputControl text) {
      text.paste();
    } else {
      targetAround(focused).ifPresent(ClipboardTarget::pasteClipboard);
    }
  }

  private static Optional<ClipboardTarget> targetAround(Node focused) {
    for (Node node = focused; node != null; node = node.getParent()) {
      if (node instanceof ClipboardTarget target) {
        return Optional.of(target);
      }
    }
    return Optional.empty();
  }
}
