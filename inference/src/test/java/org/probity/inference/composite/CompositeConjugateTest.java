package org.probity.inference.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.inference.diagnostics.Mcse;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;
import org.probity.inference.smc.SmcResult;
import org.probity.semantics.Sampler;
import org.probity.testkit.Tries;
import org.probity.trace.Selection;

/**
 * Statistical checks of resample-move SMC and PMMH on conjugate Normal models whose posterior is
 * known in closed form, at fixed seeds, with tolerances of four Monte Carlo standard errors
 * (between seeded replicas for SMC, from the chain's effective sample size for PMMH).
 */
class CompositeConjugateTest {
  static final boolean FULL = Tries.full();
  static final double[] Y = {0.8, 1.3, 0.4, 1.9, 1.1};

  /** mu ~ N(0, 1), y_i ~ N(mu, 1): posterior N(sum y / (1 + n), 1 / (1 + n)). */
  static Prob<Double> normalNormal() {
    return sample("mu", normal(0, 1)).flatMap(mu ->
        fold(0, Y.length, 0, (u, i) -> observe(normal(mu, 1), Y[i]).map(v -> 0)).map(u -> mu.value()));
  }

  /** log N(y; 0, I + 11^T), the evidence of {@link #normalNormal}. */
  static double logEvidence() {
    int n = Y.length;
    double s = 0;
    double s2 = 0;
    for (double y : Y) {
      s += y;
      s2 += y * y;
    }
    double quad = s2 - s * s / (1 + n); // y^T (I - 11^T / (1 + n)) y
    return -0.5 * (n * Math.log(2 * Math.PI) + Math.log(1 + n) + quad);
  }

  @Test
  void rmsmcPosteriorMeanAndEvidence() {
    int replicas = FULL ? 40 : 8;
    double n = Y.length;
    double mean = sum(Y) / (1 + n);
    double z = logEvidence();
    double[] means = new double[replicas];
    double[] ratios = new double[replicas];
    for (int r = 0; r < replicas; r++) {
      SmcResult<Double> res = Smc.run(Rmsmc.rmsmc(normalNormal(), RmsmcConfig.<Double>defaults().withParticles(100)
          .withKernel(Kernels.randomWalk(Selection.all(), 0.5)).withMoves(2)), 1000 + r);
      means[r] = res.expectation(x -> x);
      ratios[r] = Math.exp(res.logEvidence() - z);
    }
    double se = sd(means) / Math.sqrt(replicas);
    assertTrue(se > 0 && se < 0.05, "posterior mean SE " + se);
    assertEquals(mean, avg(means), 4 * se, "posterior mean over replicas");
    double seZ = sd(ratios) / Math.sqrt(replicas);
    assertTrue(seZ < 0.1, "evidence SE " + seZ);
    assertEquals(1.0, avg(ratios), 4 * seZ, "E[Z hat / Z] = 1");
  }

  /** theta ~ N(0, 1), x_i ~ N(theta, 1), y_i ~ N(x_i, 1): y_i ~ N(theta, 2) given theta. */
  static Prob<Double> latent(double theta) {
    return fold(0, Y.length, 0, (u, i) -> sample(normal(theta, 1)).flatMap(x -> observe(normal(x, 1), Y[i]).map(v -> 0)))
        .map(u -> theta);
  }

  @Test
  void pmmhPosteriorMeanAndSd() {
    int steps = FULL ? 10000 : 2000;
    int burn = steps / 10;
    double precision = 1 + Y.length / 2.0;
    double mean = sum(Y) / 2 / precision;
    double sd = Math.sqrt(1 / precision);
    List<PmmhState<Double, Double>> chain = Sampler.run(Pmmh.pmmh(sample("theta", normal(0, 1)).map(t -> t.value()),
        CompositeConjugateTest::latent, 20, steps, Resampler.SYSTEMATIC, Kernels.randomWalk(Selection.all(), 1.0)), 7L).value();
    double[][] draws = new double[1][steps - burn];
    int moved = 0;
    for (int i = burn; i < steps; i++) {
      draws[0][i - burn] = chain.get(i).theta();
      if (chain.get(i) != chain.get(i - 1)) {
        moved++;
      }
    }
    assertTrue(moved > (steps - burn) / 10, "the chain moves: " + moved);
    double mcse = Mcse.mean(draws);
    assertTrue(mcse < 0.1, "MCSE " + mcse);
    assertEquals(mean, avg(draws[0]), 4 * mcse, "posterior mean of theta");
    assertEquals(sd, sd(draws[0]), 4 * Mcse.sd(draws), "posterior sd of theta");
  }

  static double sum(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s;
  }

  static double avg(double[] x) {
    return sum(x) / x.length;
  }

  static double sd(double[] x) {
    double m = avg(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (x.length - 1));
  }
}
