package org.probity.inference.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probity.inference.diagnostics.Draws;
import org.w3c.dom.Document;

/**
 * Each plot renders headless to a valid PNG and SVG, and plots of known data have the expected
 * axis ranges (read from the XChart chart before saving).
 */
class PlotsTest {

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir
  Path dir;

  /** 2 chains x 100 iterations: mu = chain + i / 100, tau = -mu, lp__ = -i. */
  private static Draws known() {
    double[][][] v = new double[2][100][2];
    double[][][] s = new double[2][100][1];
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < 100; i++) {
        double mu = c + i / 100.0;
        v[c][i] = new double[] {mu, -mu + 0.01 * Math.sin(7.0 * i)};
        s[c][i][0] = -i;
      }
    }
    return new Draws(List.of("mu", "tau"), v, List.of("lp__"), s);
  }

  private void assertValidPng(Path file) throws Exception {
    byte[] head = new byte[8];
    try (InputStream in = Files.newInputStream(file)) {
      assertEquals(8, in.read(head));
    }
    assertArrayEquals(PNG_MAGIC, head, file.toString());
    var image = ImageIO.read(file.toFile());
    assertEquals(800, image.getWidth());
    assertEquals(500, image.getHeight());
  }

  private void assertValidSvg(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = f.newDocumentBuilder().parse(file.toFile());
    assertEquals("svg", doc.getDocumentElement().getLocalName(), file.toString());
    assertTrue(Files.size(file) > 1000, file + " is nearly empty");
  }

  private void savesAsPngAndSvg(Plot plot, String name) throws Exception {
    assertTrue(GraphicsEnvironment.isHeadless(), "tests run headless, as on CI");
    assertValidPng(plot.save(dir.resolve(name + ".png")));
    assertValidSvg(plot.save(dir.resolve(name + ".svg")));
  }

  @Test
  void tracePlot() throws Exception {
    Plot p = Plots.trace(known(), "mu");
    assertArrayEquals(new double[] {1, 100}, p.xRange());
    assertArrayEquals(new double[] {0, 1.99}, p.yRange(), 1e-12);
    assertEquals(2, p.chart().getSeriesCollection().size());
    assertEquals("Trace of mu", p.chart().getTitle());
    savesAsPngAndSvg(p, "trace");
    assertArrayEquals(new double[] {-99, 0}, Plots.trace(known(), "lp__").yRange());
  }

  @Test
  void rankPlot() throws Exception {
    // Chain 1 holds the 100 smallest values: all its ranks fall in the first half.
    Plot p = Plots.rank(known(), "mu", 10);
    assertArrayEquals(new double[] {0, 200}, p.xRange());
    // 100 draws per chain in 10 bins: 10 expected; chain 1 fills bins 1-5 with 20 each.
    assertEquals(20 * 1.1, p.yRange()[1], 1e-12);
    var chain1 = p.chart().getSeries("chain 1");
    assertEquals(20, chain1.getYMax());
    assertEquals(0, chain1.getYMin());
    assertEquals(10, p.chart().getSeries("expected").getYMax());
    savesAsPngAndSvg(p, "rank");
  }

  @Test
  void ranksAverageTies() {
    double[][] r = Ranks.pooled(new double[][] {{3, 1}, {1, 2}});
    assertArrayEquals(new double[][] {{4, 1.5}, {1.5, 3}}, r);
  }

  @Test
  void histogramPlot() throws Exception {
    Plot p = Plots.histogram(known(), "mu", 20);
    assertArrayEquals(new double[] {0, 1.99}, p.xRange(), 1e-12);
    // 200 draws spread evenly over [0, 1.99]: density about 1 / 1.99 in every bin.
    double[] y = p.chart().getSeries("mu").getYData();
    double area = 0;
    for (int b = 0; b < 20; b++) {
      area += y[b] * 1.99 / 20;
      assertEquals(1 / 1.99, y[b], 0.1, "bin " + b);
    }
    assertEquals(1, area, 1e-12);
    savesAsPngAndSvg(p, "histogram");
  }

  @Test
  void densityPlot() throws Exception {
    Plot p = Plots.density(known(), "mu");
    double h = Kde.silverman(Arrays.stream(known().parameter("mu")).flatMapToDouble(Arrays::stream)
        .toArray());
    assertArrayEquals(new double[] {-3 * h, 1.99 + 3 * h}, p.xRange(), 1e-12);
    assertEquals(0, p.yRange()[0]);
    savesAsPngAndSvg(p, "density");
  }

  @Test
  void kdeIntegratesToOneAndUsesSilvermansBandwidth() {
    double[] x = {-1, 0, 0.5, 2};
    double h = Kde.silverman(x);
    // sd = 1.25, IQR = 1.125 (type 7 quantiles -0.25 .. 0.875), so min(sd, IQR/1.34) = IQR/1.34.
    assertEquals(0.9 * (1.125 / 1.34) * Math.pow(4, -0.2), h, 1e-12);
    double[] grid = new double[4001];
    Arrays.setAll(grid, i -> -10 + 20.0 * i / 4000);
    double[] f = Kde.estimate(x, h, grid);
    assertEquals(1, Arrays.stream(f).sum() * 20.0 / 4000, 1e-6);
  }

  @Test
  void pairPlot() throws Exception {
    Plot p = Plots.pair(known(), "mu", "tau");
    assertArrayEquals(new double[] {0, 1.99}, p.xRange(), 1e-12);
    double[] y = p.yRange();
    assertTrue(y[0] >= -2 && y[0] < -1.97 && y[1] <= 0.01 && y[1] > -0.01, Arrays.toString(y));
    savesAsPngAndSvg(p, "pair");
  }

  @Test
  void autocorrelationPlot() throws Exception {
    Plot p = Plots.autocorrelation(known(), "mu", 30);
    assertArrayEquals(new double[] {0, 30}, p.xRange());
    assertArrayEquals(new double[] {-1, 1}, p.yRange());
    double[] acf = p.chart().getSeries("chain 1").getYData();
    assertEquals(1, acf[0], 1e-12);
    assertTrue(acf[1] > 0.9, "a linear trend is strongly autocorrelated: " + acf[1]);
    savesAsPngAndSvg(p, "acf");
    assertThrows(IllegalArgumentException.class, () -> Plots.autocorrelation(known(), "mu", 100));
  }

  @Test
  void seriesPlot() throws Exception {
    double[] ess = {1000, 640, 310, 980, 720};
    double[] logZ = {-1.5, -3.25, -4, -6.5, -7};
    Plot p = Plots.series("SMC", "value", new java.util.LinkedHashMap<>(Map.of("ESS", ess)));
    assertArrayEquals(new double[] {1, 5}, p.xRange());
    assertArrayEquals(new double[] {310, 1000}, p.yRange());
    savesAsPngAndSvg(p, "ess");
    Plot z = Plots.series("Log evidence", "log Z", logZ);
    assertArrayEquals(new double[] {-7, -1.5}, z.yRange());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Plots.series("ELBO", "elbo", new double[] {1, Double.NaN}));
    assertTrue(e.getMessage().contains("step 2"), e.getMessage());
  }

  @Test
  void badRequestsAreClearErrors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Plots.trace(known(), "mu").save(dir.resolve("trace.jpeg")));
    assertTrue(e.getMessage().contains(".png or .svg"), e.getMessage());
    assertThrows(RuntimeException.class, () -> Plots.trace(known(), "sigma"));
    double[][][] v = {{{1}, {Double.NaN}}};
    e = assertThrows(IllegalArgumentException.class,
        () -> Plots.trace(Draws.of(List.of("x"), v), "x"));
    assertTrue(e.getMessage().contains("iteration 2"), e.getMessage());
  }
}
