package io.workspacebackend.console.theme;

import javafx.application.Application;

/** AtlantaFX's Primer theme, and the console's own stylesheet on top of it. */
public final class Themes {
  private Themes() {}

  /** Switches every window to {@code appearance}; on the FX thread. */
  static void apply(Appearance appearance) {
    Application.setUserAgentStylesheet(appearance.userAgentStylesheet());
  }

  /** The console's own additions (status colours, log panes), on top of the theme. */
  public static String consoleStylesheet() {
    return Themes.class.getResource("/io/workspacebackend/console/console.css").toExternalForm();
  }
}
