package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;
import org.probity.inference.smc.SmcResult;

/** The SMC examples: the bundled data, the exact reference, an SE-based evidence check, and that each main prints its summary. */
class SmcExamplesTest {

  @Test
  void coalMiningDataHas112YearsAnd191Disasters() {
    int[] y = CoalMiningChangepoint.data();
    assertEquals(112, y.length);
    assertEquals(191, Arrays.stream(y).sum());
    assertEquals(4, y[0]);
    assertEquals(1, y[111]);
  }

  @Test
  void exactChangepointPosteriorIsNormalisedAndPeaksAround1890() {
    CoalMiningChangepoint.Exact ex = CoalMiningChangepoint.exact(CoalMiningChangepoint.data());
    assertEquals(1.0, Arrays.stream(ex.switchpointPosterior()).sum(), 1e-12);
    int best = 0;
    for (int s = 1; s < 112; s++) {
      if (ex.switchpointPosterior()[s] > ex.switchpointPosterior()[best]) {
        best = s;
      }
    }
    int year = CoalMiningChangepoint.FIRST_YEAR + best;
    assertTrue(year >= 1885 && year <= 1895, "mode of the switchpoint " + year);
  }

  /** Adaptive SMC's evidence ratio Zhat / Z over 20 seeds has mean 1 within 4.5 standard errors. */
  @Test
  void changepointEvidenceIsUnbiased() {
    int[] y = CoalMiningChangepoint.data();
    double logZ = CoalMiningChangepoint.exact(y).logEvidence();
    int runs = 20;
    double[] ratio = new double[runs];
    double[] year = new double[runs];
    for (int r = 0; r < runs; r++) {
      SmcResult<CoalMiningChangepoint.Changepoint> res =
          Smc.run(Smc.adaptive(CoalMiningChangepoint.model(y), 1000, Resampler.SYSTEMATIC, 0.5), 100 + r);
      ratio[r] = Math.exp(res.logEvidence() - logZ);
      year[r] = ratio[r] * res.expectation(c -> c.switchpoint());
    }
    double m = Arrays.stream(ratio).average().orElseThrow();
    double se = Math.sqrt(Arrays.stream(ratio).map(x -> (x - m) * (x - m)).sum() / (runs - 1) / runs);
    assertTrue(se < 0.1, "se " + se);
    assertEquals(1.0, m, 4.5 * se, "mean evidence ratio (se " + se + ")");
    double[] post = CoalMiningChangepoint.exact(y).switchpointPosterior();
    double exactS = 0;
    for (int s = 0; s < post.length; s++) {
      exactS += s * post[s];
    }
    double my = Arrays.stream(year).average().orElseThrow();
    double sey = Math.sqrt(Arrays.stream(year).map(x -> (x - my) * (x - my)).sum() / (runs - 1) / runs);
    assertEquals(exactS, my, 4.5 * sey, "E[switchpoint] (se " + sey + ")");
  }

  /** The HMM example's model, enumerated exactly on 8 observations, is the forward algorithm's. */
  @Test
  void hmmModelIsExactlyTheForwardAlgorithmsModel() {
    double[] y = Arrays.copyOf(HmmFilter.simulate(8, 42), 8);
    double[] logZ = new double[y.length];
    double[] exact = HmmFilter.forward(y, logZ);
    org.probity.semantics.Enumeration<Integer> e = org.probity.semantics.Enumerator.enumerate(HmmFilter.model(y));
    assertEquals(exact[3], e.logEvidence(), 1e-10);
    for (int k = 0; k < 3; k++) {
      assertEquals(exact[k], e.probability(k), 1e-10, "P(x[7] = " + k + " | y)");
    }
  }

  @Test
  void mainsPrintTheirSummaries() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true));
    try {
      CoalMiningChangepoint.main(new String[] {"500"});
      HmmFilter.main(new String[] {"300", "50"});
      StateSpaceKalman.main(new String[] {"300", "30"});
    } finally {
      System.setOut(old);
    }
    String out = buf.toString();
    assertTrue(out.contains("switch year") && out.contains("exact"), out);
    assertTrue(out.contains("forward algorithm"), out);
    assertTrue(out.contains("Kalman (exact)"), out);
  }
}
