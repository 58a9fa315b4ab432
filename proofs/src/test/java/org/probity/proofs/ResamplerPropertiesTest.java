package org.probity.proofs;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.Probity;
import org.probity.core.Weighted;
import org.probity.inference.smc.Particle;
import org.probity.inference.smc.Population;
import org.probity.inference.smc.Resampler;
import org.probity.testkit.Gen;
import org.probity.testkit.Property;
import org.probity.testkit.PropertyFailure;
import org.probity.testkit.Shrinker;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.ProperWeighting;

/**
 * Resampling preserves the population's unnormalised measure in expectation (Douc, Cappé and
 * Moulines 2005): E[sum_i w'_i delta(x'_i)] = sum_i w_i delta(x_i), exactly by enumeration, for
 * generated populations of finished particles (some of zero weight), through the real
 * {@link Population#resample} with each of the four {@link Resampler}s of {@code smc}
 * ({@code SmcPropertiesTest.everyResamplerPreservesThePopulationsMeasure} runs the other three). A
 * planted resampler that picks ancestors uniformly, whatever their weights, is found and shrunk
 * to two particles.
 */
class ResamplerPropertiesTest {
  static final long SEED = 2005L;
  static final int TRIES = Tries.of(200, 3000);
  static final double[] LOG_WEIGHTS = {Double.NEGATIVE_INFINITY, -1.0, 0.0, 0.5, 1.2};

  /** A population as a test case: finished particles (their results and log weights). */
  record Pop(List<Weighted<Integer>> particles) {
    /** The smc population of finished particles with these results and weights. */
    Population<Integer> population() {
      List<Particle<Integer>> ps = new ArrayList<>();
      for (Weighted<Integer> w : particles) {
        ps.add(Particle.start(Probity.pure(w.value())).withLogWeight(w.logWeight()));
      }
      return Population.of(ps, 0.0, 0);
    }

    @Override
    public String toString() {
      return particles.toString();
    }
  }
  static final Gen<Pop> POPS = (rng, size) -> {
    int n = 1 + rng.nextInt(Math.min(4, 1 + size / 3));
    List<Weighted<Integer>> ps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ps.add(new Weighted<>(rng.nextInt(3), LOG_WEIGHTS[rng.nextInt(LOG_WEIGHTS.length)]));
    }
    return new Pop(ps);
  };

  static final Shrinker<Pop> SHRINK = p -> {
    List<Pop> out = new ArrayList<>();
    List<Weighted<Integer>> ps = p.particles();
    for (int i = 0; i < ps.size(); i++) {
      if (ps.size() > 1) {
        List<Weighted<Integer>> fewer = new ArrayList<>(ps);
        fewer.remove(i);
        out.add(new Pop(fewer));
      }
      Weighted<Integer> w = ps.get(i);
      if (w.value() != 0) {
        List<Weighted<Integer>> q = new ArrayList<>(ps);
        q.set(i, new Weighted<>(0, w.logWeight()));
        out.add(new Pop(q));
      }
      if (w.logWeight() != 0.0) {
        List<Weighted<Integer>> q = new ArrayList<>(ps);
        q.set(i, new Weighted<>(w.value(), 0.0));
        out.add(new Pop(q));
      }
    }
    return out;
  };

  static void preserves(Resampler r) {
    Property.forAll(POPS, SHRINK, TRIES, SEED, p -> {
      Population<Integer> before = p.population();
      ProperWeighting.preservesMeasureInExpectation(before, before.resample(r), Population::logEvidenceEstimate,
          Population::weightedResults);
      return true;
    });
  }

  @Test
  void multinomialResamplingPreservesTheMeasure() {
    preserves(Resampler.MULTINOMIAL);
  }

  @Test
  void findsAResamplerThatPicksUniformly() {
    Resampler uniform = (w, n) -> Resampler.MULTINOMIAL.ancestors(uniform(w.length), n);
    PropertyFailure f = Property.assertFindsSmall(() -> preserves(uniform), 2, c -> ((Pop) c).particles().size());
    assertTrueMessage(f);
  }

  static double[] uniform(int n) {
    double[] u = new double[n];
    java.util.Arrays.fill(u, 1.0 / n);
    return u;
  }

  static void assertTrueMessage(PropertyFailure f) {
    org.junit.jupiter.api.Assertions.assertTrue(f.getMessage().contains("changes the population's measure"), f.getMessage());
  }
}
