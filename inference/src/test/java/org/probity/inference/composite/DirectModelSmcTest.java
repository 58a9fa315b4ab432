package org.probity.inference.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.probity.Probity.*;

import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;

/**
 * SMC, resample-move SMC and particle Gibbs on a direct-style model: particles suspend at its
 * observations like those of the monadic form, and the algorithms stay exact (enumerated).
 */
class DirectModelSmcTest {

  /** A two-step hidden Markov chain in direct style. */
  static Prob<Integer> chain() {
    boolean[] ys = {true, false};
    return model(m -> {
      int x = 0;
      for (int t = 0; t < 2; t++) {
        boolean z = m.sample(addr("z", t), bernoulli(x == 1 ? 0.7 : 0.4));
        m.observe(bernoulli(z ? 0.85 : 0.25), ys[t]);
        x = z ? 1 : 0;
      }
      return x;
    });
  }

  @Test
  void smcIsExact() {
    assertEquals(0.0, RmsmcExactTest.error(chain(), Smc.smc(chain(), 2, Resampler.SYSTEMATIC)), 1e-10);
  }

  @Test
  void resampleMoveIsExact() {
    assertEquals(0.0, RmsmcExactTest.error(chain(), Rmsmc.rmsmc(chain(), RmsmcConfig.<Integer>defaults().withParticles(2).withResampler(Resampler.MULTINOMIAL).withKernel(Kernels.mh()).withMoves(1))), 1e-10);
  }

  @Test
  void particleGibbsIsExact() {
    ParticleGibbsExactTest.assertExact(chain(), 2);
  }
}
