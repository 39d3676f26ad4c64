package io.workspacebackend.console.ui;

/**
 * A view with its own idea of a selection, such as a terminal, that Edit ▸ Copy and Paste reach.
 */
public interface ClipboardTarget {
  /** Puts the current selection on the system clipboard; nothing selected changes nothing. */
  void copySelection();

  /** Inserts the system clipboard's text as if the user had typed it. */
  void pasteClipboard();
}
