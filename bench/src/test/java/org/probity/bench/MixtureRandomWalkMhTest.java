package org.probity.bench;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.probity.bench.data.MixtureData;
import org.probity.bench.handcoded.MixtureRandomWalkMh;
import org.probity.bench.handcoded.RandomWalkMetropolis;
import org.probity.bench.probity.MixtureModel;
import org.probity.bench.probity.ProbityChain;
import org.probity.inference.mcmc.Kernels;
import org.probity.trace.Selection;
import org.probity.random.Rngs;

/**
 * The mixture chains (marginalised z, random walk) against an independent algorithm: the
 * conjugate Gibbs sampler on the augmented model (z | w, mu categorical; w | z Dirichlet; mu[k] |
 * z, y Normal truncated to keep the order, by rejection), its MCSE from its own draws.
 */
class MixtureRandomWalkMhTest {
  private static final MixtureData DATA = MixtureData.generate(200, 11);

  /** Gibbs chains: chains x iterations x (w..., mu...). */
  static double[][][] gibbs(int chains, int iterations) {
    int k = DATA.k();
    int n = DATA.n();
    double s2 = DATA.sigma() * DATA.sigma();
    double[][][] out = new double[chains][iterations][];
    for (int c = 0; c < chains; c++) {
      UniformRandomProvider rng = Rngs.of(500 + c);
      ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
      double[] z0 = MixtureRandomWalkMh.defaultInit(DATA);
      double[] mu = new double[k];
      double[] w = new double[k];
      for (int j = 0; j < k; j++) {
        mu[j] = z0[k + j];
        w[j] = 1.0 / k;
      }
      int[] z = new int[n];
      double[] p = new double[k];
      for (int it = 0; it < iterations; it++) {
        int[] count = new int[k];
        double[] sum = new double[k];
        for (int i = 0; i < n; i++) {
          double tot = 0;
          for (int j = 0; j < k; j++) {
            double r = DATA.y()[i] - mu[j];
            p[j] = w[j] * Math.exp(-0.5 * r * r / s2);
            tot += p[j];
          }
          double u = rng.nextDouble() * tot;
          int j = 0;
          while (j < k - 1 && u >= p[j]) {
            u -= p[j];
            j++;
          }
          z[i] = j;
          count[j]++;
          sum[j] += DATA.y()[i];
        }
        double gs = 0;
        for (int j = 0; j < k; j++) {
          w[j] = AhrensDieterMarsagliaTsangGammaSampler.of(rng, DATA.alpha()[j] + count[j], 1).sample();
          gs += w[j];
        }
        for (int j = 0; j < k; j++) {
          w[j] /= gs;
        }
        for (int j = 0; j < k; j++) {
          double prec = 1 / (DATA.muPriorSd() * DATA.muPriorSd()) + count[j] / s2;
          double m = (sum[j] / s2) / prec;
          double sd = Math.sqrt(1 / prec);
          double lo = j == 0 ? Double.NEGATIVE_INFINITY : mu[j - 1];
          double hi = j == k - 1 ? Double.POSITIVE_INFINITY : mu[j + 1];
          double v;
          do {
            v = m + sd * g.sample();
          } while (!(v > lo && v < hi));
          mu[j] = v;
        }
        double[] row = new double[2 * k];
        System.arraycopy(w, 0, row, 0, k);
        System.arraycopy(mu, 0, row, k, k);
        out[c][it] = row;
      }
    }
    return out;
  }

  private static void compare(double[][][] chains, int burnIn) {
    double[][][] ref = gibbs(4, 5_000);
    for (int j = 0; j < 2 * DATA.k(); j++) {
      double[][] r = McmcChecks.column(ref, j, 500);
      McmcChecks.agrees("parameter " + j, chains, j, burnIn, McmcChecks.mean(r),
          org.probity.inference.diagnostics.Mcse.mean(r));
    }
  }

  // the scale 0.06 suits N = 200 (the workload's smaller scale is for N = 500)
  @Test
  void handCodedChainsMatchGibbs() {
    double[][][] chains = new double[4][][];
    for (int c = 0; c < chains.length; c++) {
      RandomWalkMetropolis.Result r = MixtureRandomWalkMh.run(DATA, MixtureRandomWalkMh.defaultInit(DATA), 40_000,
          0.06, Rngs.of(c));
      chains[c] = r.draws();
    }
    compare(chains, 5_000);
  }

  @Test
  void probityChainsMatchGibbs() {
    MixtureModel model = new MixtureModel(DATA);
    double[][][] chains = new double[4][][];
    for (int c = 0; c < chains.length; c++) {
      chains[c] = ProbityChain.run(model.program(), MixtureModel.init(MixtureRandomWalkMh.defaultInit(DATA), DATA.k()),
          Kernels.randomWalk(Selection.all(), 0.06), 3_000, out -> out, Rngs.of(c)).draws();
    }
    compare(chains, 500);
  }
}
