package org.probity.inference.tempered;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.tempered.ConjugateModels.Case;
import org.probity.trace.Selection;

/**
 * Tempered SMC and AIS on conjugate models against the closed-form log evidence and posterior
 * moments. Each configuration runs R times on seeds 1..R; the tolerance of each check is the
 * Student-t quantile (two-sided 1e-3, R - 1 degrees of freedom) times the standard error of the R
 * replicates, so it is derived from the Monte Carlo error of the runs themselves. The log evidence
 * is compared after the delta-method correction E[log Zhat] = log Z - Var(log Zhat) / 2 (Zhat is
 * unbiased on the natural scale, so its log is biased down by about half its variance).
 * Posterior means and variances are self-normalised (bias O(1/n), far below the tolerance here).
 */
class TemperedConjugateTest {
  static final boolean FULL = "full".equals(System.getProperty("probity.tries"));
  static final int REPLICATES = FULL ? 24 : 8;
  static final int PARTICLES = FULL ? 1000 : 250;

  static final Case NORMAL_MEAN = ConjugateModels.normalMean(ConjugateModels.Y, 2.0, 1.0);
  static final Case NORMAL_PRECISION = ConjugateModels.normalPrecision(ConjugateModels.Y, 2.0, 1.0);

  /** Replicates of one statistic: their mean, standard error and the t-based tolerance. */
  record Replicates(double mean, double variance, double tolerance) {
    static Replicates of(double[] xs) {
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
      double t = TDistribution.of(xs.length - 1).inverseSurvivalProbability(0.0005);
      return new Replicates(m, v, t * Math.sqrt(v / xs.length));
    }
  }

  static void check(Case c, Function<Long, TemperedResult<Double>> run, String what) {
    double[] logZ = new double[REPLICATES];
    double[] mean = new double[REPLICATES];
    double[] variance = new double[REPLICATES];
    for (int r = 0; r < REPLICATES; r++) {
      TemperedResult<Double> res = run.apply((long) r + 1);
      logZ[r] = res.logEvidence();
      mean[r] = res.expectation(x -> x);
      variance[r] = res.variance(x -> x);
    }
    Replicates z = Replicates.of(logZ);
    double corrected = z.mean() + z.variance() / 2;
    assertTrue(Math.abs(corrected - c.logEvidence()) <= z.tolerance(), what + " on " + c.name() + ": mean log Zhat "
        + z.mean() + " (+ var/2 = " + corrected + "), exact " + c.logEvidence() + ", tolerance " + z.tolerance());
    Replicates m = Replicates.of(mean);
    assertTrue(Math.abs(m.mean() - c.mean()) <= m.tolerance(), what + " on " + c.name() + ": posterior mean "
        + m.mean() + ", exact " + c.mean() + ", tolerance " + m.tolerance());
    Replicates v = Replicates.of(variance);
    assertTrue(Math.abs(v.mean() - c.variance()) <= v.tolerance(), what + " on " + c.name() + ": posterior variance "
        + v.mean() + ", exact " + c.variance() + ", tolerance " + v.tolerance());
  }

  static TemperedConfig nuts() {
    return TemperedConfig.defaults().particles(PARTICLES);
  }

  @Test
  void nutsMovesOnTheNormalMean() {
    check(NORMAL_MEAN, seed -> TemperedSmc.run(NORMAL_MEAN.model(), nuts().seed(seed)), "tempered SMC with NUTS");
  }

  @Test
  void nutsMovesOnAPositiveParameter() {
    check(NORMAL_PRECISION, seed -> TemperedSmc.run(NORMAL_PRECISION.model(), nuts().seed(seed)),
        "tempered SMC with NUTS");
  }

  @Test
  void staticHmcMovesOnAPositiveParameter() {
    check(NORMAL_PRECISION, seed -> TemperedSmc.run(NORMAL_PRECISION.model(), nuts().move(Move.hmc(5)).seed(seed)),
        "tempered SMC with static HMC");
  }

  @Test
  void randomWalkMovesOnTheNormalMean() {
    // a fixed random-walk kernel on the tempered program: an MH kernel needs no gradient
    check(NORMAL_MEAN, seed -> TemperedSmc.run(NORMAL_MEAN.model(), nuts().seed(seed)
        .move(Move.kernel(Kernels.randomWalk(Selection.all(), 0.3))).moves(5)), "tempered SMC with random-walk MH");
  }

  @Test
  void annealedImportanceSamplingOnAPositiveParameter() {
    check(NORMAL_PRECISION, seed -> TemperedSmc.run(NORMAL_PRECISION.model(),
        TemperedConfig.ais(Schedule.geometric(20, 1e-3)).particles(PARTICLES / 2).moves(1).seed(seed)), "AIS with NUTS");
  }
}
