package org.probity.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.probity.bench.data.LogisticData;
import org.probity.bench.handcoded.LogisticLaplace;
import org.probity.bench.handcoded.LogisticRandomWalkMh;
import org.probity.bench.probity.LogisticModel;
import org.probity.bench.probity.ProbityChain;
import org.probity.inference.mcmc.Kernels;
import org.probity.trace.Selection;
import org.probity.random.Rngs;

/**
 * The logistic-regression chains (hand-coded and Probity) against a reference independent of
 * MCMC: self-normalised importance sampling from the Laplace Gaussian with covariance inflated by
 * 1.5^2, whose standard errors come from the delta method.
 */
class LogisticRandomWalkMhTest {
  private static final LogisticData DATA = LogisticData.generate(300, 7);
  private static final LogisticLaplace.Result LAPLACE = LogisticLaplace.fit(DATA);

  /** Reference posterior means and their standard errors by importance sampling. */
  private static double[][] reference(int draws) {
    int dim = DATA.d() + 1;
    double[][] l = cholesky(LAPLACE.covariance());
    UniformRandomProvider rng = Rngs.of(99);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double infl = 1.5;
    double[][] xs = new double[draws][dim];
    double[] lw = new double[draws];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < draws; i++) {
      double[] e = new double[dim];
      double q = 0;
      for (int j = 0; j < dim; j++) {
        e[j] = g.sample();
        q += -0.5 * e[j] * e[j];
      }
      for (int a = 0; a < dim; a++) {
        double v = LAPLACE.mode()[a];
        for (int b = 0; b <= a; b++) {
          v += infl * l[a][b] * e[b];
        }
        xs[i][a] = v;
      }
      lw[i] = LogisticRandomWalkMh.logPosterior(DATA, xs[i]) - q;
      max = Math.max(max, lw[i]);
    }
    double[] w = new double[draws];
    double s = 0;
    for (int i = 0; i < draws; i++) {
      w[i] = Math.exp(lw[i] - max);
      s += w[i];
    }
    double[][] out = new double[2][dim];
    for (int j = 0; j < dim; j++) {
      double m = 0;
      for (int i = 0; i < draws; i++) {
        m += w[i] * xs[i][j];
      }
      m /= s;
      double v = 0;
      for (int i = 0; i < draws; i++) {
        double r = w[i] / s * (xs[i][j] - m);
        v += r * r;
      }
      out[0][j] = m;
      out[1][j] = Math.sqrt(v);
    }
    return out;
  }

  private static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
      }
    }
    return l;
  }

  @Test
  void handCodedChainsMatchTheImportanceSamplingReference() {
    double[][] ref = reference(40_000);
    double step = LAPLACE.randomWalkScale();
    double[][][] chains = new double[4][][];
    double acc = 0;
    for (int c = 0; c < chains.length; c++) {
      LogisticRandomWalkMh.Result r = LogisticRandomWalkMh.run(DATA, 20_000, step, LAPLACE.mode(), Rngs.of(c));
      chains[c] = r.draws();
      acc += r.acceptanceRate() / chains.length;
    }
    assertTrue(acc > 0.1 && acc < 0.6, "acceptance " + acc);
    for (int j = 0; j <= DATA.d(); j++) {
      McmcChecks.agrees("theta[" + j + "]", chains, j, 2_000, ref[0][j], ref[1][j]);
    }
  }

  @Test
  void probityChainsMatchTheImportanceSamplingReference() {
    double[][] ref = reference(40_000);
    double step = LAPLACE.randomWalkScale();
    LogisticModel model = new LogisticModel(DATA);
    double[][][] chains = new double[4][][];
    for (int c = 0; c < chains.length; c++) {
      chains[c] = ProbityChain.run(model.program(), LogisticModel.init(LAPLACE.mode()),
          Kernels.randomWalk(Selection.all(), step), 3_000, out -> out, Rngs.of(c)).draws();
    }
    for (int j = 0; j <= DATA.d(); j++) {
      McmcChecks.agrees("theta[" + j + "]", chains, j, 300, ref[0][j], ref[1][j]);
    }
  }
}
