package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.inference.diagnostics.Problem;
import org.probity.inference.diagnostics.Summary;
import org.probity.trace.Selection;
import org.probity.trace.ZeroCause;

/**
 * Kernels at the edge of a model (issue #14, items 3, 8 and 9): a proposal that reaches the edge
 * of a support or makes a later distribution's parameters invalid is a counted rejection, not a
 * crash, and the chain still targets the right posterior; a kernel that cannot move the model
 * fails at the start naming the model's addresses; the random walk moves vector sites; a cycle
 * reports each part's own acceptance.
 */
class RobustKernelsTest {
  private static McmcConfig config(int chains, int warmup, int samples, long seed) {
    return McmcConfig.defaults().chains(chains).warmup(warmup).samples(samples).seed(seed).threads(1).progress(false);
  }

  private static Summary row(McmcResult<?> r, String name) {
    return r.summary().row(name).orElseThrow(() -> new AssertionError("no summary row " + name + " in " + r.names()));
  }

  private static void assertMean(McmcResult<?> r, String name, double truth) {
    Summary s = row(r, name);
    assertTrue(Math.abs(s.mean() - truth) < 5 * s.mcseMean() + 1e-9,
        name + ": mean " + s.mean() + ", exact " + truth + ", MCSE " + s.mcseMean());
  }

  /** a ~ N(0, 2), y = 1 ~ N(0, a): the model is only defined for a > 0, so a < 0 is outside the posterior. */
  static final Prob<Real> SCALE_MODEL = sample("a", normal(0, 2), a -> observe(normal(0, a.value()), 1.0).map(u -> a));

  /** E[a | y] for a > 0, by the trapezoid rule on a fine grid. */
  static double scaleModelMean() {
    double num = 0;
    double den = 0;
    double h = 1e-4;
    for (double a = h; a < 30; a += h) {
      double w = Math.exp(-a * a / 8) * Math.exp(-0.5 / (a * a)) / a;
      num += a * w;
      den += w;
    }
    return num / den;
  }

  @Test
  void proposalsThatMakeParametersInvalidAreCountedRejectionsAndThePosteriorIsExact() {
    double truth = scaleModelMean();
    Map<Address, Object> start = Map.of(addr("a"), 1.0);
    for (Kernel<Real> k : java.util.List.<Kernel<Real>>of(Kernels.randomWalk(Selection.all(), 1.5), Kernels.mh())) {
      McmcResult<Real> r = Mcmc.run(SCALE_MODEL, k, config(4, 500, 5000, 11).inits(start));
      assertMean(r, "a", truth);
      long invalid = r.rejections().get(ZeroCause.INVALID_PARAMETERS);
      assertTrue(invalid > 1000, "expected many rejections for invalid parameters, got " + r.rejections());
      assertTrue(r.toString().contains(invalid + " invalid parameters"), r.toString());
    }
  }

  @Test
  void aRandomWalkThatUnderflowsAPrecisionIsRejectedNotACrash() {
    // The reproducer of #14: a vague gamma prior on a precision; a proposal that underflows tau to 0
    // made normal(0, 1/sqrt(tau)) throw "sigma must be positive and finite".
    Prob<Real> m = sample("tau", gamma(0.01, 0.01), tau ->
        observe(normal(0, 1 / Math.sqrt(tau.value())), 0.3).map(u -> tau));
    McmcResult<Real> r = Mcmc.run(m, Kernels.randomWalk(Selection.all(), 400), config(2, 100, 400, 3));
    long edge = r.rejections().get(ZeroCause.OUTSIDE_SUPPORT) + r.warmupRejections().get(ZeroCause.OUTSIDE_SUPPORT);
    assertTrue(edge > 0, "no rejection at the edge of the support: " + r.rejections());
    for (double[] chain : r.column("tau")) {
      for (double v : chain) {
        assertTrue(v > 0 && Double.isFinite(v), "tau = " + v);
      }
    }
  }

  @Test
  void chainsWhoseEveryProposalLeavesTheSupportAreReportedAsStuck() {
    Prob<Real> m = sample("p", beta(0.5, 0.5));
    McmcResult<Real> r = Mcmc.run(m, Kernels.randomWalk(Selection.all(), 1e12), config(2, 10, 200, 5));
    assertTrue(r.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.STUCK_CHAIN), r.problems().toString());
    assertEquals(0.0, r.acceptanceRates()[0]);
    assertTrue(r.rejections().get(ZeroCause.OUTSIDE_SUPPORT) >= 399, r.rejections().toString());
    assertTrue(r.toString().contains("outside support") && r.toString().contains("never moved"), r.toString());
  }

  static final Prob<Boolean> MIXED = sample("mu", normal(0, 1), mu -> sample("z", bernoulli(0.5), z ->
      observe(normal(mu.value() + (z ? 1 : 0), 1), 0.5).map(u -> z)));

  private static void assertFailsNaming(Kernel<Boolean> k, String... words) {
    McmcChainException e = assertThrows(McmcChainException.class, () -> Mcmc.run(MIXED, k, config(2, 10, 10, 1)));
    for (String w : words) {
      assertTrue(e.getMessage().contains(w), "the message does not name " + w + ": " + e.getMessage());
    }
    assertTrue(e.getMessage().contains("initialisation"), e.getMessage());
  }

  @Test
  void kernelsThatCannotMoveTheModelFailAtTheStartListingItsAddresses() {
    assertFailsNaming(Kernels.randomWalk(Selection.names("typo"), 1.0), "typo", "mu", "z");
    assertFailsNaming(Kernels.mh(Selection.names("typo")), "typo", "mu", "z");
    assertFailsNaming(Kernels.gibbs("nosuch"), "nosuch", "mu", "z");
    assertFailsNaming(Kernels.randomWalk(Selection.names("z"), 1.0), "no continuous site", "mu", "z");
    assertFailsNaming(Kernels.cycle(Kernels.randomWalk(Selection.names("mu"), 1.0), Kernels.gibbs("zz")), "zz");
  }

  @Test
  void singleSiteMhOverOnlyDeterministicSitesFailsAtTheStart() {
    Prob<Boolean> m = sample("z", bernoulli(0.5), z -> deterministic("d", z ? 1 : 0).map(d -> z));
    McmcChainException e = assertThrows(McmcChainException.class,
        () -> Mcmc.run(m, Kernels.mh(Selection.names("d")), config(1, 10, 10, 1)));
    assertTrue(e.getMessage().contains("no random choice") && e.getMessage().contains("z"), e.getMessage());
  }

  @Test
  void theRandomWalkMovesVectorSitesOnTheUnconstrainedScale() {
    double[][] cov = {{1, 0.5}, {0.5, 2}};
    Prob<Real[]> mv = sample("x", mvNormal(new double[] {1, -1}, cov));
    McmcResult<Real[]> r = Mcmc.run(mv, Kernels.adaptiveRandomWalk(Selection.all(), 0.5), config(4, 1000, 5000, 7));
    assertMean(r, "x.1", 1);
    assertMean(r, "x.2", -1);
    assertTrue(r.acceptanceRates()[0] > 0.1, "acceptance " + r.acceptanceRates()[0]);

    Prob<Real[]> dir = sample("w", dirichlet(2, 3, 5));
    McmcResult<Real[]> d = Mcmc.run(dir, Kernels.adaptiveRandomWalk(Selection.all(), 0.5), config(4, 1000, 5000, 8));
    assertMean(d, "w.1", 0.2);
    assertMean(d, "w.2", 0.3);
    assertMean(d, "w.3", 0.5);

    Prob<Real[]> iid = sample("v", gamma(3, 2).vector(3));
    McmcResult<Real[]> g = Mcmc.run(iid, Kernels.adaptiveRandomWalk(Selection.all(), 0.5), config(4, 1000, 5000, 9));
    for (int i = 1; i <= 3; i++) {
      assertMean(g, "v." + i, 1.5);
    }
  }

  @Test
  void aCycleReportsEachPartsOwnAcceptance() {
    Kernel<Boolean> k = Kernels.cycle(Kernels.randomWalk(Selection.names("mu"), 30.0), Kernels.gibbs("z"));
    McmcResult<Boolean> r = Mcmc.run(MIXED, k, config(2, 100, 2000, 4));
    double[][] parts = r.partAcceptance();
    assertEquals(2, parts.length);
    assertEquals(java.util.List.of("1 random_walk_metropolis", "2 enumerative_gibbs"), r.partNames());
    for (int c = 0; c < 2; c++) {
      assertTrue(parts[0][c] < 0.15, "random walk of scale 30 accepted " + parts[0][c]);
      assertTrue(parts[1][c] > 0.3, "Gibbs moved " + parts[1][c]);
      assertTrue(r.acceptanceRates()[c] >= parts[1][c], "the cycle's rate counts a step when any part moved");
    }
    assertTrue(r.toString().contains("acceptance by part"), r.toString());
  }
}
