package io.workspacebackend.console.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** Light or dark: the two Primer stylesheets the console switches between. */
public enum Appearance {
  LIGHT,
  DARK;

  String userAgentStylesheet() {
    return this == DARK
        ? new PrimerDark().getUserAgentStylesheet()
        : new PrimerLight().getUserAgentStylesheet();
  }
}
