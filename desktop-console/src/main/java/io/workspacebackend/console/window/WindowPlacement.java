package io.workspacebackend.console.window;

import java.util.Optional;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Sizes and places the console's stage explicitly before it shows (under a window manager, JavaFX
 * 21 otherwise opens it at 200×200: JDK-8316423), and tracks the bounds it had when last not
 * maximised, which is what is worth remembering.
 */
public final class WindowPlacement {
  private final Stage stage;
  private WindowGeometry normal;

  private WindowPlacement(Stage stage, WindowGeometry initial) {
    this.stage = stage;
    this.normal = initial;
  }

  /** Gives {@code stage} its geometry from {@code remembered}, fitted to the current screens. */
  public static WindowPlacement apply(Stage stage, Optional<WindowGeometry> remembered) {
    WindowGeometry geometry =
        WindowGeometry.place(
            remembered,
            Screen.getPrimary().getVisualBounds(),
            Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
    stage.setX(geometry.x());
    stage.setY(geometry.y());
    stage.setWidth(geometry.width());
    stage.setHeight(geometry.height());
    stage.setMaximized(geometry.maximized());
    WindowPlacement placement = new WindowPlacement(stage, geometry);
    stage.xProperty().addListener(observable -> placement.track());
    stage.yProperty().addListener(observable -> placement.track());
    stage.widthProperty().addListener(observable -> placement.track());
    stage.heightProperty().addListener(observable -> placement.track());
    return placement;
  }

  /** The window's geometry now: its last normal bounds and whether it is maximised. */
  public WindowGeometry current() {
    return new WindowGeometry(
        normal.x(), normal.y(), normal.width(), normal.height(), stage.isMaximized());
  }

  private void track() {
    if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
      normal =
          new WindowGeometry(
              stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
    }
  }
}
