package org.probity.inference.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.probity.Probity.*;

import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.smc.Resampler;

/**
 * Particle Gibbs and resample-move SMC on a model with a deterministic site at every step: the
 * reference trajectory is replayed with its sites recomputed, moves never propose them, and both
 * algorithms stay exact (checked by enumeration).
 */
class DeterministicSiteCompositeTest {

  /** A two-step hidden Markov chain recording the running count of ones after each step. */
  static Prob<Integer> counted() {
    boolean[] ys = {true, false};
    return fold(0, 2, 0, (n, t) -> sample(addr("z", t), bernoulli(n == 1 ? 0.7 : 0.4)).flatMap(z ->
        deterministic(addr("count", t), n + (z ? 1 : 0)).flatMap(c ->
            observe(bernoulli(z ? 0.85 : 0.25), ys[t]).map(u -> c))));
  }

  @Test
  void particleGibbsIsExact() {
    ParticleGibbsExactTest.assertExact(counted(), 2);
  }

  @Test
  void resampleMoveIsExact() {
    assertEquals(0.0, RmsmcExactTest.error(counted(), Rmsmc.rmsmc(counted(), RmsmcConfig.<Integer>defaults().withParticles(2).withResampler(Resampler.MULTINOMIAL).withKernel(Kernels.mh()).withMoves(1))),
        1e-10);
  }
}
