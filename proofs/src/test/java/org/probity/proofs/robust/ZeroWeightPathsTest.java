package org.probity.proofs.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.core.ZeroWeightException;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.smc.Population;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;
import org.probity.semantics.Density;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.semantics.ImportanceSampling;
import org.probity.semantics.Sampler;
import org.probity.semantics.WeightedSample;
import org.probity.testkit.Gen;
import org.probity.testkit.Property;
import org.probity.testkit.Shrinker;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.KernelInvariance;
import org.probity.testkit.laws.ProperWeighting;
import org.probity.testkit.laws.SamplerAgreement;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * One semantics for zero weight (issue #14, item 1): generated programs whose later code is
 * invalid on the paths a guard gives zero weight (the usual {@code condition(k > c)} then
 * {@code bernoulli(q / (k - c))}, or a {@code discreteUniform(0, k - c - 1)} whose bounds are
 * reversed there) run under every interpreter, and all agree with the Enumerator: the Density
 * semantics replays every path of the prior (zero ones included) to the same log weight, the
 * Sampler and importance sampling agree statistically, SMC is properly weighted exactly (enumerated),
 * and single-site MH leaves the exact posterior invariant (enumerated). Before the fix the
 * Sampler, IS, MCMC and Density ran past the guard and threw {@code DistributionException}.
 *
 * <p>The generator is this test's own (the test kit's {@code ProgramGen} has no distributions
 * whose parameters depend on earlier values): one or two stages, each
 * {@code k_i ~ discreteUniform(0, n_i); guard(k_i > c_i); observe(bernoulli(q_i / (k_i - c_i)), b_i);
 * [j_i ~ discreteUniform(0, k_i - c_i - 1)]}, the guard a condition, a factor of -Infinity or an
 * observation of probability zero.
 */
class ZeroWeightPathsTest {
  private static final int TRIES = Tries.of(12, 120);
  private static final long SEED = 1414;

  /** One stage of a generated program. */
  record Stage(int n, int c, double q, boolean b, int guard, boolean inner) {
    @Override
    public String toString() {
      String g = switch (guard) {
        case 0 -> "condition(k > " + c + ")";
        case 1 -> "factor(k > " + c + " ? 0 : -inf)";
        default -> "observe(bernoulli(k > " + c + " ? 1 : 0), true)";
      };
      return "k ~ discreteUniform(0, " + n + "); " + g + "; observe(bernoulli(" + q + " / (k - " + c + ")), " + b + ")"
          + (inner ? "; j ~ discreteUniform(0, k - " + c + " - 1)" : "");
    }
  }

  /** A generated program: its stages, run one after the other. */
  record Case(List<Stage> stages) {
    @Override
    public String toString() {
      return String.join("\n", stages.stream().map(Stage::toString).toList());
    }
  }

  static final Gen<Case> CASES = (UniformRandomProvider rng, int size) -> {
    int count = 1 + (size > 6 ? rng.nextInt(2) : 0);
    List<Stage> st = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = 1 + rng.nextInt(4);
      st.add(new Stage(n, rng.nextInt(n), 0.2 + 0.8 * rng.nextInt(5) / 4.0, rng.nextBoolean(), rng.nextInt(3),
          rng.nextBoolean()));
    }
    return new Case(List.copyOf(st));
  };

  static final Shrinker<Case> SHRINK = c -> c.stages().size() > 1
      ? List.of(new Case(c.stages().subList(0, 1)), new Case(c.stages().subList(1, 2))) : List.of();

  static Prob<Integer> compile(Case c) {
    return stage(c.stages(), 0, 0);
  }

  private static Prob<Integer> stage(List<Stage> st, int i, int acc) {
    if (i == st.size()) {
      return pure(acc);
    }
    Stage s = st.get(i);
    return sample("k" + i, discreteUniform(0, s.n()), (Integer k) -> guard(s, k).flatMap(u ->
        observe(bernoulli(s.q() / (k - s.c())), s.b()).flatMap(v -> s.inner()
            ? sample("j" + i, discreteUniform(0, k - s.c() - 1), (Integer j) -> stage(st, i + 1, acc * 31 + k * 7 + j))
            : stage(st, i + 1, acc * 31 + k))));
  }

  private static Prob<?> guard(Stage s, int k) {
    return switch (s.guard()) {
      case 0 -> condition(k > s.c());
      case 1 -> factor(k > s.c() ? 0.0 : Double.NEGATIVE_INFINITY);
      default -> observe(bernoulli(k > s.c() ? 1.0 : 0.0), true);
    };
  }

  @Test
  void densityReplaysEveryPriorPathToItsWeight() {
    Property.forAll(CASES, SHRINK, TRIES, SEED, c -> {
      Prob<Integer> m = compile(c);
      Enumeration<Trace<Integer>> paths = Enumerator.enumerate(Traces.prior(m));
      boolean someZero = false;
      for (Trace<Integer> t : paths.probabilities().keySet()) {
        double replayed = Density.replay(m, t.values()).logJoint().value();
        assertEquals(t.logJoint(), replayed, 1e-12, "replay of " + t.values());
        someZero |= t.logJoint() == Double.NEGATIVE_INFINITY;
      }
      assertTrue(someZero, "every generated program has a path the guard kills");
      return true;
    });
  }

  @Test
  void theSamplerAgreesWithTheEnumerator() {
    Property.forAll(CASES, SHRINK, TRIES, SEED, c -> {
      SamplerAgreement.check(new org.probity.testkit.laws.SamplerUnderTest() {
        @Override
        public <A> org.probity.core.Weighted<A> run(Prob<A> program, long seed) {
          return Sampler.run(program, seed);
        }
      }, compile(c), 4000, SEED + c.hashCode(), 1e-3);
      return true;
    });
  }

  @Test
  void importanceSamplingAgreesWithTheEnumerator() {
    Property.forAll(CASES, SHRINK, TRIES, SEED, c -> {
      Prob<Integer> m = compile(c);
      Map<Integer, Double> exact;
      try {
        exact = Enumerator.enumerate(m).probabilities();
      } catch (ZeroWeightException none) {
        // a generated program can have no path of positive weight (q = 1 observed false): IS must say so too
        assertThrows(ZeroWeightException.class, () -> ImportanceSampling.run(m, 2_000, SEED + c.hashCode()));
        return true;
      }
      WeightedSample<Integer> is = ImportanceSampling.run(m, 20_000, SEED + c.hashCode());
      double ess = is.ess();
      Map<Integer, Double> hist = is.histogram();
      for (Map.Entry<Integer, Double> e : exact.entrySet()) {
        double p = e.getValue();
        double est = hist.getOrDefault(e.getKey(), 0.0);
        double tol = 6 * Math.sqrt(p * (1 - p) / ess) + 1e-9;
        assertTrue(Math.abs(est - p) <= tol, "P(" + e.getKey() + "): IS " + est + ", exact " + p + " (ESS " + ess + ")");
      }
      return true;
    });
  }

  @Test
  void smcIsProperlyWeightedExactly() {
    Property.forAll(CASES, SHRINK, TRIES, SEED, c -> {
      Prob<Integer> m = compile(c);
      ProperWeighting.check(m, Smc.smc(m, 2, Resampler.SYSTEMATIC), Population::logEvidenceEstimate,
          Population::weightedResults);
      return true;
    });
  }

  @Test
  void singleSiteMhLeavesTheExactPosteriorInvariant() {
    Property.forAll(CASES, SHRINK, TRIES, SEED, c -> {
      Prob<Integer> m = compile(c);
      KernelInvariance.check(m, Kernels.<Integer>mh()::apply);
      return true;
    });
  }
}
