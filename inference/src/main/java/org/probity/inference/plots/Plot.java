package org.probity.inference.plots;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * One chart made by {@link Plots}, ready to save as PNG or SVG. {@link #chart()} gives the
 * underlying XChart object for restyling; {@link #xRange()} and {@link #yRange()} the axis ranges
 * the chart will draw (the explicit limits where set, otherwise the data's extent).
 */
public final class Plot {
  private final XYChart chart;

  Plot(XYChart chart) {
    this.chart = chart;
  }

  /**
   * The XChart chart (titles, styler, series), for changes before saving.
   *
   * @return the chart
   */
  public XYChart chart() {
    return chart;
  }

  /**
   * Saves the chart, as PNG or SVG by the file's extension ({@code .png}, {@code .svg}). Works
   * without a display (headless).
   *
   * @param file the file to write; its folder is created if needed
   * @return the file
   * @throws IOException if it cannot be written
   * @throws IllegalArgumentException for any other extension
   */
  public Path save(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean png = name.endsWith(".png");
    if (!png && !name.endsWith(".svg")) {
      throw new IllegalArgumentException("cannot tell the format of '" + file.getFileName()
          + "': use a .png or .svg file name");
    }
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      if (png) {
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
      } else {
        VectorGraphicsEncoder.saveVectorGraphic(chart, out,
            VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      }
    }
    return file;
  }

  /**
   * The x-axis range: the explicit limits where set, else the smallest and largest x of the
   * data.
   *
   * @return {@code {min, max}}
   */
  public double[] xRange() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (XYSeries s : chart.getSeriesCollection()) {
      lo = Math.min(lo, s.getXMin());
      hi = Math.max(hi, s.getXMax());
    }
    Double min = chart.getStyler().getXAxisMin();
    Double max = chart.getStyler().getXAxisMax();
    return new double[] {min != null ? min : lo, max != null ? max : hi};
  }

  /**
   * The y-axis range: the explicit limits where set, else the smallest and largest y of the
   * data.
   *
   * @return {@code {min, max}}
   */
  public double[] yRange() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (XYSeries s : chart.getSeriesCollection()) {
      lo = Math.min(lo, s.getYMin());
      hi = Math.max(hi, s.getYMax());
    }
    Double min = chart.getStyler().getYAxisMin();
    Double max = chart.getStyler().getYAxisMax();
    return new double[] {min != null ? min : lo, max != null ? max : hi};
  }

  /** The title and the series names. */
  @Override
  public String toString() {
    return "Plot[" + chart.getTitle() + ": " + chart.getSeriesCollection().stream().map(s -> s.getName()).collect(java.util.stream.Collectors.joining(", "))
        + "]";
  }
}
