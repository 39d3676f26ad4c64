package io.workspacebackend.console.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowGeometryTest {
  private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1440, 860);
  private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1024, 600);
  private static final Rectangle2D RIGHT_MONITOR = new Rectangle2D(1440, 0, 1920, 1050);

  @Test
  void aFirstStartOpensAt1100By720CentredOnThePrimaryScreen() {
    WindowGeometry placed = WindowGeometry.place(Optional.empty(), LAPTOP, List.of(LAPTOP));

    assertThat(placed).isEqualTo(new WindowGeometry(170, 70, 1100, 720, false));
  }

  @Test
  void onAScreenSmallerThanTheDefaultTheWindowFillsItsVisualBounds() {
    WindowGeometry placed = WindowGeometry.place(Optional.empty(), SMALL, List.of(SMALL));

    assertThat(placed).isEqualTo(new WindowGeometry(0, 0, 1024, 600, false));
  }

  @Test
  void aRememberedPlaceOnASecondMonitorIsKept() {
    WindowGeometry saved = new WindowGeometry(1600, 100, 1200, 800, true);

    WindowGeometry placed =
        WindowGeometry.place(Optional.of(saved), LAPTOP, List.of(LAPTOP, RIGHT_MONITOR));

    assertThat(placed).isEqualTo(saved);
  }

  @Test
  void aRememberedPlaceOffEveryCurrentScreenFallsBackToCentredOnThePrimary() {
    WindowGeometry saved = new WindowGeometry(1600, 100, 900, 600, false);

    WindowGeometry placed = WindowGeometry.place(Optional.of(saved), LAPTOP, List.of(LAPTOP));

    assertThat(placed).isEqualTo(new WindowGeometry(270, 130, 900, 600, false));
  }

  @Test
  void aRememberedWindowHangingOverTheScreenEdgeIsMovedAndShrunkOntoIt() {
    WindowGeometry saved = new WindowGeometry(1000, 500, 1600, 700, false);

    WindowGeometry placed = WindowGeometry.place(Optional.of(saved), LAPTOP, List.of(LAPTOP));

    assertThat(placed).isEqualTo(new WindowGeometry(0, 160, 1440, 700, false));
  }

  @Test
  void theGeometryIsRememberedBetweenRuns(@TempDir Path settings) {
    WindowGeometry geometry = new WindowGeometry(12.5, 40, 900, 650, true);
    new RememberedWindow(settings.resolve("window.properties")).remember(geometry);

    assertThat(new RememberedWindow(settings.resolve("window.properties")).last())
        .contains(geometry);
  }

  @Test
  void aMissingOrDamagedFileRemembersNothing(@TempDir Path settings) throws Exception {
    Path file = settings.resolve("window.properties");
    assertThat(new RememberedWindow(file).last()).isEmpty();

    java.nio.file.Files.writeString(file, "x=left\nwidth=800\n");
    assertThat(new RememberedWindow(file).last()).isEmpty();
  }
}
