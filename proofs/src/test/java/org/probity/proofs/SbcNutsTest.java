package org.probity.proofs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.mcmc.HmcKernel;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;
import org.probity.random.Rngs;
import org.probity.testkit.Tries;

/**
 * Simulation-based calibration (Talts et al. 2018) of NUTS on traces ({@code HmcKernel.nuts()},
 * run by {@code Mcmc.run}: one chain, Stan's warm-up of {@value #WARMUP} iterations, then
 * {@value #DRAWS} draws kept from every {@value #THIN}th iteration) on a small hierarchical model,
 * non-centred: mu ~ N(0, 2), tau ~ HalfNormal(1), eta_j ~ N(0, 1), y_j ~ N(mu + tau eta_j, 1),
 * j = 1..4. For each simulation (mu*, tau*, eta*, y) from the model, the rank of each test
 * quantity (mu, tau, eta_1, and the log-likelihood log p(y | mu, tau, eta), which sees an
 * inference that ignores the data) among the draws is recorded; each quantity's ranks (0..9, 10
 * bins) are tested for uniformity with Pearson's chi-square (9 degrees of freedom) at level
 * {@value #ALPHA} / 4, so the family-wise false-alarm rate is at most {@value #ALPHA}. A planted
 * bug (NUTS run on the model with each observation counted twice, a posterior too narrow) must be
 * rejected. Simulations: 200 (planted bug 100) in the fast profile, 1500 (500) under {@code -Pfull}.
 */
class SbcNutsTest {
  static final long SEED = 2025L;
  static final int SIMULATIONS = Tries.of(200, 1500);
  /** Simulations for the planted bug, which shows at p below 1e-5 with 100. */
  static final int PLANTED_SIMULATIONS = Tries.of(100, 500);
  static final int DRAWS = 9;
  static final int WARMUP = 150;
  static final int THIN = 10;
  static final double ALPHA = 1e-3;
  static final int J = 4;

  record Truth(double mu, double tau, double[] eta, double[] y) {
  }

  /** The model of the inference with each observation counted {@code copies} times. */
  static Prob<double[]> model(double[] y, int copies) {
    return sample("mu", normal(0, 2)).flatMap(mu -> sample("tau", halfNormal(1)).flatMap(tau ->
        sample("eta", normal(0, 1).vector(J)).flatMap(eta -> observeAll(y, mu, tau, eta, copies).then(() -> {
          double[] out = new double[2 + J];
          out[0] = mu.value();
          out[1] = tau.value();
          for (int j = 0; j < J; j++) {
            out[2 + j] = eta[j].value();
          }
          return pure(out);
        }))));
  }

  private static Prob<org.probity.core.Unit> observeAll(double[] y, Real mu, Real tau, Real[] eta, int copies) {
    double[] data = new double[y.length * copies];
    for (int c = 0; c < copies; c++) {
      System.arraycopy(y, 0, data, c * y.length, y.length);
    }
    return plate(data, i -> normal(mu.plus(tau.times(eta[i % J])), 1.0));
  }

  static Truth simulate(UniformRandomProvider rng) {
    double mu = normal(0, 2).sampleDouble(rng);
    double tau = halfNormal(1).sampleDouble(rng);
    double[] eta = new double[J];
    double[] y = new double[J];
    for (int j = 0; j < J; j++) {
      eta[j] = normal(0, 1).sampleDouble(rng);
      y[j] = normal(mu + tau * eta[j], 1).sampleDouble(rng);
    }
    return new Truth(mu, tau, eta, y);
  }

  static double logLikelihood(double[] theta, double[] y) {
    double s = 0;
    for (int j = 0; j < J; j++) {
      double r = y[j] - theta[0] - theta[1] * theta[2 + j];
      s += -0.5 * r * r;
    }
    return s;
  }

  /** The four quantities' rank counts and p-values for NUTS on the model with the data counted {@code copies} times. */
  static double[] pValues(int copies, int simulations, long[][] counts) {
    for (int s = 0; s < simulations; s++) {
      Truth t = simulate(Rngs.split(SEED, s));
      McmcConfig cfg = McmcConfig.defaults().chains(1).threads(1).warmup(WARMUP).samples(DRAWS).thin(THIN)
          .seed(Rngs.childSeed(SEED, s)).progress(false);
      McmcResult<double[]> r = Mcmc.run(model(t.y(), copies), HmcKernel.nuts(), cfg);
      double[] truthTheta = new double[2 + J];
      truthTheta[0] = t.mu();
      truthTheta[1] = t.tau();
      System.arraycopy(t.eta(), 0, truthTheta, 2, J);
      double[] truth = {t.mu(), t.tau(), t.eta()[0], logLikelihood(truthTheta, t.y())};
      int[] ranks = new int[4];
      for (double[] theta : r.returnValues().get(0)) {
        double[] q = {theta[0], theta[1], theta[2], logLikelihood(theta, t.y())};
        for (int k = 0; k < 4; k++) {
          if (q[k] < truth[k]) {
            ranks[k]++;
          }
        }
      }
      for (int k = 0; k < 4; k++) {
        counts[k][ranks[k]]++;
      }
    }
    double expected = (double) simulations / (DRAWS + 1);
    double[] p = new double[4];
    for (int k = 0; k < 4; k++) {
      double chi2 = 0;
      for (long c : counts[k]) {
        chi2 += (c - expected) * (c - expected) / expected;
      }
      p[k] = ChiSquaredDistribution.of(DRAWS).survivalProbability(chi2);
    }
    return p;
  }

  static boolean uniform(double[] p) {
    for (double v : p) {
      if (v < ALPHA / p.length) {
        return false;
      }
    }
    return true;
  }

  static String describe(double[] p, long[][] counts) {
    List<String> names = List.of("mu", "tau", "eta_1", "log-likelihood");
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 4; k++) {
      sb.append(String.format("%n  %s: ranks %s, p = %.3g", names.get(k), Arrays.toString(counts[k]), p[k]));
    }
    return sb.toString();
  }

  @Test
  void nutsIsCalibratedOnAHierarchicalModel() {
    long[][] counts = new long[4][DRAWS + 1];
    double[] p = pValues(1, SIMULATIONS, counts);
    assertTrue(uniform(p), "SBC rejects NUTS:" + describe(p, counts));
  }

  @Test
  void sbcRejectsNutsOnTheWrongPosterior() {
    long[][] counts = new long[4][DRAWS + 1];
    double[] p = pValues(2, PLANTED_SIMULATIONS, counts);
    assertFalse(uniform(p), "SBC did not see the data counted twice:" + describe(p, counts));
  }
}
