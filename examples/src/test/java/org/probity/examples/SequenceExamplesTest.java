package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probity.ad.Real;
import org.probity.inference.smc.SmcResult;

/**
 * The casino's forward-backward smoothing against the exact enumeration of the program; the
 * stochastic-volatility particle filter against the grid filter (the mean of 10 independent
 * runs within 4 standard errors of the exact log evidence and filtering mean); the plots example
 * writes valid PNG and SVG files.
 */
class SequenceExamplesTest {

  @Test
  void casinoSmoothingIsExact() {
    int[] rolls = Arrays.copyOf(CasinoHmm.simulate(40, 3)[1], 12);
    double[] fb = CasinoHmm.smooth(rolls);
    double[] exact = CasinoHmm.smoothByEnumeration(rolls);
    assertArrayEquals(exact, fb, 1e-12);
    // on a long sequence, smoothing finds most of the loaded stretches
    int[][] sim = CasinoHmm.simulate(300, 1);
    double[] p = CasinoHmm.smooth(sim[1]);
    int right = 0;
    for (int t = 0; t < p.length; t++) {
      right += (p[t] > 0.5) == (sim[0][t] == 1) ? 1 : 0;
    }
    assertTrue(right > 200, right + " of 300");
  }

  @Test
  void stochasticVolatilityFilterAgreesWithTheGridFilter() {
    double[] y = StochasticVolatility.synthetic(100, 7);
    double[] exact = StochasticVolatility.gridFilter(y, 1000);
    assertEquals(exact[0], StochasticVolatility.gridFilter(y, 1500)[0], 1e-4, "the grid is fine enough");
    int runs = 10;
    double[] lz = new double[runs];
    double[] m = new double[runs];
    for (int s = 0; s < runs; s++) {
      SmcResult<Real> r = org.probity.inference.smc.Smc.run(StochasticVolatility.volatility(y),
          org.probity.inference.smc.SmcConfig.DEFAULTS.withParticles(1000), s + 1, false);
      lz[s] = r.logEvidence();
      m[s] = r.expectation(Real::value);
    }
    check("log evidence", lz, exact[0]);
    check("E[h_T | y]", m, exact[1]);
  }

  private static void check(String what, double[] xs, double exact) {
    double mean = Arrays.stream(xs).average().orElseThrow();
    double var = Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum() / (xs.length - 1);
    double se = Math.sqrt(var / xs.length);
    assertTrue(Math.abs(mean - exact) < 4 * se + 1e-3, what + ": mean " + mean + " exact " + exact + " se " + se);
  }

  @Test
  void plotsAreWrittenAsPngAndSvg(@TempDir Path dir) throws Exception {
    List<Path> files = PlotsExample.write(dir, 1);
    assertEquals(22, files.size());
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      if (f.toString().endsWith(".png")) {
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4), f.toString());
      } else {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg") && text.strip().endsWith("</svg>"), f.toString());
      }
    }
  }
}
