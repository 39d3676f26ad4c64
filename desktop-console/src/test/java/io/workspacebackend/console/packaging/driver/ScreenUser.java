package io.workspacebackend.console.packaging.driver;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Window;

/**
 * A user in front of the screen: finds what the console shows in any of its windows, clicks it and
 * types with JavaFX's {@link Robot} (real mouse and key events through the window system), and
 * waits until what they expect appears. Uses only {@code java.base} and JavaFX, so that it runs on
 * the app image's trimmed runtime.
 */
final class ScreenUser {
  private static final Duration POLL = Duration.ofMillis(200);

  private Robot robot;

  /** Waits until the console's {@code Application.launch} has started JavaFX. */
  void awaitToolkit(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        Platform.runLater(() -> {});
        return;
      } catch (IllegalStateException notYetStarted) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("JavaFX did not start within " + limit, notYetStarted);
        }
        Thread.sleep(POLL.toMillis());
      }
    }
  }

  /** Waits until {@code condition}, read on the FX thread, holds; fails after {@code limit}. */
  <T> T awaitValue(String what, Duration limit, Callable<Optional<T>> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      Optional<T> value = onFx(condition);
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not seen within " + limit + ": " + what);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** Waits for a visible node that matches {@code selector} in any showing window. */
  Node await(String selector, Duration limit) throws InterruptedException {
    return awaitValue(selector, limit, () -> find(selector, node -> true));
  }

  /** Waits for a visible labeled node matching {@code selector} whose text passes {@code test}. */
  Labeled awaitText(String selector, Predicate<String> test, Duration limit)
      throws InterruptedException {
    return awaitValue(
        selector + " with the expected text",
        limit,
        () ->
            find(selector, node -> node instanceof Labeled labeled && test.test(labeled.getText()))
                .map(Labeled.class::cast));
  }

  /** Whether a visible node matching {@code selector} is showing now. */
  boolean showing(String selector) {
    return onFx(() -> find(selector, node -> true)).isPresent();
  }

  void click(String selector) throws InterruptedException {
    click(await(selector, Duration.ofSeconds(30)));
  }

  /** Moves the mouse to the middle of {@code node} and clicks there. */
  void click(Node node) {
    onFx(
        () -> {
          Bounds bounds = node.localToScreen(node.getBoundsInLocal());
          robot().mouseMove(bounds.getCenterX(), bounds.getCenterY());
          robot().mouseClick(MouseButton.PRIMARY);
          return null;
        });
  }

  /** Types {@code text} (lower-case letters, digits, space and '-') key by key. */
  void type(String text) {
    for (int i = 0; i < text.length(); i++) {
      KeyCode key = keyFor(text.charAt(i));
      onFx(
          () -> {
            robot().keyType(key);
            return null;
          });
    }
  }

  void press(KeyCode key) {
    onFx(
        () -> {
          robot().keyType(key);
          return null;
        });
  }

  /** Presses {@code key} with Control held, as a shortcut is typed on Linux. */
  void pressWithControl(KeyCode key) {
    onFx(
        () -> {
          robot().keyPress(KeyCode.CONTROL);
          robot().keyType(key);
          robot().keyRelease(KeyCode.CONTROL);
          return null;
        });
  }

  /** Runs {@code work} on the FX thread and returns its result. */
  <T> T onFx(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(work.call());
          } catch (Exception | Error e) {
            result.completeExceptionally(e);
          }
        });
    try {
      return result.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the FX thread did not do what was asked: " + e, e);
    }
  }

  private static Optional<Node> find(String selector, Predicate<Node> test) {
    for (Window window : Window.getWindows()) {
      Scene scene = window.getScene();
      if (!window.isShowing() || scene == null) {
        continue;
      }
      Optional<Node> found =
          scene.getRoot().lookupAll(selector).stream()
              .filter(Node::isVisible)
              .filter(node -> node.getScene() != null)
              .filter(test)
              .findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Robot robot() {
    if (robot == null) {
      robot = new Robot();
    }
    return robot;
  }

  private static KeyCode keyFor(char character) {
    if (character >= 'a' && character <= 'z') {
      return KeyCode.valueOf(String.valueOf(Character.toUpperCase(character)));
    }
    if (character >= '0' && character <= '9') {
      return KeyCode.valueOf("DIGIT" + character);
    }
    return switch (character) {
      case ' ' -> KeyCode.SPACE;
      case '-' -> KeyCode.MINUS;
      default -> throw new IllegalArgumentException("cannot type '" + character + "'");
    };
  }
}
