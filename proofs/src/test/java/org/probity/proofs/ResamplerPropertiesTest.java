package org.probity.proofs;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.Probity;
import org.probity.core.Prob;
import org.probity.core.Weighted;

/**
 * Resampling preserves the population's unnormalised measure in expectation (Douc, Cappé and
 * Moulines 2005): E[sum_i w'_i delta(x'_i)] = sum_i w_i delta(x_i), exactly by enumeration, for
 * generated populations. The reference {@link MultinomialResampler} is checked now; SMC's
 * resamplers plug in as {@link Resampler}s once the {@code smc} branch is merged.
 */
class ResamplerPropertiesTest {
  static final long SEED = 2005L;
  static final int TRIES = Tries.of(200, 3000);
  static final double[] LOG_WEIGHTS = {Double.NEGATIVE_INFINITY, -1.0, 0.0, 0.5, 1.2};

  /** A population as a test case. */
  record Pop(List<Weighted<Integer>> particles) {
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
      ParticleProperties.preservesMeasureInExpectation(r, p.particles());
      return true;
    });
  }

  @Test
  void multinomialResamplingPreservesTheMeasure() {
    preserves(new MultinomialResampler());
  }

  @Test
  void findsAResamplerThatPicksUniformly() {
    Resampler uniform = new Resampler() {
      @Override
      public <A> Prob<List<Weighted<A>>> resample(List<Weighted<A>> pop) {
        double m = pop.stream().mapToDouble(Weighted::logWeight).map(Math::exp).average().orElse(0);
        return Probity.forEach(0, pop.size(), i -> Probity.sample(Probity.categorical(uniform(pop.size())))
            .map(j -> new Weighted<>(pop.get(j).value(), Math.log(m))));
      }
    };
    PropertyFailure f = Programs.assertFoundSmall(() -> preserves(uniform), 2, c -> ((Pop) c).particles().size());
    assertTrueMessage(f);
  }

  static double[] uniform(int n) {
    double[] u = new double[n];
    java.util.Arrays.fill(u, 1.0 / n);
    return u;
  }

  static void assertTrueMessage(PropertyFailure f) {
    org.junit.jupiter.api.Assertions.assertTrue(f.getMessage().contains("resampling changes"), f.getMessage());
  }
}
