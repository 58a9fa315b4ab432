package org.probity.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.categorical;
import static org.probity.Probity.normal;
import static org.probity.Probity.reals;
import static org.probity.Probity.stateSpace;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.dist.Categorical;
import org.probity.dist.Distribution;
import org.probity.random.Rngs;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.semantics.Sampler;

/** The state-space combinator means the chain of samples and observations it abbreviates. */
class StateSpaceTest {
  static final double[] INIT = {0.6, 0.4};
  static final double[][] TRANS = {{0.7, 0.3}, {0.2, 0.8}};
  static final double[][] EMIT = {{0.5, 0.5, 0.0}, {0.2, 0.3, 0.5}};

  static StateSpace<Integer, Integer> model() {
    Categorical[] trans = {Categorical.of(TRANS[0]), Categorical.of(TRANS[1])};
    Categorical[] emit = {Categorical.of(EMIT[0]), Categorical.of(EMIT[1])};
    return stateSpace(Categorical.of(INIT), (Integer z) -> trans[z], (Integer z) -> emit[z]);
  }

  /** The forward algorithm: unnormalised p(z_{T-1} = k, y_0..y_{T-1}). */
  static double[] forward(int[] ys) {
    double[] a = new double[2];
    for (int k = 0; k < 2; k++) {
      a[k] = INIT[k] * EMIT[k][ys[0]];
    }
    for (int t = 1; t < ys.length; t++) {
      double[] b = new double[2];
      for (int k = 0; k < 2; k++) {
        for (int j = 0; j < 2; j++) {
          b[k] += a[j] * TRANS[j][k];
        }
        b[k] *= EMIT[k][ys[t]];
      }
      a = b;
    }
    return a;
  }

  @Test
  void enumerationMatchesTheForwardAlgorithm() {
    for (int[] ys : new int[][] {{2}, {2, 0, 2}, {1, 1, 0, 2, 1}}) {
      Integer[] boxed = java.util.Arrays.stream(ys).boxed().toArray(Integer[]::new);
      Enumeration<Integer> e = Enumerator.enumerate(model().observe(boxed));
      double[] exact = forward(ys);
      assertEquals(Math.log(exact[0] + exact[1]), e.logEvidence(), 1e-12);
      assertEquals(exact[1] / (exact[0] + exact[1]), e.probability(1), 1e-12);
    }
  }

  @Test
  void namedSitesAreIndexedByTime() {
    Prob<Integer> p = model().named("z").observe(1, 0, 1);
    Map<Address, Object> choices = Sampler.record(p, Rngs.of(3)).choices();
    assertEquals(List.of(Address.of("z", 0), Address.of("z", 1), Address.of("z", 2)), List.copyOf(choices.keySet()));
    assertEquals(choices.get(Address.of("z", 2)), Sampler.record(p, Rngs.of(3)).value());
  }

  @Test
  void theSamplerWeighsEveryObservation() {
    // a Gaussian model with one state: the weight is the sum of the observations' log densities
    StateSpace<Real, Real> m = stateSpace(normal(0, 1), (Real x) -> normal(x.value(), 0.5), (Real x) -> normal(x.value(), 2));
    Sampler.Recorded<Real> r = Sampler.record(m.named("x").observe(reals(0.3, -1.2, 2.0)), Rngs.of(11));
    double expected = 0;
    double[] y = {0.3, -1.2, 2.0};
    for (int t = 0; t < 3; t++) {
      Real x = (Real) r.choices().get(Address.of("x", t));
      expected += normal(x.value(), 2).logDensity(y[t]);
    }
    assertEquals(expected, r.logWeight(), 1e-12);
  }

  @Test
  void aLongChainIsStackSafe() {
    Distribution<Integer> stay = categorical(0.99, 0.01);
    Distribution<Integer> move = categorical(0.01, 0.99);
    Real[] ys = new Real[200_000];
    java.util.Arrays.fill(ys, Real.of(0.0));
    Prob<Integer> p = stateSpace(categorical(0.5, 0.5), (Integer z) -> z == 0 ? stay : move, (Integer z) -> normal(z, 1))
        .observe(ys);
    int last = Sampler.sample(p, 5);
    assertTrue(last == 0 || last == 1);
  }

  @Test
  void stateOfReadsASuspendedStep() {
    @SuppressWarnings("unchecked")
    StateSpace.Step<Integer, Integer> first = (StateSpace.Step<Integer, Integer>) (Object) ((Defer<Integer>) model().observe(1, 2)).thunk();
    assertThrows(IllegalArgumentException.class, () -> StateSpace.stateOf(new Defer<>(first)));
    assertEquals(1, StateSpace.stateOf(first.next(1)));
    assertEquals(0, StateSpace.stateOf(first.successor().withState(1).next(0)), "after the last step: the result");
    assertThrows(IllegalArgumentException.class, () -> StateSpace.stateOf(new Pure<>(3).flatMap(x -> new Pure<>(x))));
  }

  @Test
  void invalidUseFailsClearly() {
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> model().observe(List.of()));
    assertTrue(empty.getMessage().contains("at least one observation"), empty.getMessage());
    StateSpace<Integer, Integer> broken = stateSpace(categorical(0.5, 0.5), (Integer z) -> z == 1 ? null : categorical(0.5, 0.5),
        (Integer z) -> categorical(0.5, 0.5));
    IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> {
      for (long seed = 0; seed < 50; seed++) {
        Sampler.run(broken.observe(0, 0, 0, 0), seed);
      }
    });
    assertTrue(nul.getMessage().contains("transition returned null") && nul.getMessage().contains("from state 1"), nul.getMessage());
    assertThrows(IllegalArgumentException.class, () -> model().named(""));
  }
}
