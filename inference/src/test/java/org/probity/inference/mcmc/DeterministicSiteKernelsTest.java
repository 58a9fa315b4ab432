package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.inference.diagnostics.Summary;
import org.probity.random.Rngs;
import org.probity.semantics.Sampler;
import org.probity.trace.Selection;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * Kernels on models with deterministic sites: no kernel moves the site, every move recomputes
 * it, and the kernels stay exactly invariant (checked by enumeration on a finite model) or
 * statistically right (a random walk against the conjugate posterior).
 */
class DeterministicSiteKernelsTest {

  /** Two coins, the number of heads recorded, observations of that number and of b; returns the number. */
  static Prob<Integer> coins() {
    return sample("a", bernoulli(0.3), a -> sample("b", categorical(0.5, 0.3, 0.2), b ->
        deterministic("s", (a ? 1 : 0) + b).flatMap(s -> observe(bernoulli(0.2 + 0.2 * s), true)
            .then(() -> sample("c", bernoulli(s > 1 ? 0.9 : 0.2)))
            .flatMap(c -> observe(bernoulli(c ? 0.7 : 0.4), false).map(u -> c ? s + 10 : s)))));
  }

  @Test
  void kernelsLeaveThePosteriorInvariant() {
    Kernel<Integer> mh = Kernels.mh();
    List<Kernel<Integer>> ks = List.of(mh, Kernels.gibbs("a"), Kernels.gibbs("b"), Kernels.gibbs("c"),
        Kernels.cycle(Kernels.gibbs("b"), mh), Kernels.proposalMh(t -> sample("b", categorical(0.2, 0.2, 0.6))));
    for (Kernel<Integer> k : ks) {
      KernelExactnessTest.assertInvariant(coins(), k);
    }
  }

  @Test
  void noKernelProposesTheSite() {
    Trace<Integer> t = Traces.sample(coins(), Rngs.of(2));
    assertEquals(List.of(), SingleSiteMH.selected(t, Selection.names("s")));
    assertSame(t, Sampler.sample(Kernels.<Integer>mh(Selection.names("s")).apply(t), 1), "nothing to move");
    ProbityException g = assertThrows(ProbityException.class, () -> Kernels.<Integer>gibbs("s").apply(t));
    assertTrue(g.getMessage().contains("deterministic"), g.getMessage());
    Kernel<Integer> bad = Kernels.proposalMh(x -> sample("s", categorical(0.5, 0.5)));
    ProbityException p = assertThrows(ProbityException.class, () -> Sampler.sample(bad.apply(t), 1));
    assertTrue(p.getMessage().contains("deterministic site"), p.getMessage());
  }

  @Test
  void everyMoveRecomputesTheSite() {
    Trace<Integer> t = Traces.sample(coins(), Rngs.of(3));
    Kernel<Integer> k = Kernels.cycle(Kernels.mh(), Kernels.gibbs("b"));
    org.apache.commons.rng.UniformRandomProvider rng = Rngs.of(4);
    for (int i = 0; i < 200; i++) {
      t = Sampler.run(k.apply(t), rng).value();
      int s = ((Boolean) t.value("a") ? 1 : 0) + (Integer) t.value("b");
      assertEquals(s, t.value("s"));
    }
  }

  /** mu ~ N(0, 1), mu2 = mu + 1 recorded, y = 0.7 from N(mu2, 0.5). */
  static Prob<Real> shifted() {
    return sample("mu", normal(0, 1), mu -> deterministic("mu2", mu.plus(1)).flatMap(mu2 ->
        observe(normal(mu2, Real.of(0.5)), Real.of(0.7)).map(u -> mu2)));
  }

  @Test
  void aRandomWalkMovesTheChoiceAndTheSummaryShowsTheSite() {
    McmcResult<Real> r = Mcmc.run(shifted(), Kernels.randomWalk(Selection.all(), 1.0),
        McmcConfig.defaults().chains(2).warmup(200).samples(2000).seed(9));
    double[][] mu = r.column("mu");
    double[][] mu2 = r.column("mu2");
    for (int c = 0; c < mu.length; c++) {
      for (int i = 0; i < mu[c].length; i++) {
        assertEquals(mu[c][i] + 1, mu2[c][i], 1e-12, "draw " + i + " of chain " + c);
      }
    }
    // conjugate: precision 1 + 1/0.25 = 5, mean 4 (0.7 - 1) / 5
    Summary s = r.summary().row("mu2").orElseThrow();
    assertEquals(1 + 4 * (0.7 - 1) / 5, s.mean(), 4 * s.mcseMean());
    assertEquals(List.of("mu", "mu2"), r.names());
  }
}
