package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.probity.Probity.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.diagnostics.Summary;
import org.probity.trace.Selection;

/**
 * MCMC on direct-style models: the kernels stay exactly invariant on a finite model (enumerated),
 * and a random walk recovers a conjugate posterior within Monte Carlo error.
 */
class DirectModelKernelsTest {

  /** A finite direct-style model with a branch. */
  static Prob<Integer> finite() {
    return model(m -> {
      boolean a = m.sample("a", bernoulli(0.3));
      int k = m.sample("k", categorical(0.2, 0.5, 0.3));
      m.observe(bernoulli(a ? 0.9 : 0.2), k > 0);
      if (!a) {
        return k;
      }
      boolean b = m.sample("b", bernoulli(0.6));
      m.observe(bernoulli(b ? 0.7 : 0.1), true);
      return b ? 10 + k : k;
    });
  }

  @Test
  void kernelsLeaveThePosteriorInvariant() {
    for (Kernel<Integer> k : List.<Kernel<Integer>>of(Kernels.mh(), Kernels.gibbs("k"),
        Kernels.cycle(Kernels.gibbs("a"), Kernels.mh()))) {
      KernelExactnessTest.assertInvariant(finite(), k);
    }
  }

  @Test
  void aRandomWalkRecoversAConjugatePosterior() {
    double[] y = {1.2, 0.4, 2.1, 1.5};
    Prob<Real> p = model(m -> {
      Real mu = m.sample("mu", normal(0, 2));
      m.plate("y", normal(mu, Real.of(1)), y);
      return mu;
    });
    McmcResult<Real> r = Mcmc.run(p, Kernels.randomWalk(Selection.all(), 0.8),
        McmcConfig.defaults().chains(2).warmup(200).samples(3000).seed(4));
    // precision 1/4 + 4, mean (sum y) / (1/4 + 4)
    Summary s = r.summary().row("mu").orElseThrow();
    assertEquals(5.2 / 4.25, s.mean(), 5 * s.mcseMean());
    assertEquals(Math.sqrt(1 / 4.25), s.sd(), 5 * s.mcseSd());
  }
}
