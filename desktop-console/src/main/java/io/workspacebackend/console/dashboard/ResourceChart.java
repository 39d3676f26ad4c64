package io.workspacebackend.console.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * A small area chart of one measure over the dashboard's history. Its x axis is fixed to the
 * history's span, counted back from the newest sample ("3 min ago" … "now"), so the line grows in
 * from the right and never rescales. It mirrors the view-model's samples; it computes nothing else.
 */
final class ResourceChart {
  private ResourceChart() {}

  /**
   * @param span how far back the history reaches
   * @param value what to plot of each sample, in the unit {@code unit} names
   */
  static AreaChart<Number, Number> of(
      String id,
      String unit,
      Duration span,
      ObservableList<ResourceSample> samples,
      ToDoubleFunction<ResourceSample> value) {
    NumberAxis time = new NumberAxis(-span.toSeconds(), 0, 60);
    time.setTickLabelFormatter(new AgoLabels());
    time.setMinorTickVisible(false);
    NumberAxis amount = new NumberAxis();
    amount.setLabel(unit);
    amount.setMinorTickVisible(false);
    XYChart.Series<Number, Number> series = new XYChart.Series<>();
    AreaChart<Number, Number> chart = new AreaChart<>(time, amount);
    chart.setId(id);
    chart.getStyleClass().add("resource-chart");
    // Redrawing every few seconds with an animation makes the line wobble; plain updates read
    // better.
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.setCreateSymbols(false);
    chart.setMinHeight(160);
    chart.setPrefHeight(200);
    chart.getData().add(series);
    ListChangeListener<ResourceSample> mirror =
        change -> series.getData().setAll(points(samples, value));
    samples.addListener(mirror);
    series.getData().setAll(points(samples, value));
    return chart;
  }

  private static List<XYChart.Data<Number, Number>> points(
      List<ResourceSample> samples, ToDoubleFunction<ResourceSample> value) {
    if (samples.isEmpty()) {
      return List.of();
    }
    Instant newest = samples.get(samples.size() - 1).at();
    return samples.stream()
        .map(
            sample ->
                new XYChart.Data<Number, Number>(
                    -Duration.between(sample.at(), newest).toSeconds(),
                    value.applyAsDouble(sample)))
        .toList();
  }

  /** Seconds before the newest sample on the axis; minutes ago on its labels. */
  private static final class AgoLabels extends StringConverter<Number> {
    @Override
    public String toString(Number seconds) {
      long minutes = Math.round(-seconds.doubleValue() / 60);
      return minutes == 0 ? "now" : minutes + " min ago";
    }

    @Override
    public Number fromString(String text) {
      throw new UnsupportedOperationException("the axis labels are never edited");
    }
  }
}
