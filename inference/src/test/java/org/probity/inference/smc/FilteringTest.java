package org.probity.inference.smc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.dist.Normal;
import org.probity.testkit.Tries;

/**
 * SMC against exact filters: the forward algorithm for a hidden Markov model and the Kalman filter
 * for a linear-Gaussian state-space model. R independent runs at fixed seeds; we compare unbiased
 * quantities (the evidence ratio Zhat / Z, and Zhat / Z times a filtering estimate, whose mean is
 * the exact filtering expectation) with their exact values within 4.5 standard errors of the mean
 * over the runs, and require the standard error to be small enough for the check to bite.
 */
class FilteringTest {
  static final boolean FULL = Tries.full();
  static final int RUNS = FULL ? 120 : 30;
  static final double Z_TOL = 4.5;

  /** Mean and standard error of the mean. */
  record Stat(double mean, double se) {
    static Stat of(double[] xs) {
      double m = 0;
      for (double x : xs) {
        m += x;
      }
      m /= xs.length;
      double v = 0;
      for (double x : xs) {
        v += (x - m) * (x - m);
      }
      v /= xs.length - 1;
      return new Stat(m, Math.sqrt(v / xs.length));
    }

    /** Checks the mean against {@code exact}; {@code maxSe} is relative to max(1, |exact|). */
    void check(double exact, double maxSe, String what) {
      assertTrue(se <= maxSe * Math.max(1, Math.abs(exact)), what + ": standard error " + se + " too large for a meaningful check (limit " + maxSe + ")");
      assertEquals(exact, mean, Z_TOL * se + 1e-12, what + " (se " + se + ")");
    }
  }

  /** Runs {@code alg} RUNS times; returns per run the evidence ratio and ratio * E[f_k] for each f. */
  @SafeVarargs
  static <A> Stat[] replicate(Prob<Population<A>> alg, double logZ, long seed0, ToDoubleFunction<A>... fs) {
    double[][] v = new double[1 + fs.length][RUNS];
    for (int r = 0; r < RUNS; r++) {
      SmcResult<A> res = Smc.run(alg, seed0 + r);
      double ratio = Math.exp(res.logEvidence() - logZ);
      v[0][r] = ratio;
      for (int k = 0; k < fs.length; k++) {
        v[k + 1][r] = ratio * res.expectation(fs[k]);
      }
    }
    Stat[] out = new Stat[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = Stat.of(v[k]);
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> hmmFilteringAndEvidenceMatchTheForwardAlgorithm() {
    double[] y = SsmModels.hmmData(40, 1);
    double[] logZ = new double[y.length];
    double[][] filt = SsmModels.forward(y, logZ);
    List<DynamicTest> tests = new ArrayList<>();
    Object[][] algs = {
        {"systematic", (java.util.function.Function<Prob<Integer>, Prob<Population<Integer>>>) m -> Smc.smc(m, 500, Resampler.SYSTEMATIC)},
        {"multinomial", (java.util.function.Function<Prob<Integer>, Prob<Population<Integer>>>) m -> Smc.smc(m, 500, Resampler.MULTINOMIAL)},
        {"stratified", (java.util.function.Function<Prob<Integer>, Prob<Population<Integer>>>) m -> Smc.smc(m, 500, Resampler.STRATIFIED)},
        {"residual", (java.util.function.Function<Prob<Integer>, Prob<Population<Integer>>>) m -> Smc.smc(m, 500, Resampler.RESIDUAL)},
        {"adaptive 0.5", (java.util.function.Function<Prob<Integer>, Prob<Population<Integer>>>) m -> Smc.adaptive(m, 500, Resampler.SYSTEMATIC, 0.5)},
    };
    for (Object[] a : algs) {
      @SuppressWarnings("unchecked")
      java.util.function.Function<Prob<Integer>, Prob<Population<Integer>>> alg = (java.util.function.Function<Prob<Integer>, Prob<Population<Integer>>>) a[1];
      for (int t : new int[] {1, 12, 40}) {
        tests.add(DynamicTest.dynamicTest(a[0] + " t=" + t, () -> {
          Stat[] s = replicate(alg.apply(SsmModels.hmm(y, t)), logZ[t - 1], 1000L * t,
              x -> x == 0 ? 1 : 0, x -> x == 1 ? 1 : 0, x -> x == 2 ? 1 : 0);
          s[0].check(1.0, 0.08, "evidence ratio at t=" + t);
          for (int k = 0; k < 3; k++) {
            s[k + 1].check(filt[t - 1][k], 0.08, "P(x[" + (t - 1) + "] = " + k + " | y)");
          }
        }));
      }
    }
    return tests.stream();
  }

  /** The running evidence estimate seen by a user transformation after every step is unbiased at every step. */
  @Test
  void runningEvidenceAtEveryStepIsUnbiased() {
    double[] y = SsmModels.hmmData(30, 2);
    double[] logZ = new double[y.length];
    SsmModels.forward(y, logZ);
    double[][] ratios = new double[y.length][RUNS];
    for (int r = 0; r < RUNS; r++) {
      int run = r;
      Transform<Integer> record = p -> {
        ratios[p.step() - 1][run] = Math.exp(p.logEvidenceEstimate() - logZ[p.step() - 1]);
        return new org.probity.core.Pure<>(p);
      };
      Prob<Population<Integer>> alg = Smc.sis(Population.spawn(SsmModels.hmm(y, y.length), 300),
          record.andThen(Transform.resample(Resampler.SYSTEMATIC)));
      SmcResult<Integer> res = Smc.run(alg, 500 + r);
      ratios[y.length - 1][run] = Math.exp(res.logEvidence() - logZ[y.length - 1]);
    }
    for (int t = 0; t < y.length; t++) {
      Stat.of(ratios[t]).check(1.0, 0.08, "evidence ratio after step " + (t + 1));
    }
  }

  /** The locally optimal proposal for the linear-Gaussian model: x[t] given x[t-1] and y[t]. */
  static Proposal optimal(double[] y) {
    return (step, address, prior) -> {
      if (address == null || !(prior instanceof Normal n)) {
        return prior;
      }
      int t = (Integer) address.parts().get(1);
      double m = n.mu().value();
      double v = n.variance();
      double pv = 1 / (1 / v + 1 / SsmModels.R);
      return Normal.of(pv * (m / v + y[t] / SsmModels.R), Math.sqrt(pv));
    };
  }

  @TestFactory
  Stream<DynamicTest> linearGaussianMatchesTheKalmanFilter() {
    double[] y = SsmModels.data(30, 4);
    double[][] kf = SsmModels.kalman(y);
    List<DynamicTest> tests = new ArrayList<>();
    for (int t : new int[] {1, 10, 30}) {
      for (boolean withProposal : new boolean[] {false, true}) {
        tests.add(DynamicTest.dynamicTest((withProposal ? "optimal proposal" : "bootstrap") + " t=" + t, () -> {
          Prob<Double> model = SsmModels.linearGaussian(y, t);
          Prob<Population<Double>> alg = withProposal
              ? Smc.withProposal(model, 400, Resampler.SYSTEMATIC, optimal(y))
              : Smc.smc(model, 400, Resampler.SYSTEMATIC);
          Stat[] s = replicate(alg, kf[2][t - 1], 7000L * t + (withProposal ? 1 : 0), x -> x, x -> x * x);
          double mean = kf[0][t - 1];
          double second = kf[1][t - 1] + mean * mean;
          s[0].check(1.0, 0.08, "evidence ratio");
          s[1].check(mean, 0.1, "filtering mean");
          s[2].check(second, 0.15, "filtering second moment");
        }));
      }
    }
    return tests.stream();
  }

  /** The optimal proposal reduces the variance of the log-evidence estimate (about threefold here; we require a factor 0.6, nearly three standard errors of the log variance ratio away at 100 runs). */
  @Test
  void optimalProposalReducesEvidenceVariance() {
    double[] y = SsmModels.data(30, 4);
    Prob<Double> model = SsmModels.linearGaussian(y, 30);
    int runs = 100;
    double[] boot = new double[runs];
    double[] opt = new double[runs];
    for (int r = 0; r < runs; r++) {
      boot[r] = Smc.run(Smc.smc(model, 200, Resampler.SYSTEMATIC), 900 + r).logEvidence();
      opt[r] = Smc.run(Smc.withProposal(model, 200, Resampler.SYSTEMATIC, optimal(y)), 900 + r).logEvidence();
    }
    double vb = Math.pow(Stat.of(boot).se(), 2);
    double vo = Math.pow(Stat.of(opt).se(), 2);
    assertTrue(vo < 0.6 * vb, "optimal proposal variance " + vo + " vs bootstrap " + vb);
  }

  @Test
  void addressesOfNamedSitesReachTheProposal() {
    List<Address> seen = new ArrayList<>();
    double[] y = SsmModels.data(3, 1);
    Smc.run(Smc.withProposal(SsmModels.linearGaussian(y, 3), 1, Resampler.SYSTEMATIC, (step, address, prior) -> {
      seen.add(address);
      assertEquals(step - 1, (int) (Integer) address.parts().get(1), "site x[t] is reached at step t + 1");
      return prior;
    }), 1);
    assertEquals(List.of(Address.of("x", 0), Address.of("x", 1), Address.of("x", 2)), seen);
  }
}
