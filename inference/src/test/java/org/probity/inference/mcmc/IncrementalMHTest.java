package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.addr;
import static org.probity.Probity.bernoulli;
import static org.probity.Probity.categorical;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Independent;
import org.probity.core.Prob;
import org.probity.random.Rngs;
import org.probity.testkit.laws.KernelInvariance;
import org.probity.trace.Selection;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * {@link IncrementalMH}: exact (one step from the exact posterior leaves it invariant, by
 * enumeration, on products whose parts change structure and whose continuation has choices of its
 * own) and incremental (a sweep of N updates over N parts runs each part's body about once per
 * update, N times in all, where lightweight MH runs all N bodies at every update).
 */
class IncrementalMHTest {
  private static final boolean[] DATA = {true, false, true};

  /** Part i: b ~ Bernoulli(0.4); when b, c ~ Categorical(0.2, 0.5, 0.3); observe the data. */
  private static Prob<Integer> part(int i) {
    return sample(addr("b", i), bernoulli(0.4), (Boolean b) -> b
        ? sample(addr("c", i), categorical(0.2, 0.5, 0.3), (Integer c) ->
            observe(bernoulli(0.2 + 0.3 * c), DATA[i], () -> pure(c + 1)))
        : observe(bernoulli(0.5), DATA[i], () -> pure(0)));
  }

  /** The product of three parts, then a choice whose distribution depends on all their results. */
  static Prob<Integer> model() {
    List<Prob<Integer>> parts = new ArrayList<>();
    for (int i = 0; i < DATA.length; i++) {
      parts.add(part(i));
    }
    return new Independent<Integer, Integer>(parts, rs -> {
      int s = rs.stream().mapToInt(Integer::intValue).sum();
      double p = (1 + s) / (2.0 + s);
      return sample("w", bernoulli(p), (Boolean w) -> observe(bernoulli(w ? 0.7 : 0.4), true, () -> pure(s + (w ? 10 : 0))));
    });
  }

  @Test
  void oneStepLeavesThePosteriorInvariant() {
    IncrementalMH<Integer> k = new IncrementalMH<>(Selection.all());
    Trace<Integer> t = Mcmc.initialise(model(), Rngs.of(1), 100);
    assertNotNull(k.tryStart(t), "the model is a product: the incremental path must apply");
    KernelInvariance.check(model(), k::apply);
    KernelInvariance.check(model(), new IncrementalMH<Integer>(Selection.matching("b sites", a -> a.toString().startsWith("b")))::apply);
  }

  @Test
  void aModelOfAnotherShapeGetsLightweightMh() {
    Prob<Integer> m = sample("x", bernoulli(0.3), (Boolean x) -> observe(bernoulli(x ? 0.9 : 0.2), true, () -> pure(x ? 1 : 0)));
    IncrementalMH<Integer> k = new IncrementalMH<>(Selection.all());
    assertNull(k.tryStart(Traces.sample(m, Rngs.of(1))));
    KernelInvariance.check(m, k::apply);
  }

  /** N latent z_i ~ Normal(0, 1), y_i ~ Normal(z_i, 1); {@code bodies} counts the runs of a part's body. */
  private static Prob<List<Real>> latent(int n, AtomicLong bodies) {
    List<Prob<Real>> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double y = Math.sin(i);
      parts.add(sample(addr("z", i), normal(0, 1), (Real z) -> {
        bodies.incrementAndGet();
        return observe(normal(z.value(), 1), y, () -> pure(z));
      }));
    }
    return new Independent<Real, List<Real>>(parts, rs -> pure(rs));
  }

  @Test
  void aSweepOverTenThousandSitesRunsEachPartAboutOnce() {
    int n = 10_000;
    AtomicLong bodies = new AtomicLong();
    Prob<List<Real>> m = latent(n, bodies);
    Trace<List<Real>> start = Traces.sample(m, Rngs.of(3));
    Chain<List<Real>> chain = Chain.of(Kernels.<List<Real>>incrementalMh(Selection.all()).forChain(), start);
    bodies.set(0);
    UniformRandomProvider rng = Rngs.of(4);
    int moves = 0;
    for (int i = 0; i < n; i++) {
      moves += chain.step(rng) ? 1 : 0;
    }
    assertEquals(n, bodies.get(), "one part body per update");
    assertTrue(moves > n / 4, "the chain moved " + moves + " times");
    // Lightweight MH re-runs the whole model at every update: N bodies per step, N^2 per sweep.
    bodies.set(0);
    Chain<List<Real>> general = Chain.of(Kernels.<List<Real>>mh(Selection.all()).forChain(), start);
    general.step(rng);
    assertEquals(n, bodies.get(), "lightweight MH: every part at every update");
    // The state after the sweep is a state of the model: its trace replays with the same log joint.
    Trace<List<Real>> t = chain.trace();
    assertEquals(n, t.size());
    assertEquals(t.logJoint(), chain.logJoint(), 1e-9 * Math.abs(t.logJoint()));
  }
}
