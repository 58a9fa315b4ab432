package org.probity.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongFunction;
import org.probity.bench.data.HmmData;

/**
 * Statistical checks shared by the hand-coded and the Probity particle filter: over independent
 * runs, the evidence estimate is unbiased on the natural scale (mean of exp(logZ - exact) within
 * 5 standard errors of 1) and every filtering mean is within 5 standard errors (plus the O(1/n)
 * self-normalisation bias allowance 1e-3) of the exact forward-algorithm value.
 */
final class SmcChecks {
  /** One run: log evidence and filtering means. */
  record Run(double logEvidence, double[] means) {
  }

  private SmcChecks() {
  }

  static void check(HmmData d, int runs, LongFunction<Run> filter) {
    double exact = d.exactLogEvidence();
    double[] exactMeans = HmmReference.filteringMeans(d);
    double[] ratio = new double[runs];
    double[][] means = new double[d.t()][runs];
    for (int r = 0; r < runs; r++) {
      Run run = filter.apply(1000L + r);
      ratio[r] = Math.exp(run.logEvidence() - exact);
      for (int t = 0; t < d.t(); t++) {
        means[t][r] = run.means()[t];
      }
    }
    double m = Stats.mean(ratio);
    double se = Stats.standardError(ratio);
    assertTrue(Math.abs(m - 1) < 5 * se, "evidence ratio mean " + m + " not within 5 se (" + se + ") of 1");
    assertTrue(se < 0.2, "evidence estimate too noisy to be a check: se " + se);
    for (int t = 0; t < d.t(); t++) {
      double mt = Stats.mean(means[t]);
      double st = Stats.standardError(means[t]);
      assertTrue(Math.abs(mt - exactMeans[t]) < 5 * st + 1e-3,
          "filtering mean at t = " + t + ": " + mt + " vs exact " + exactMeans[t] + " (se " + st + ")");
    }
  }
}
