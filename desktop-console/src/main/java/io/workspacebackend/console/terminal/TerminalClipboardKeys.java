package io.workspacebackend.console.terminal;

import io.workspacebackend.console.platform.DesktopOs;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The keys that copy and paste in a terminal. Ctrl+C must reach the shell as an interrupt, so Linux
 * and Windows terminals copy with Ctrl+Shift+C and paste with Ctrl+Shift+V; on a Mac, Cmd+C and
 * Cmd+V are free for the clipboard.
 */
public record TerminalClipboardKeys(KeyCombination copy, KeyCombination paste) {

  public static TerminalClipboardKeys of(DesktopOs os) {
    return os == DesktopOs.MAC
        ? new TerminalClipboardKeys(
            new KeyCodeCombination(KeyCode.C, KeyCombination.META_DOWN),
            new KeyCodeCombination(KeyCode.V, KeyCombination.META_DOWN))
        : new TerminalClipboardKeys(
            new KeyCodeCombination(
                KeyCode.C, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN),
            new KeyCodeCombination(
                KeyCode.V, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN));
  }
}
