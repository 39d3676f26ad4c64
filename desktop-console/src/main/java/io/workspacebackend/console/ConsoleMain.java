package io.workspacebackend.console;

import javafx.application.Application;

/**
 * The console's entry point. It is not the {@link Application} itself: started from the class path,
 * JavaFX refuses a main class that extends {@code Application}.
 */
public final class ConsoleMain {
  private ConsoleMain() {}

  public static void main(String[] args) {
    Application.launch(ConsoleApp.class, args);
  }
}
