package org.probity.inference.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.probity.Probity.*;

import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.mcmc.MemKernelsTestAccess;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;

/**
 * SMC, resample-move SMC and particle Gibbs on a model that calls a memoised function before and
 * after its observations: each particle's memo table travels with it through suspensions and
 * resampling, and the algorithms stay exact (checked by enumeration).
 */
class MemCompositeTest {
  private static final Prob<Integer> MODEL = MemKernelsTestAccess.groups();

  @Test
  void smcIsExact() {
    assertEquals(0.0, RmsmcExactTest.error(MODEL, Smc.smc(MODEL, 2, Resampler.MULTINOMIAL)), 1e-10);
  }

  /** Two people with binary memoised groups, compared after each is first drawn; person 0's group read again. */
  static Prob<Integer> pair() {
    java.util.function.Function<Integer, Prob<Boolean>> group = mem("group", person -> bernoulli(0.4));
    return group.apply(0).flatMap(g0 -> observe(bernoulli(g0 ? 0.7 : 0.2), true).then(() -> group.apply(1))
        .flatMap(g1 -> group.apply(0).flatMap(again -> observe(bernoulli(again == g1 ? 0.9 : 0.3), true)
            .map(u -> (again ? 2 : 0) + (g1 ? 1 : 0)))));
  }

  @Test
  void resampleMoveIsExact() {
    // on the smaller model: resample-move's enumeration grows fast with the number of sites
    assertEquals(0.0, RmsmcExactTest.error(pair(), Rmsmc.rmsmc(pair(), RmsmcConfig.<Integer>defaults().withParticles(2).withResampler(Resampler.SYSTEMATIC).withKernel(Kernels.mh()).withMoves(1))), 1e-10);
  }

  @Test
  void particleGibbsIsExact() {
    ParticleGibbsExactTest.assertExact(MODEL, 2);
  }
}
