package org.probity.inference.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.probity.inference.diagnostics.Autocovariance;
import org.probity.inference.diagnostics.Draws;

/**
 * The standard MCMC and SMC plots, one call each, drawn with XChart:
 * {@code Plots.trace(draws, "mu").save(Path.of("mu-trace.png"))}. Quantities are named as in
 * {@link Draws} (a sampler statistic such as {@code lp__} works too); every chart is 800 x 500
 * pixels, one colour per chain, and saves as PNG or SVG ({@link Plot#save}).
 *
 * <ul>
 *   <li>{@link #trace}: the draws against the iteration, per chain.
 *   <li>{@link #rank}: histograms of the pooled ranks per chain (Vehtari et al. 2021, section 4.1):
 *       for well-mixed chains every histogram is flat around the dashed expected count.
 *   <li>{@link #histogram} and {@link #density}: the marginal posterior, all chains pooled, or a
 *       Gaussian kernel density estimate per chain (Silverman's rule-of-thumb bandwidth).
 *   <li>{@link #pair}: one quantity against another, per chain.
 *   <li>{@link #autocorrelation}: the autocorrelation per chain up to a lag.
 *   <li>{@link #series}: any values over steps, e.g. SMC's ESS and log evidence, or an ELBO.
 * </ul>
 */
public final class Plots {
  private static final int WIDTH = 800;
  private static final int HEIGHT = 500;

  private Plots() {
  }

  /**
   * The trace plot: each chain's draws against the iteration (1..N).
   *
   * @param draws the draws
   * @param name a quantity or sampler statistic
   * @return the plot
   */
  public static Plot trace(Draws draws, String name) {
    double[][] x = values(draws, name);
    XYChart chart = chart("Trace of " + name, "iteration", name);
    double[] iterations = new double[x[0].length];
    Arrays.setAll(iterations, i -> i + 1);
    for (int c = 0; c < x.length; c++) {
      line(chart.addSeries("chain " + (c + 1), iterations, x[c]));
    }
    chart.getStyler().setXAxisMin(1.0).setXAxisMax((double) Math.max(2, x[0].length));
    return new Plot(chart);
  }

  /**
   * The rank plot: the draws of all chains are ranked together (1..S, ties averaged) and each
   * chain's ranks are counted in {@code bins} equal bins; the dashed line is the count expected
   * when all chains sample the same distribution.
   *
   * @param draws the draws
   * @param name a quantity or sampler statistic
   * @param bins the number of bins (20 is usual)
   * @return the plot, x from 0 to S, y the counts
   */
  public static Plot rank(Draws draws, String name, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
    double[][] x = values(draws, name);
    int chains = x.length;
    int n = x[0].length;
    double[][] ranks = Ranks.pooled(x);
    int total = chains * n;
    XYChart chart = chart("Rank plot of " + name, "rank (all chains)", "count per bin");
    double[] edges = new double[bins + 1];
    Arrays.setAll(edges, b -> (double) b * total / bins);
    double maxCount = 0;
    for (int c = 0; c < chains; c++) {
      double[] counts = new double[bins + 1];
      for (double r : ranks[c]) {
        int b = (int) Math.min(bins - 1, Math.floor((r - 1) * bins / total));
        counts[b]++;
      }
      counts[bins] = counts[bins - 1]; // the last step's right edge
      for (double k : counts) {
        maxCount = Math.max(maxCount, k);
      }
      XYSeries s = chart.addSeries("chain " + (c + 1), edges, counts);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
      s.setMarker(SeriesMarkers.NONE);
    }
    double expected = (double) n / bins;
    XYSeries uniform = chart.addSeries("expected", new double[] {0, total},
        new double[] {expected, expected});
    uniform.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    uniform.setMarker(SeriesMarkers.NONE);
    uniform.setLineColor(Color.DARK_GRAY);
    uniform.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {6f, 4f}, 0f));
    chart.getStyler().setXAxisMin(0.0).setXAxisMax((double) total).setYAxisMin(0.0)
        .setYAxisMax(Math.max(maxCount, expected) * 1.1);
    return new Plot(chart);
  }

  /**
   * The histogram of all chains' draws together, scaled as a density (areas sum to 1).
   *
   * @param draws the draws
   * @param name a quantity or sampler statistic
   * @param bins the number of equal bins between the smallest and largest draw
   * @return the plot, x from the smallest to the largest draw
   */
  public static Plot histogram(Draws draws, String name, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
    double[] all = pooled(values(draws, name));
    double lo = Arrays.stream(all).min().orElseThrow();
    double hi = Arrays.stream(all).max().orElseThrow();
    double width = hi > lo ? (hi - lo) / bins : 1;
    if (hi == lo) {
      lo -= 0.5 * bins * width;
      hi += 0.5 * bins * width;
      width = (hi - lo) / bins;
    }
    double[] edges = new double[bins + 1];
    double[] density = new double[bins + 1];
    for (int b = 0; b <= bins; b++) {
      edges[b] = lo + b * width;
    }
    for (double v : all) {
      int b = (int) Math.min(bins - 1, Math.floor((v - lo) / width));
      density[b] += 1.0 / (all.length * width);
    }
    density[bins] = density[bins - 1];
    XYChart chart = chart("Histogram of " + name, name, "density");
    XYSeries s = chart.addSeries(name, edges, density);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
    s.setMarker(SeriesMarkers.NONE);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisMin(lo).setXAxisMax(hi).setYAxisMin(0.0);
    return new Plot(chart);
  }

  /**
   * A Gaussian kernel density estimate per chain, on 200 points spanning the draws plus three
   * bandwidths each side; the bandwidth is Silverman's {@code 0.9 min(sd, IQR/1.34) n^(-1/5)} of
   * all draws pooled.
   *
   * @param draws the draws
   * @param name a quantity or sampler statistic
   * @return the plot
   */
  public static Plot density(Draws draws, String name) {
    double[][] x = values(draws, name);
    double[] all = pooled(x);
    double h = Kde.silverman(all);
    double lo = Arrays.stream(all).min().orElseThrow() - 3 * h;
    double hi = Arrays.stream(all).max().orElseThrow() + 3 * h;
    double[] grid = new double[200];
    Arrays.setAll(grid, i -> lo + (hi - lo) * i / (grid.length - 1));
    XYChart chart = chart("Density of " + name, name, "density");
    for (int c = 0; c < x.length; c++) {
      line(chart.addSeries("chain " + (c + 1), grid, Kde.estimate(x[c], h, grid)));
    }
    chart.getStyler().setXAxisMin(lo).setXAxisMax(hi).setYAxisMin(0.0);
    return new Plot(chart);
  }

  /**
   * One quantity against another, a point per draw, coloured by chain.
   *
   * @param draws the draws
   * @param xName the quantity on the x axis
   * @param yName the quantity on the y axis
   * @return the plot
   */
  public static Plot pair(Draws draws, String xName, String yName) {
    double[][] x = values(draws, xName);
    double[][] y = values(draws, yName);
    XYChart chart = chart(yName + " against " + xName, xName, yName);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
        .setMarkerSize(3);
    for (int c = 0; c < x.length; c++) {
      chart.addSeries("chain " + (c + 1), x[c], y[c]).setMarker(SeriesMarkers.CIRCLE);
    }
    return new Plot(chart);
  }

  /**
   * The autocorrelation of each chain at lags 0..maxLag (1 at lag 0), from the FFT
   * autocovariance of the diagnostics.
   *
   * @param draws the draws
   * @param name a quantity or sampler statistic
   * @param maxLag the largest lag, less than the number of iterations
   * @return the plot, x from 0 to maxLag, y from -1 to 1
   */
  public static Plot autocorrelation(Draws draws, String name, int maxLag) {
    double[][] x = values(draws, name);
    if (maxLag < 1 || maxLag >= x[0].length) {
      throw new IllegalArgumentException("maxLag must be in [1, " + (x[0].length - 1) + "], got "
          + maxLag);
    }
    XYChart chart = chart("Autocorrelation of " + name, "lag", "autocorrelation");
    double[] lags = new double[maxLag + 1];
    Arrays.setAll(lags, k -> k);
    for (int c = 0; c < x.length; c++) {
      double[] acov = Autocovariance.fft(x[c]);
      double[] acf = new double[maxLag + 1];
      for (int k = 0; k <= maxLag; k++) {
        acf[k] = acov[0] > 0 ? acov[k] / acov[0] : (k == 0 ? 1 : 0);
      }
      line(chart.addSeries("chain " + (c + 1), lags, acf));
    }
    chart.getStyler().setXAxisMin(0.0).setXAxisMax((double) maxLag).setYAxisMin(-1.0)
        .setYAxisMax(1.0);
    return new Plot(chart);
  }

  /**
   * Values over steps 1..n, e.g. {@code series("SMC", "ESS", Map.of("ESS", ess))} or an ELBO
   * over optimisation steps.
   *
   * @param title the chart title
   * @param yLabel the y-axis label
   * @param lines series name to values (step k is {@code values[k - 1]}), in legend order
   * @return the plot, x from 1 to the longest series' length
   */
  public static Plot series(String title, String yLabel, Map<String, double[]> lines) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("series: give at least one line");
    }
    XYChart chart = chart(title, "step", yLabel);
    int longest = 1;
    for (Map.Entry<String, double[]> e : new LinkedHashMap<>(lines).entrySet()) {
      double[] y = e.getValue();
      for (int i = 0; i < y.length; i++) {
        if (!Double.isFinite(y[i])) {
          throw new IllegalArgumentException("series '" + e.getKey() + "' step " + (i + 1)
              + " is " + y[i] + "; only finite values can be plotted");
        }
      }
      double[] steps = new double[y.length];
      Arrays.setAll(steps, i -> i + 1);
      line(chart.addSeries(e.getKey(), steps, y));
      longest = Math.max(longest, y.length);
    }
    chart.getStyler().setXAxisMin(1.0).setXAxisMax((double) Math.max(2, longest));
    chart.getStyler().setLegendVisible(lines.size() > 1);
    return new Plot(chart);
  }

  /**
   * One series of values over steps 1..n.
   *
   * @param title the chart title
   * @param yLabel the y-axis label and the series name
   * @param values the values, step k is {@code values[k - 1]}
   * @return the plot
   */
  public static Plot series(String title, String yLabel, double[] values) {
    return series(title, yLabel, Map.of(yLabel, values));
  }

  private static XYChart chart(String title, String xLabel, String yLabel) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE)
        .setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE)
        .setPlotBorderVisible(false).setAntiAlias(true);
    return chart;
  }

  private static void line(XYSeries s) {
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineWidth(1.2f);
  }

  /** The draws of a quantity or statistic; all finite (a plot of NaN is an error). */
  private static double[][] values(Draws draws, String name) {
    double[][] x = name.endsWith("__") ? draws.samplerStat(name) : draws.parameter(name);
    if (x[0].length == 0) {
      throw new IllegalArgumentException("'" + name + "' has no draws to plot");
    }
    for (int c = 0; c < x.length; c++) {
      for (int i = 0; i < x[c].length; i++) {
        if (!Double.isFinite(x[c][i])) {
          throw new IllegalArgumentException("'" + name + "' is " + x[c][i] + " at chain "
              + (c + 1) + " iteration " + (i + 1) + "; only finite draws can be plotted");
        }
      }
    }
    return x;
  }

  private static double[] pooled(double[][] x) {
    return Arrays.stream(x).flatMapToDouble(Arrays::stream).toArray();
  }
}
