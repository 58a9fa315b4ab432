package org.probity.inference.mcmc;

import org.probity.trace.Selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.probity.Probity.*;

import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;

/**
 * A user kernel that wraps an adaptive random walk (here for logging) is shared by all chains,
 * since its forChain() is the default (itself). Chains must still be reproducible whatever the
 * thread count: only per-chain copies adapt, so the shared template never changes (review finding).
 */
class WrappedAdaptiveKernelTest {

  @Test
  void aWrappedAdaptiveKernelGivesTheSameChainsOnOneOrFourThreads() {
    Prob<Real> model = sample("mu", normal(0, 1), mu -> observe(normal(mu, 1), 1.5).then(() -> pure(mu)));
    Kernel<Real> rw = Kernels.adaptiveRandomWalk(Selection.all(), 2.0);
    Kernel<Real> wrapped = t -> rw.apply(t);
    McmcConfig c = McmcConfig.defaults().chains(4).warmup(500).samples(2000).seed(7);
    double[][] one = Mcmc.run(model, wrapped, c.threads(1)).column("mu");
    double[][] four = Mcmc.run(model, wrapped, c.threads(4)).column("mu");
    double[][] again = Mcmc.run(model, wrapped, c.threads(4)).column("mu");
    for (int i = 0; i < one.length; i++) {
      assertArrayEquals(one[i], four[i], 0.0);
      assertArrayEquals(one[i], again[i], 0.0);
    }
  }
}
