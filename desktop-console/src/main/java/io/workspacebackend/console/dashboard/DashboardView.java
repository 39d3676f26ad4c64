package io.workspacebackend.console.dashboard;

import io.workspacebackend.console.connection.LiveEvents;
import io.workspacebackend.console.ui.Threading;
import io.workspacebackend.console.ui.Workbench;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.AreaChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The admin's first tab: session counts by state, the host's sessions' CPU and memory over the last
 * minutes, and the engine's health. Builds the nodes and binds them to a {@link
 * DashboardViewModel}; its clock ticks the view-model's sampling.
 */
public final class DashboardView implements AutoCloseable {
  private final DashboardViewModel model;
  private final Timeline clock;
  private final ScrollPane root;

  public DashboardView(Workbench workbench, LiveEvents events) {
    model =
        new DashboardViewModel(
            DashboardSource.of(workbench.client()),
            Threading.fx(),
            Clock.systemUTC(),
            failure -> workbench.failed("The dashboard could not be updated", failure));
    workbench.whenReconnected(model::reconnected);
    events.follow(
        new LiveEvents.Listener() {
          @Override
          public void session(Session session) {
            model.sessionChanged(session);
          }

          @Override
          public void deleted(UUID sessionId) {
            model.sessionDeleted(sessionId);
          }

          @Override
          public void interrupted(String why) {
            model.eventsInterrupted(why);
          }

          @Override
          public void resumed() {
            model.eventsResumed();
          }
        });

    Label notice = new Label();
    notice.setId("dashboard-notice");
    notice.getStyleClass().add("form-error");
    notice.textProperty().bind(model.noticeProperty());
    notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
    notice.managedProperty().bind(notice.visibleProperty());

    VBox content =
        new VBox(
            16,
            notice,
            section("Sessions", counts()),
            section("Resources of running sessions", charts()),
            section("Engine", engine()));
    content.setPadding(new Insets(16));
    root = new ScrollPane(content);
    root.setId("dashboard");
    root.setFitToWidth(true);

    model.start();
    clock =
        new Timeline(
            new KeyFrame(
                Duration.millis((double) DashboardViewModel.SAMPLE_PERIOD.toMillis()),
                event -> model.sample()));
    clock.setCycleCount(Timeline.INDEFINITE);
    clock.play();
  }

  public Parent root() {
    return root;
  }

  @Override
  public void close() {
    clock.stop();
    model.close();
  }

  private Node counts() {
    FlowPane tiles = new FlowPane(12, 12);
    Label total = count("count-total", model.totalProperty().asString());
    tiles.getChildren().add(tile(total, "All"));
    for (SessionStatus status : SessionStatus.values()) {
      Label number = count("count-" + status.wireName(), model.countProperty(status).asString());
      // A state's colour only where sessions are in it: zeros stay quiet.
      model
          .countProperty(status)
          .addListener((observable, before, now) -> colour(number, status, now.intValue()));
      colour(number, status, model.countProperty(status).get());
      tiles.getChildren().add(tile(number, capitalised(status.wireName())));
    }
    return tiles;
  }

  private Node charts() {
    Label cpu = new Label();
    cpu.setId("cpu-now");
    cpu.textProperty().bind(Bindings.concat("CPU  ", model.cpuTextProperty()));
    Label memory = new Label();
    memory.setId("memory-now");
    memory.textProperty().bind(Bindings.concat("Memory  ", model.memoryTextProperty()));
    AreaChart<Number, Number> cpuChart =
        ResourceChart.of(
            "cpu-chart",
            "% of one CPU",
            DashboardViewModel.HISTORY_SPAN,
            model.history(),
            ResourceSample::cpuPercent);
    AreaChart<Number, Number> memoryChart =
        ResourceChart.of(
            "memory-chart",
            "MiB",
            DashboardViewModel.HISTORY_SPAN,
            model.history(),
            sample -> sample.memoryBytes() / (1024.0 * 1024.0));
    VBox cpuBox = new VBox(4, cpu, cpuChart);
    VBox memoryBox = new VBox(4, memory, memoryChart);
    HBox.setHgrow(cpuBox, Priority.ALWAYS);
    HBox.setHgrow(memoryBox, Priority.ALWAYS);
    cpuBox.setPrefWidth(1);
    memoryBox.setPrefWidth(1);
    Label hint =
        new Label(
            "Summed over the running sessions every "
                + DashboardViewModel.SAMPLE_PERIOD.toSeconds()
                + " s; the last "
                + DashboardViewModel.HISTORY_SPAN.toMinutes()
                + " minutes.");
    hint.getStyleClass().add("hint");
    return new VBox(8, new HBox(16, cpuBox, memoryBox), hint);
  }

  private Node engine() {
    Label title = new Label();
    title.setId("engine-title");
    title.getStyleClass().add("engine-title");
    title.textProperty().bind(model.engineTitleProperty());
    Label rootless = new Label();
    rootless.setId("engine-rootless");
    rootless.textProperty().bind(model.rootlessTextProperty());
    Label image = new Label();
    image.setId("engine-image");
    image.textProperty().bind(model.imageTextProperty());
    Label problem = new Label();
    problem.setId("engine-problem");
    problem.getStyleClass().add("form-error");
    problem.textProperty().bind(model.engineProblemProperty());
    problem.visibleProperty().bind(model.engineProblemProperty().isNotEmpty());
    problem.managedProperty().bind(problem.visibleProperty());
    HBox facts = new HBox(16, rootless, image);
    VBox box = new VBox(6, title, facts, problem);
    box.getStyleClass().add("dashboard-tile");
    model
        .engineProblemProperty()
        .addListener(
            (observable, before, now) -> {
              title.getStyleClass().remove("engine-unwell");
              if (!now.isEmpty()) {
                title.getStyleClass().add("engine-unwell");
              }
            });
    return box;
  }

  private static Label count(String id, StringExpression text) {
    Label number = new Label();
    number.setId(id);
    number.getStyleClass().add("dashboard-count");
    number.textProperty().bind(text);
    return number;
  }

  private static Node tile(Label number, String caption) {
    Label name = new Label(caption);
    name.getStyleClass().add("hint");
    VBox tile = new VBox(2, number, name);
    tile.setAlignment(Pos.CENTER_LEFT);
    tile.getStyleClass().add("dashboard-tile");
    tile.setMinWidth(96);
    return tile;
  }

  private static void colour(Label number, SessionStatus status, int count) {
    // Not the tables' status-* classes: tests and tools look those up to find a session's row.
    String style = "dashboard-state-" + status.wireName();
    number.getStyleClass().remove(style);
    if (count > 0) {
      number.getStyleClass().add(style);
    }
  }

  private static Node section(String title, Node body) {
    Label heading = new Label(title);
    heading.getStyleClass().add("section-title");
    return new VBox(8, heading, body);
  }

  private static String capitalised(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
