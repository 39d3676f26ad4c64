package io.workspacebackend.console.terminal;

import io.workspacebackend.console.platform.DesktopOs;
import io.workspacebackend.console.ui.ClipboardTarget;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Worker;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import netscape.javascript.JSObject;

/**
 * A session's terminal: xterm.js in a WebView, with Java holding the WebSocket and moving bytes
 * both ways. Typing, pasting and resizing go to ttyd; its output is written into xterm.js in
 * batches on the FX thread. A dropped connection says why, and offers to reconnect where that can
 * work (not for a deleted session). Copy and paste use the system clipboard, with the desktop's
 * terminal keys ({@link TerminalClipboardKeys}).
 */
public final class TerminalView extends StackPane implements ClipboardTarget {
  /** Where the connection stands. */
  public enum State {
    CONNECTING,
    OPEN,
    CLOSED
  }

  private final URI uri;
  private final Supplier<String> token;
  private final TerminalClipboardKeys clipboardKeys = TerminalClipboardKeys.of(DesktopOs.current());
  private final WebView web = new WebView();
  private final Bridge bridge = new Bridge();
  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.CLOSED);
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
  private final Label problem = new Label();
  private final Button reconnect = new Button("_Reconnect");
  private final VBox banner;
  private final ByteArrayOutputStream pendingOutput = new ByteArrayOutputStream();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private TerminalConnection connection;
  private boolean pageReady;
  private boolean connectWhenReady;
  private boolean closed;

  public TerminalView(URI terminalUri, Supplier<String> token) {
    this.uri = terminalUri;
    this.token = token;
    web.setContextMenuEnabled(false);
    reconnect.setId("terminal-reconnect");
    reconnect.setOnAction(event -> connect());
    problem.setId("terminal-problem");
    problem.setWrapText(true);
    reconnect.managedProperty().bind(reconnect.visibleProperty());
    banner = new VBox(8, problem, reconnect);
    banner.setAlignment(Pos.CENTER);
    banner.setMaxSize(420, 120);
    banner.setStyle(
        "-fx-background-color: -color-bg-default; -fx-padding: 16; -fx-background-radius: 6;"
            + " -fx-border-color: -color-border-default; -fx-border-radius: 6;");
    banner.setVisible(false);
    getChildren().addAll(web, banner);

    WebEngine engine = web.getEngine();
    engine
        .getLoadWorker()
        .stateProperty()
        .addListener(
            (observable, old, loaded) -> {
              if (loaded == Worker.State.SUCCEEDED) {
                ((JSObject) engine.executeScript("window")).setMember("bridge", bridge);
                engine.executeScript("start()");
                pageReady = true;
                if (connectWhenReady) {
                  connect();
                }
              }
            });
    engine.loadContent(TerminalPage.html());
    // A filter runs before the WebView hands the key to xterm.js, which would send it to the shell.
    addEventFilter(KeyEvent.KEY_PRESSED, this::clipboardShortcut);
    focusedProperty()
        .addListener(
            (observable, was, now) -> {
              if (now) {
                web.requestFocus();
              }
            });
  }

  /** Opens the connection (again, after a drop); until the page is ready, as soon as it is. */
  public void connect() {
    if (closed) {
      return;
    }
    if (!pageReady) {
      connectWhenReady = true;
      return;
    }
    if (connection != null) {
      connection.close();
    }
    banner.setVisible(false);
    state.set(State.CONNECTING);
    connection = new TerminalConnection(new Events());
    int columns = ((Number) web.getEngine().executeScript("term.cols")).intValue();
    int rows = ((Number) web.getEngine().executeScript("term.rows")).intValue();
    connection.open(uri, token.get(), columns, rows);
    web.requestFocus();
  }

  /** Closes the connection for good (the tab is closing). */
  public void close() {
    closed = true;
    if (connection != null) {
      connection.close();
    }
    state.set(State.CLOSED);
  }

  public ReadOnlyObjectProperty<State> connectionState() {
    return state.getReadOnlyProperty();
  }

  /** The title ttyd sets (usually user@host: directory). */
  public ReadOnlyStringProperty title() {
    return title.getReadOnlyProperty();
  }

  /** The text of the terminal's buffer, line by line; callable from any thread. */
  public String screenText() {
    if (Platform.isFxApplicationThread()) {
      return pageReady ? (String) web.getEngine().executeScript("screenText()") : "";
    }
    CompletableFuture<String> text = new CompletableFuture<>();
    Platform.runLater(() -> text.complete(screenText()));
    try {
      return text.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    } catch (ExecutionException | TimeoutException e) {
      return "";
    }
  }

  /** Copies xterm.js's selection; its text lives in the page, not in a JavaFX control. */
  @Override
  public void copySelection() {
    if (!pageReady) {
      return;
    }
    String selection = (String) web.getEngine().executeScript("term.getSelection()");
    if (selection != null && !selection.isEmpty()) {
      ClipboardContent content = new ClipboardContent();
      content.putString(selection);
      Clipboard.getSystemClipboard().setContent(content);
    }
  }

  /** Pastes through xterm.js, which sends it to the shell (bracketed, if the program asked). */
  @Override
  public void pasteClipboard() {
    String text = Clipboard.getSystemClipboard().getString();
    if (pageReady && text != null && !text.isEmpty()) {
      JSObject terminal = (JSObject) web.getEngine().executeScript("term");
      terminal.call("paste", text);
    }
  }

  private void clipboardShortcut(KeyEvent event) {
    if (clipboardKeys.copy().match(event)) {
      copySelection();
      event.consume();
    } else if (clipboardKeys.paste().match(event)) {
      pasteClipboard();
      event.consume();
    }
  }

  /** Hands output to the FX thread in batches: a busy terminal must not flood it. */
  private void queueOutput(byte[] bytes) {
    synchronized (pendingOutput) {
      pendingOutput.writeBytes(bytes);
    }
    if (flushScheduled.compareAndSet(false, true)) {
      Platform.runLater(this::flushOutput);
    }
  }

  private void flushOutput() {
    flushScheduled.set(false);
    byte[] bytes;
    synchronized (pendingOutput) {
      bytes = pendingOutput.toByteArray();
      pendingOutput.reset();
    }
    if (bytes.length > 0) {
      web.getEngine()
          .executeScript("writeBase64('" + Base64.getEncoder().encodeToString(bytes) + "')");
    }
  }

  private void dropped(TerminalEnd end) {
    if (closed) {
      return;
    }
    state.set(State.CLOSED);
    problem.setText(end.message());
    reconnect.setVisible(end.reconnectable());
    banner.setVisible(true);
  }

  /** Connection events, moved onto the FX thread. */
  private final class Events implements TerminalConnection.Listener {
    @Override
    public void opened() {
      Platform.runLater(() -> state.set(closed ? State.CLOSED : State.OPEN));
    }

    @Override
    public void output(byte[] bytes) {
      queueOutput(bytes);
    }

    @Override
    public void title(String text) {
      Platform.runLater(() -> title.set(text));
    }

    @Override
    public void closed(TerminalEnd end) {
      Platform.runLater(() -> dropped(end));
    }
  }

  /** What the page calls; public because WebView reaches it by reflection. */
  public final class Bridge {
    public void input(String data) {
      if (connection != null) {
        connection.send(data);
      }
    }

    public void resized(int columns, int rows) {
      if (connection != null) {
        connection.resize(columns, rows);
      }
    }
  }
}
