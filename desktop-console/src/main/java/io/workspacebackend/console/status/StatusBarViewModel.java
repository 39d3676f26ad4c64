package io.workspacebackend.console.status;

import io.workspacebackend.console.connection.Reconnection;
import io.workspacebackend.console.health.EngineSummary;
import io.workspacebackend.console.ui.Threading;
import io.workspacebackend.model.health.Health;
import java.net.URI;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the signed-in window's status bar says: the server's address, its engine and version (from
 * its health, asked at sign-in and after each reconnection), and whether the server answers, as the
 * window's {@link Reconnection} knows it.
 */
public final class StatusBarViewModel {
  static final String CONNECTED = "Connected";
  static final String DISCONNECTED = "Disconnected — retrying";

  private final String server;
  private final Callable<Health> health;
  private final Threading threading;
  private final BooleanExpression connected;
  private final StringExpression connectionText;
  private final ReadOnlyStringWrapper engineText = new ReadOnlyStringWrapper("Engine: asking…");

  /**
   * @param health asks the server's health (blocking; run through {@code threading})
   */
  public StatusBarViewModel(
      URI server, Reconnection reconnection, Callable<Health> health, Threading threading) {
    this.server = server.toString();
    this.health = health;
    this.threading = threading;
    this.connected = reconnection.disconnectedProperty().not();
    this.connectionText =
        Bindings.when(reconnection.disconnectedProperty()).then(DISCONNECTED).otherwise(CONNECTED);
    reconnection.whenReconnected(this::refreshEngine);
  }

  /** Asks the server which engine it uses; an engine that does not answer says so. */
  public void refreshEngine() {
    threading.run(
        () -> EngineSummary.of(health.call()).title(),
        engineText::set,
        // The banner speaks for a lost server; the engine is simply not known meanwhile.
        failure -> engineText.set("Engine unknown"));
  }

  public String serverText() {
    return server;
  }

  public ReadOnlyStringProperty engineTextProperty() {
    return engineText.getReadOnlyProperty();
  }

  public StringExpression connectionTextProperty() {
    return connectionText;
  }

  public BooleanExpression connectedProperty() {
    return connected;
  }
}
