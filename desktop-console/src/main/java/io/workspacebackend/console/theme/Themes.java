package io.workspacebackend.console.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** AtlantaFX's Primer theme, light or dark as the desktop prefers. */
public final class Themes {
  private Themes() {}

  public static void applyOsPreference() {
    boolean dark = OsColorScheme.prefersDark();
    Application.setUserAgentStylesheet(
        dark
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  /** The console's own additions (status colours, log panes), on top of the theme. */
  public static String consoleStylesheet() {
    return Themes.class.getResource("/io/workspacebackend/console/console.css").toExternalForm();
  }
}
