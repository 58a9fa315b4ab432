package org.probity.proofs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.Probity;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.random.Rngs;
import org.probity.semantics.ImportanceSampling;
import org.probity.semantics.WeightedSample;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.SimulationBasedCalibration;

/**
 * Simulation-based calibration (Talts et al. 2018) of importance sampling on the conjugate
 * Normal-Normal model mu ~ N(0, 1), y_j ~ N(mu, 1), j = 1..4: the ranks of mu* and of the
 * log-likelihood log p(y | mu*) among 9 posterior draws (resampled from {@value #PARTICLES}
 * importance samples) are tested for uniformity on 10 bins with Pearson's chi-square at
 * family-wise false-alarm rate {@value #ALPHA}, at a fixed seed. Wrong posteriors (the likelihood
 * counted twice; the likelihood's scale doubled; the data ignored, which the rank of mu alone
 * cannot see) must be rejected.
 */
class SbcImportanceSamplingTest {
  static final long SEED = 2018L;
  static final int SIMULATIONS = Tries.full() ? 2000 : 400;
  static final int DRAWS = 9;
  static final int PARTICLES = 1000;
  static final int OBSERVATIONS = 4;
  static final double ALPHA = 1e-3;

  static final SimulationBasedCalibration.Simulator<double[]> NORMAL_NORMAL = new SimulationBasedCalibration.Simulator<>() {
    @Override
    public double prior(UniformRandomProvider rng) {
      return Probity.normal(0, 1).sampleDouble(rng);
    }

    @Override
    public double[] data(double mu, UniformRandomProvider rng) {
      double[] y = new double[OBSERVATIONS];
      for (int j = 0; j < y.length; j++) {
        y[j] = Probity.normal(mu, 1).sampleDouble(rng);
      }
      return y;
    }
  };

  /** The model of the inference: mu ~ N(0, 1), y_j ~ N(mu, sigma). */
  static Prob<Real> model(double[] y, double sigma) {
    return Probity.sample(Probity.normal(0, 1), mu -> observeFrom(mu, y, 0, sigma));
  }

  static Prob<Real> observeFrom(Real mu, double[] y, int j, double sigma) {
    if (j == y.length) {
      return Probity.pure(mu);
    }
    return Probity.observe(Probity.normal(mu, sigma), y[j], () -> observeFrom(mu, y, j + 1, sigma));
  }

  static SimulationBasedCalibration.Posterior<double[]> importanceSampling(double sigma, int copies) {
    return (y, count, seed) -> {
      double[] data = new double[y.length * copies];
      for (int c = 0; c < copies; c++) {
        System.arraycopy(y, 0, data, c * y.length, y.length);
      }
      WeightedSample<Real> ws = ImportanceSampling.run(model(data, sigma), PARTICLES, seed);
      return SimulationBasedCalibration.resample(ws, Real::value, count, Rngs.of(seed ^ 0xD1CEL));
    };
  }

  static final List<SimulationBasedCalibration.TestQuantity<double[]>> QUANTITIES = List.of(
      SimulationBasedCalibration.TestQuantity.parameter(),
      SimulationBasedCalibration.TestQuantity.of("log-likelihood", (mu, y) -> {
        double s = 0;
        for (double v : y) {
          s += Probity.normal(mu, 1).logDensity(v);
        }
        return s;
      }));

  static SimulationBasedCalibration.Result sbc(SimulationBasedCalibration.Posterior<double[]> inference) {
    return SimulationBasedCalibration.run(NORMAL_NORMAL, inference, QUANTITIES, SIMULATIONS, DRAWS, SEED);
  }

  @Test
  void importanceSamplingIsCalibrated() {
    SimulationBasedCalibration.Result r = sbc(importanceSampling(1.0, 1));
    assertTrue(r.uniform(ALPHA), "SBC rejects importance sampling: " + r);
  }

  @Test
  void detectsAPosteriorThatCountsTheDataTwice() {
    SimulationBasedCalibration.Result r = sbc(importanceSampling(1.0, 2));
    assertFalse(r.uniform(ALPHA), "SBC did not detect a too-narrow posterior: " + r);
  }

  @Test
  void detectsAPosteriorFromTheWrongLikelihoodScale() {
    SimulationBasedCalibration.Result r = sbc(importanceSampling(2.0, 1));
    assertFalse(r.uniform(ALPHA), "SBC did not detect a too-wide posterior: " + r);
  }

  @Test
  void detectsAPosteriorThatIgnoresTheData() {
    SimulationBasedCalibration.Result r = sbc(importanceSampling(1.0, 0));
    assertFalse(r.uniform(ALPHA), "SBC did not detect the prior returned as posterior: " + r);
  }
}
