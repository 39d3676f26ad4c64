package io.workspacebackend.console.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTML page the terminal's WebView shows: xterm.js and its stylesheet from the WebJar, inlined
 * so the page needs no URL handler for files inside jars, and the page's half of the bridge.
 */
final class TerminalPage {
  private static final String XTERM = "/META-INF/resources/webjars/xterm/4.9.0/";
  private static final String HTML = read("/io/workspacebackend/console/terminal/terminal.html");
  private static final String PAGE =
      HTML.replace("/*XTERM_CSS*/", read(XTERM + "css/xterm.css"))
          .replace("/*XTERM_JS*/", read(XTERM + "lib/xterm.js"));

  private TerminalPage() {}

  static String html() {
    return PAGE;
  }

  private static String read(String resource) {
    try (InputStream in = TerminalPage.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
