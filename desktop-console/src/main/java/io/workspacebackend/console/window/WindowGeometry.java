package io.workspacebackend.console.window;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the console's window goes and how big it is: its bounds when not maximised, and whether it
 * is maximised. {@link #place} turns what was remembered into bounds that fit today's screens.
 */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
  static final double DEFAULT_WIDTH = 1100;
  static final double DEFAULT_HEIGHT = 720;

  /**
   * How much of a remembered window must still be on a screen to keep its place: enough of the
   * title bar to grab it.
   */
  private static final double VISIBLE_ENOUGH = 48;

  public Rectangle2D bounds() {
    return new Rectangle2D(x, y, width, height);
  }

  /**
   * The window's geometry for this start: the remembered one if it is still on one of {@code
   * screens} (moved and shrunk to fit that screen), else the remembered or default size centred on
   * {@code primary}. All rectangles are screens' visual bounds (without task bars and docks).
   */
  public static WindowGeometry place(
      Optional<WindowGeometry> remembered, Rectangle2D primary, List<Rectangle2D> screens) {
    WindowGeometry wanted =
        remembered
            .filter(saved -> saved.width() > 0 && saved.height() > 0)
            .orElse(new WindowGeometry(0, 0, DEFAULT_WIDTH, DEFAULT_HEIGHT, false));
    Optional<Rectangle2D> home =
        remembered.isEmpty()
            ? Optional.empty()
            : screens.stream()
                .filter(screen -> overlap(screen, wanted.bounds()) >= VISIBLE_ENOUGH)
                .max(Comparator.comparingDouble(screen -> overlap(screen, wanted.bounds())));
    if (home.isPresent()) {
      return fitted(wanted, home.get(), false);
    }
    return fitted(wanted, primary, true);
  }

  /** {@code wanted} shrunk to {@code screen} and moved inside it, or centred on it. */
  private static WindowGeometry fitted(WindowGeometry wanted, Rectangle2D screen, boolean centre) {
    double width = Math.min(wanted.width(), screen.getWidth());
    double height = Math.min(wanted.height(), screen.getHeight());
    double x =
        centre
            ? screen.getMinX() + (screen.getWidth() - width) / 2
            : clamp(wanted.x(), screen.getMinX(), screen.getMaxX() - width);
    double y =
        centre
            ? screen.getMinY() + (screen.getHeight() - height) / 2
            : clamp(wanted.y(), screen.getMinY(), screen.getMaxY() - height);
    return new WindowGeometry(x, y, width, height, wanted.maximized());
  }

  /** The smaller side of the intersection: a thin sliver on a screen does not count. */
  private static double overlap(Rectangle2D screen, Rectangle2D window) {
    double width =
        Math.min(screen.getMaxX(), window.getMaxX()) - Math.max(screen.getMinX(), window.getMinX());
    double height =
        Math.min(screen.getMaxY(), window.getMaxY()) - Math.max(screen.getMinY(), window.getMinY());
    return Math.max(0, Math.min(width, height));
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(value, max));
  }
}
