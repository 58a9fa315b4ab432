package org.probity.spark;

import static org.probity.Probity.*;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.random.Rngs;
import org.probity.semantics.ImportanceSampling;
import org.probity.semantics.WeightedSample;
import org.probity.testkit.laws.SimulationBasedCalibration;

/** The small models of the tests, as factories that travel. */
final class Models {
  private Models() {
  }

  /** mu ~ Normal(0, 10), y_i ~ Normal(mu, 1): a record of its data. */
  record NormalMean(double[] y) implements ModelFactory<Real> {
    @Override
    public Prob<Real> build() {
      return sample("mu", normal(0, 10)).flatMap(mu -> plate(y, j -> normal(mu, 1)).then(() -> pure(mu)));
    }
  }

  /** A group's intercept and noise: alpha ~ Normal(0, 5), sigma ~ HalfNormal(2), y ~ Normal(alpha, sigma). */
  record Intercept() implements GroupModel {
    @Override
    public Prob<?> build(GroupData data) {
      double[] y = data.column("y");
      return sample("alpha", normal(0, 5)).flatMap(alpha -> sample("sigma", halfNormal(2)).flatMap(sigma ->
          plate(y, j -> normal(alpha, sigma)).then(() -> pure(alpha))));
    }
  }

  /** The normal-mean model for importance sampling and SMC fits: returns mu. */
  record InterceptOnly() implements GroupModel {
    @Override
    public Prob<?> build(GroupData data) {
      return new NormalMean(data.column("y")).build();
    }
  }

  /** SBC of likelihood weighting on the conjugate normal mean (prior Normal(0, 1), 3 observations of sd 1). */
  record NormalSbc() implements SbcProblem<double[]> {
    @Override
    public double prior(UniformRandomProvider rng) {
      return org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng).sample();
    }

    @Override
    public double[] data(double theta, UniformRandomProvider rng) {
      var g = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
      return new double[] {theta + g.sample(), theta + g.sample(), theta + g.sample()};
    }

    @Override
    public double[] posterior(double[] y, int count, long seed) {
      Prob<Real> m = sample("mu", normal(0, 1)).flatMap(mu -> plate(y, j -> normal(mu, 1)).then(() -> pure(mu)));
      WeightedSample<Real> w = ImportanceSampling.run(m, 200, seed);
      return SimulationBasedCalibration.resample(w, Real::value, count, Rngs.of(seed));
    }
  }

  /** The same problem through the test kit's interfaces. */
  static SimulationBasedCalibration.Simulator<double[]> simulator(NormalSbc p) {
    return new SimulationBasedCalibration.Simulator<>() {
      @Override
      public double prior(UniformRandomProvider rng) {
        return p.prior(rng);
      }

      @Override
      public double[] data(double theta, UniformRandomProvider rng) {
        return p.data(theta, rng);
      }
    };
  }
}
