package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.probity.Probity.*;

import java.util.List;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.random.Rngs;
import org.probity.semantics.Sampler;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * MCMC on models with memoised random functions: a memoised value is one site of the trace, a
 * move of it is seen by every later call in the re-run, and the kernels stay exactly invariant
 * (checked by enumeration).
 */
class MemKernelsTest {

  /** Each of three people has a memoised group; two observations compare groups; returns the groups. */
  static Prob<Integer> groups() {
    Function<Integer, Prob<Integer>> group = mem("group", person -> categorical(0.5, 0.3, 0.2));
    return group.apply(0).flatMap(g0 -> group.apply(1).flatMap(g1 ->
        observe(bernoulli(g0.equals(g1) ? 0.9 : 0.2), true).then(() -> group.apply(2)).flatMap(g2 ->
            group.apply(0).flatMap(again -> observe(bernoulli(again.equals(g2) ? 0.8 : 0.3), false)
                .map(u -> 9 * again + 3 * g1 + g2)))));
  }

  @Test
  void kernelsLeaveThePosteriorInvariant() {
    for (Kernel<Integer> k : List.<Kernel<Integer>>of(Kernels.mh(), Kernels.gibbs(addr("group", 0)),
        Kernels.cycle(Kernels.gibbs(addr("group", 2)), Kernels.mh()))) {
      KernelExactnessTest.assertInvariant(groups(), k);
    }
  }

  @Test
  void aMoveIsSeenByEveryLaterCall() {
    Trace<Integer> t = Traces.sample(groups(), Rngs.of(1));
    assertEquals(3, t.size(), "one site per person, however often the function is called");
    Kernel<Integer> k = Kernels.mh();
    UniformRandomProvider rng = Rngs.of(2);
    for (int i = 0; i < 300; i++) {
      t = Sampler.run(k.apply(t), rng).value();
      int g0 = (Integer) t.value(addr("group", 0));
      int g1 = (Integer) t.value(addr("group", 1));
      int g2 = (Integer) t.value(addr("group", 2));
      assertEquals(9 * g0 + 3 * g1 + g2, t.output());
    }
  }
}
