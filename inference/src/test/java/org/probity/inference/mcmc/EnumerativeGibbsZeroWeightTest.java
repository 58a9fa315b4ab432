package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.core.ZeroWeightException;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.testkit.laws.KernelInvariance;
import org.probity.trace.Selection;
import org.probity.trace.Trace;
import org.probity.trace.Traces;
import org.probity.trace.ZeroCause;

/**
 * Enumerative Gibbs on candidates of zero weight (issue #14, items 1 and 3): a value of the site
 * that makes a later distribution's parameters invalid, or leaves a later value outside its
 * support, has weight zero, as on a zero-weight path of the Enumerator; such candidates are
 * counted as rejections by cause, and only a site none of whose values is possible is an error.
 */
class EnumerativeGibbsZeroWeightTest {
  /** k in {0..3}, y = 0.5 ~ N(0, k): k = 0 makes the observation's sigma invalid. */
  static final Prob<Integer> SCALE = sample("k", discreteUniform(0, 3), k ->
      observe(normal(0, k), 0.5).map(u -> k));

  @Test
  void aCandidateThatMakesALaterDistributionInvalidHasWeightZero() {
    Trace<Integer> x = Traces.replay(SCALE, Map.of(addr("k"), 2));
    Kernel<Integer> g = Kernels.<Integer>gibbs("k").forChain();
    Enumeration<Trace<Integer>> step = Enumerator.enumerate(g.apply(x));
    double[] w = new double[4];
    double z = 0;
    for (int k = 1; k <= 3; k++) {
      w[k] = Math.exp(-0.125 / (k * k)) / k;
      z += w[k];
    }
    double total = 0;
    for (Trace<Integer> t : step.support()) {
      int k = t.output();
      assertTrue(k > 0, "k = 0 makes sigma 0: it must have weight zero, got " + t);
      assertEquals(w[k] / z, step.probability(t), 1e-12, "k = " + k);
      total += step.probability(t);
    }
    assertEquals(1.0, total, 1e-12);
    // the kernel's randomness is only the categorical draw: the enumeration above ran it once
    assertEquals(1, g.stats().current().rejected(ZeroCause.INVALID_PARAMETERS));
  }

  /**
   * k, j in {0..3}, true ~ Bernoulli(j / k): k = 0 and j > k make the Bernoulli's p invalid. The
   * guarded form says so with a condition first; its posterior is the exact one.
   */
  static Prob<Integer> ratio(boolean guarded) {
    return sample("k", discreteUniform(0, 3), k -> sample("j", discreteUniform(0, 3), j ->
        (guarded ? condition(k > 0 && j <= k) : pure(org.probity.core.Unit.UNIT)).flatMap(u ->
            observe(bernoulli(j / (double) k), true).map(v -> 10 * k + j))));
  }

  @Test
  void gibbsOnTheUnguardedModelLeavesTheGuardedPosteriorInvariant() {
    Prob<Integer> guarded = ratio(true);
    Prob<Integer> unguarded = ratio(false);
    for (Kernel<Integer> kernel : java.util.List.<Kernel<Integer>>of(Kernels.gibbs("k"), Kernels.gibbs("j"),
        Kernels.cycle(Kernels.gibbs("k"), Kernels.gibbs("j")))) {
      // a guarded trace is a valid trace of the unguarded model; the kernel's result is read back as a guarded trace
      KernelInvariance.check(guarded, t -> kernel.apply(Traces.replay(unguarded, t.values()))
          .map(y -> Traces.replay(guarded, y.values())));
    }
  }

  @Test
  void theChainCountsTheZeroWeightCandidatesAndSamplesTheExactPosterior() {
    Prob<Integer> unguarded = ratio(false);
    McmcConfig cfg = McmcConfig.defaults().chains(2).warmup(100).samples(4000).seed(5).threads(1).progress(false)
        .inits(Map.of(addr("k"), 2, addr("j"), 1));
    McmcResult<Integer> r = Mcmc.run(unguarded, Kernels.cycle(Kernels.gibbs("k"), Kernels.gibbs("j")), cfg);
    assertTrue(r.rejections().get(ZeroCause.INVALID_PARAMETERS) > 1000, r.rejections().toString());
    assertTrue(r.toString().contains("invalid parameters"), r.toString());
    // E[k] under p(k, j) proportional to j / k on 1 <= j <= k <= 3
    double num = 0;
    double den = 0;
    for (int k = 1; k <= 3; k++) {
      for (int j = 0; j <= k; j++) {
        num += k * j / (double) k;
        den += j / (double) k;
      }
    }
    assertEquals(num / den, r.summary().row("k").orElseThrow().mean(),
        5 * r.summary().row("k").orElseThrow().mcseMean());
  }

  @Test
  void aSiteNoneOfWhoseValuesIsPossibleFailsNamingIt() {
    // j = 1 makes every k invalid; the trace is reached through the rejecting update from a valid one
    Prob<Integer> m = sample("j", discreteUniform(0, 1), j -> sample("k", discreteUniform(0, 1), k ->
        observe(bernoulli(j == 1 ? 2.0 : 0.5), true).map(u -> k)));
    Trace<Integer> valid = Traces.replay(m, Map.of(addr("j"), 0, addr("k"), 0));
    Trace<Integer> x = org.probity.semantics.Sampler.run(Traces.tryUpdate(valid, Map.of(addr("j"), 1), Selection.none()), 1)
        .value().trace();
    assertEquals(ZeroCause.INVALID_PARAMETERS, x.zeroCause());
    Kernel<Integer> g = Kernels.<Integer>gibbs("k").forChain();
    ZeroWeightException e = assertThrows(ZeroWeightException.class, () -> Enumerator.enumerate(g.apply(x)));
    assertTrue(e.getMessage().contains("k") && e.getMessage().contains("invalid parameters"), e.getMessage());
  }
}
