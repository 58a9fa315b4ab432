package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.probity.Probity.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.diagnostics.Mcse;
import org.probity.random.Rngs;
import org.probity.semantics.Sampler;
import org.probity.trace.PointwiseLogLikelihood;
import org.probity.trace.Predictions;
import org.probity.trace.Predictive;
import org.probity.trace.Selection;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * The posterior predictive and the pointwise log likelihood from the traces of MCMC chains: the
 * replicated data have the conjugate posterior predictive's mean and variance within Monte Carlo
 * error, and the log likelihood comes out in ArviZ's [chain][draw][observation] layout.
 */
class PredictiveFromChainsTest {
  private static final double[] Y = {1.2, 0.4, 2.1, 1.5};

  /** mu ~ N(0, 2), y[i] ~ N(mu, 1), mu + 1 recorded. */
  static Prob<Real> model() {
    return sample("mu", normal(0, 2), mu -> deterministic("shifted", mu.plus(1)).then(() ->
        plate("y", normal(mu, Real.of(1)), Y)).map(u -> mu));
  }

  @Test
  void replicatedDataHaveThePosteriorPredictiveLaw() {
    int chains = 2;
    int draws = 4000;
    Kernel<Real> k = Kernels.randomWalk(Selection.all(), 0.8);
    List<Trace<Real>> kept = new ArrayList<>();
    for (int c = 0; c < chains; c++) {
      UniformRandomProvider rng = Rngs.split(31, c);
      Trace<Real> t = Mcmc.initialise(model(), rng, 10);
      for (int i = 0; i < 500 + draws; i++) {
        t = Sampler.run(k.apply(t), rng).value();
        if (i >= 500) {
          kept.add(t);
        }
      }
    }
    Predictions<Real> p = Predictive.posterior(model(), kept, 8);
    double[][] yRep = p.draws("y"); // [draw][entry]
    double[][] first = new double[chains][draws];
    for (int c = 0; c < chains; c++) {
      for (int i = 0; i < draws; i++) {
        first[c][i] = yRep[c * draws + i][0];
      }
    }
    // posterior: precision 1/4 + 4, mean 5.2 / 4.25; predictive: the same mean, variance 1 / 4.25 + 1
    double mean = 0;
    double var = 0;
    for (double[] row : first) {
      for (double v : row) {
        mean += v / (chains * draws);
      }
    }
    for (double[] row : first) {
      for (double v : row) {
        var += (v - mean) * (v - mean) / (chains * draws - 1);
      }
    }
    double mcse = Mcse.mean(first);
    assertEquals(5.2 / 4.25, mean, 5 * mcse);
    double ess = var / (mcse * mcse); // the effective sample size behind the MCSE
    assertEquals(1 / 4.25 + 1, var, 5 * var * Math.sqrt(2 / ess),
        "the predictive variance (posterior variance plus the noise), within five standard errors of a variance");
    assertEquals(((Real) kept.get(7).value("mu")).value() + 1, ((Real) p.traces().get(7).value("shifted")).value(), 0.0);
    PointwiseLogLikelihood ll = Predictive.logLikelihood(model(), kept);
    double[][][] byChain = ll.byChain(chains);
    assertEquals(draws, byChain[1].length);
    double mu = ((Real) kept.get(draws + 3).value("mu")).value();
    assertEquals(-0.5 * (Y[2] - mu) * (Y[2] - mu) - 0.5 * Math.log(2 * Math.PI), byChain[1][3][2], 1e-12);
    assertEquals(kept.get(5).logLikelihood(), ll.total()[5], 1e-12);
    assertEquals(Traces.replay(model(), kept.get(5).values()).logJoint(), kept.get(5).logJoint(), 1e-12);
  }
}
