package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.bernoulli;
import static org.probity.Probity.condition;
import static org.probity.Probity.deterministic;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.core.Unit;
import org.probity.dist.Gamma;
import org.probity.dist.HalfCauchy;
import org.probity.dist.Uniform;
import org.probity.random.Rngs;
import org.probity.trace.Selection;
import org.probity.trace.Trace;

/**
 * The proof obligation of the fixed-structure fast path ({@link Chain}, {@code FastRandomWalk}):
 * for every seed it gives the very same chain as the random walk's program run through the
 * trace interpreter, bit for bit (the same traces, log joints and adapted scales, step by step),
 * on models whose structure is fixed, on models whose structure changes now and then (the fast
 * path hands those steps to the general path and resumes), and on models with zero-density
 * regions and supports that depend on other sites.
 */
class FixedStructureTest {
  private static final long[] SEEDS = {1, 2, 3, 42};
  private static final int STEPS = 400;

  /** Non-centred eight schools: every site continuous, tau on the half line. */
  static Prob<double[]> eightSchools() {
    double[] y = {28, 8, -3, 7, -1, 1, 18, 12};
    double[] sigma = {15, 10, 16, 11, 9, 11, 10, 18};
    return sample("mu", normal(0, 5), (Real mu) -> sample("tau", HalfCauchy.of(5), (Real tau) ->
        schools(0, mu.value(), tau.value(), y, sigma)));
  }

  private static Prob<double[]> schools(int j, double mu, double tau, double[] y, double[] sigma) {
    if (j == y.length) {
      return pure(new double[] {mu, tau});
    }
    return sample("theta_tilde" + j, normal(0, 1), (Real t) -> observe(normal(mu + tau * t.value(), sigma[j]), y[j],
        () -> schools(j + 1, mu, tau, y, sigma)));
  }

  /**
   * A model, the sites the walk moves, the least fraction of steps the fast path must take by
   * itself, and the least fraction of proposals the walk must score on its staged log density (0:
   * it must score none).
   */
  record Case(Prob<?> model, Selection moved, double fastFraction, double staged) {
    Case(Prob<?> model, Selection moved, double fastFraction) {
      this(model, moved, fastFraction, 0);
    }
  }

  static Map<String, Case> cases() {
    Map<String, Prob<?>> m = models();
    Map<String, Case> c = new LinkedHashMap<>();
    c.put("eight schools", new Case(m.get("eight schools"), Selection.all(), 0.99));
    String held = "gamma and a held discrete choice, a deterministic site";
    c.put(held, new Case(m.get(held), Selection.all(), 0.99));
    // Only x moves: the site after it appears (a fresh draw) or disappears with x's sign.
    String dyn = "structure depends on a continuous choice";
    c.put(dyn, new Case(m.get(dyn), Selection.names("x"), 0.02));
    // Every site moves: when x falls below 0.3, a's value is given but the run does not reach a
    // (the move is rejected, not an error), and the general path judges those steps.
    c.put(dyn + ", every site moved", new Case(m.get(dyn), Selection.all(), 0.5));
    // Every proposal changes b's support: each step falls back until the fast path is given up.
    String dep = "support depends on another site";
    c.put(dep, new Case(m.get(dep), Selection.all(), 0));
    // A zero-density proposal is handed to the general path, which counts its rejection by cause.
    c.put("zero-density region", new Case(m.get("zero-density region"), Selection.all(), 0.5));
    // Written over Real with families of exact double paths: proposals are scored on the staged log joint.
    c.put("eight schools over Real (staged)", new Case(eightSchoolsReal(), Selection.all(), 0.99, 0.9));
    // The same returning nothing: its draws are read without a run and written without being built.
    c.put("eight schools over Real returning nothing (staged, draws read without a run)",
        new Case(eightSchoolsReal().map(mu -> Unit.UNIT), Selection.all(), 0.99, 0.9));
    // A guard: proposals on the other side of it are re-run (and their acceptance adopted), the rest staged.
    c.put("a guard choosing the likelihood (staged, the other side re-run)", new Case(sample("x", normal(0, 1),
        (Real x) -> sample("s", HalfCauchy.of(2), (Real sd) -> x.test(v -> v < 0.3)
            ? observe(normal(x, sd), 0.5, () -> pure(sd))
            : observe(normal(x.times(2), 1.5), 0.5, () -> pure(sd)))), Selection.all(), 0.99, 0.2));
    // A zero-density region behind a guard: a proposal into it is off the recording's path, re-run,
    // and handed to the general path, which rejects it and counts the rejection by cause.
    c.put("a guarded zero-density region (staged, fallbacks)", new Case(sample("x", normal(0, 1), (Real x) ->
        sample("s", HalfCauchy.of(1), (Real sd) -> condition(x.test(v -> v < 0.8)).flatMap(u ->
            observe(normal(x, sd), 0.3, () -> pure(Unit.UNIT))))), Selection.all(), 0.5, 0.3));
    return c;
  }

  static Map<String, Prob<?>> models() {
    Map<String, Prob<?>> m = new LinkedHashMap<>();
    m.put("eight schools", eightSchools());
    m.put("gamma and a held discrete choice, a deterministic site", sample("z", bernoulli(0.3), (Boolean z) ->
        sample("s", Gamma.of(2, 1), (Real s) -> deterministic("twice", 2 * s.value()).flatMap((Real d) ->
            observe(normal(z ? d.value() : -d.value(), 1.0), 1.5, () -> pure(s.value()))))));
    m.put("structure depends on a continuous choice", sample("x", normal(0, 1), (Real x) -> x.value() > 0.3
        ? sample("a", normal(x.value(), 1), (Real a) -> observe(normal(a.value(), 1), 0.5, () -> pure(a.value())))
        : observe(normal(x.value(), 1), 0.5, () -> pure(x.value()))));
    m.put("support depends on another site", sample("a", Gamma.of(3, 1), (Real a) ->
        sample("b", Uniform.of(0, a.value()), (Real b) -> observe(normal(b.value(), 0.5), 1.0, () -> pure(b.value())))));
    m.put("zero-density region", sample("x", normal(0, 2), (Real x) -> condition(x.value() < 1.0).flatMap(u ->
        sample("y", normal(x.value(), 1), (Real yv) -> observe(normal(yv.value(), 1), 0.2, () -> pure(yv.value()))))));
    return m;
  }

  @TestFactory
  Stream<DynamicTest> fastPathEqualsGeneralPathBitForBit() {
    List<DynamicTest> tests = new ArrayList<>();
    for (var e : cases().entrySet()) {
      for (boolean adaptive : new boolean[] {false, true}) {
        tests.add(DynamicTest.dynamicTest(e.getKey() + (adaptive ? " / adaptive" : " / fixed scale"), () -> {
          for (long seed : SEEDS) {
            sameChains(e.getValue(), adaptive, seed);
          }
        }));
      }
    }
    return tests.stream();
  }

  /** A proposal MH kernel on eight schools: mu by a Gaussian drift, tau by a Gamma around its value (asymmetric). */
  static Kernel<Object> eightSchoolsProposal() {
    return Kernels.proposalMh(x -> sample("mu", normal(((Real) x.value("mu")).value(), 1.0), (Real mu) ->
        sample("tau", Gamma.of(4, 4 / ((Real) x.value("tau")).value()))));
  }

  /** A proposal MH kernel on the model whose structure depends on x: x by a Gaussian drift. */
  static Kernel<Object> branchingProposal() {
    return Kernels.proposalMh(x -> sample("x", normal(((Real) x.value("x")).value(), 0.8)));
  }

  @TestFactory
  Stream<DynamicTest> proposalFastPathEqualsGeneralPathBitForBit() {
    Map<String, Object[]> cs = new LinkedHashMap<>();
    cs.put("eight schools", new Object[] {eightSchools(), (java.util.function.Supplier<Kernel<Object>>) FixedStructureTest::eightSchoolsProposal, 0.99});
    cs.put("structure depends on a continuous choice", new Object[] {models().get("structure depends on a continuous choice"),
        (java.util.function.Supplier<Kernel<Object>>) FixedStructureTest::branchingProposal, 0.3});
    cs.put("eight schools, a cycle: adaptive walks on mu and on tau, a proposal, a walk on all", new Object[] {eightSchools(),
        (java.util.function.Supplier<Kernel<Object>>) () -> Kernels.<Object>cycle(
            Kernels.adaptiveRandomWalk(Selection.names("mu"), 1.0), Kernels.adaptiveRandomWalk(Selection.names("tau"), 1.0),
            eightSchoolsProposal(), Kernels.repeat(2, Kernels.randomWalk(Selection.all(), 0.5))).forChain(), 0.99});
    cs.put("structure depends on a continuous choice, a cycle: a walk on x, then the proposal", new Object[] {
        models().get("structure depends on a continuous choice"),
        (java.util.function.Supplier<Kernel<Object>>) () -> Kernels.<Object>cycle(
            Kernels.randomWalk(Selection.names("x"), 0.7), branchingProposal()).forChain(), 0.02});
    List<DynamicTest> tests = new ArrayList<>();
    for (var e : cs.entrySet()) {
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
        for (long seed : SEEDS) {
          @SuppressWarnings("unchecked")
          java.util.function.Supplier<Kernel<Object>> k = (java.util.function.Supplier<Kernel<Object>>) e.getValue()[1];
          sameChains((Prob<?>) e.getValue()[0], k.get(), k.get(), (Double) e.getValue()[2], seed);
        }
      }));
    }
    return tests.stream();
  }

  /** Eight schools with the parameters kept as {@code Real} through the likelihood (differentiable). */
  static Prob<Real> eightSchoolsReal() {
    double[] y = {28, 8, -3, 7, -1, 1, 18, 12};
    double[] sigma = {15, 10, 16, 11, 9, 11, 10, 18};
    return sample("mu", normal(0, 5), (Real mu) -> sample("tau", HalfCauchy.of(5), (Real tau) ->
        schoolsReal(0, mu, tau, y, sigma)));
  }

  private static Prob<Real> schoolsReal(int j, Real mu, Real tau, double[] y, double[] sigma) {
    if (j == y.length) {
      return pure(mu);
    }
    return sample("theta_tilde" + j, normal(0, 1), (Real t) -> observe(normal(mu.plus(tau.times(t)), sigma[j]), y[j],
        () -> schoolsReal(j + 1, mu, tau, y, sigma)));
  }

  /**
   * NUTS alone takes the Hamiltonian fast path (the kernel keeps its point, the trace is built by a
   * flat re-run when asked): the same chain as the kernel's program under the Sampler, through
   * warm-up and after, on eight schools and on a model with a held discrete choice and a
   * deterministic site.
   */
  @TestFactory
  Stream<DynamicTest> hamiltonianFastPathEqualsGeneralPathBitForBit() {
    Map<String, Prob<?>> cs = new LinkedHashMap<>();
    cs.put("eight schools", eightSchoolsReal());
    cs.put("gamma and a held discrete choice, a deterministic site", sample("z", bernoulli(0.3), (Boolean z) ->
        sample("s", Gamma.of(2, 1), (Real s) -> deterministic("twice", s.times(2)).flatMap((Real d) ->
            observe(normal(z ? d : d.negate(), 1.0), 1.5, () -> pure(s))))));
    List<DynamicTest> tests = new ArrayList<>();
    for (var e : cs.entrySet()) {
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
        for (long seed : SEEDS) {
          HmcKernel<Object> kf = (HmcKernel<Object>) HmcKernel.<Object>nuts().forChain();
          HmcKernel<Object> kg = (HmcKernel<Object>) HmcKernel.<Object>nuts().forChain();
          kf.startWarmup(100);
          kg.startWarmup(100);
          sameChains(e.getValue(), kf, kg, 0.99, seed);
          assertEquals(Double.doubleToRawLongBits(kg.stepSize()), Double.doubleToRawLongBits(kf.stepSize()));
          assertEquals(kg.gradientEvaluations(), kf.gradientEvaluations());
        }
      }));
    }
    return tests.stream();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void sameChains(Case c, boolean adaptive, long seed) {
    Prob<Object> m = (Prob) c.model();
    Selection sel = c.moved();
    RandomWalkMH<Object> kf = (RandomWalkMH<Object>) (adaptive ? Kernels.adaptiveRandomWalk(sel, 0.8)
        : Kernels.randomWalk(sel, 0.8)).forChain();
    RandomWalkMH<Object> kg = (RandomWalkMH<Object>) (adaptive ? Kernels.adaptiveRandomWalk(sel, 0.8)
        : Kernels.randomWalk(sel, 0.8)).forChain();
    // a staged walk's flat run is brought up to date only when read: compare the traces every 5th
    // step, so that runs of staged moves go unread in between (the log joints every step)
    int[] direct = new int[1];
    Chain<Object> fast = sameChains(m, kf, kg, c.fastFraction(), seed, c.staged() > 0 ? 5 : 1, direct);
    assertEquals(Double.doubleToRawLongBits(kg.scale()), Double.doubleToRawLongBits(kf.scale()));
    if (c.staged() > 0) {
      assertTrue(fast.stagedScores() >= c.staged() * STEPS, "proposals scored on the staged log joint: " + fast.stagedScores());
      // draws are written without a run only for a model whose output gives no columns (null or an
      // enum constant), and not while the trace asked for every 5th step is the chain's state
      boolean readable = fast.output() == null || fast.output() instanceof Enum<?>;
      assertTrue(readable ? direct[0] > STEPS / 5 : direct[0] == 0, "draws added without being built: " + direct[0]);
    } else {
      assertEquals(0, fast.stagedScores(), "a model with a value read, or a family without an exact double path");
    }
  }

  /** Runs the two kernels (equal, each its chain's own copy) from the same start, fast and general, and compares every step. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Chain<Object> sameChains(Prob<?> model, Kernel<Object> kf, Kernel<Object> kg, double fastFraction,
      long seed) {
    return sameChains(model, kf, kg, fastFraction, seed, 1, new int[1]);
  }

  // directDraws[0] receives the number of the fast chain's draws added without being built (Chain.addDraw).
  private static Chain<Object> sameChains(Prob<?> model, Kernel<Object> kf, Kernel<Object> kg, double fastFraction,
      long seed, int traceEvery, int[] directDraws) {
    Prob<Object> m = (Prob) model;
    Trace<Object> start = Mcmc.initialise(m, Rngs.of(seed + 100), 100);
    Chain<Object> fast = Chain.of(kf, start);
    Chain<Object> general = Chain.general(kg, start);
    UniformRandomProvider rf = Rngs.of(seed);
    UniformRandomProvider rg = Rngs.of(seed);
    int moves = 0;
    DrawTable tf = new DrawTable(STEPS); // the draws as the chain runner keeps them, and by the general chain
    DrawTable tg = new DrawTable(STEPS);
    int direct = 0; // draws the fast chain added without building them
    for (int i = 0; i < STEPS; i++) {
      if (i == 100 && kf instanceof HmcKernel) { // the Hamiltonian chains' warm-up ends
        kf.endWarmup();
        kg.endWarmup();
      }
      boolean mf = fast.step(rf);
      boolean mg = general.step(rg);
      String at = "seed " + seed + ", step " + i;
      assertEquals(mg, mf, at);
      moves += mf ? 1 : 0;
      assertEquals(Double.doubleToRawLongBits(general.logJoint()), Double.doubleToRawLongBits(fast.logJoint()), at);
      if (i % traceEvery == 0 || i == STEPS - 1) {
        assertEquals(general.trace(), fast.trace(), at);
        assertEquals(Double.doubleToRawLongBits(general.trace().logPrior()),
            Double.doubleToRawLongBits(fast.trace().logPrior()), at);
      }
      Object output = fast.output();
      if (fast.addDraw(tf)) {
        direct++;
      } else {
        tf.add(fast.columns(), output);
      }
      tg.add(general.columns(), general.output());
      if (kf instanceof RandomWalkMH<Object> rf2) {
        assertEquals(Double.doubleToRawLongBits(((RandomWalkMH<Object>) kg).scale()), Double.doubleToRawLongBits(rf2.scale()), at);
      }
    }
    assertEquals(rg.nextLong(), rf.nextLong(), "the generators are in the same state after the chains");
    assertEquals(tg.names(), tf.names());
    for (int j = 0; j < tg.names().size(); j++) {
      for (int i = 0; i < STEPS; i++) {
        assertEquals(Double.doubleToRawLongBits(tg.value(i, j)), Double.doubleToRawLongBits(tf.value(i, j)),
            "seed " + seed + ", draw " + i + ", column " + tg.names().get(j));
      }
    }
    directDraws[0] = direct;
    for (int p = 0; p < kf.parts().size(); p++) {
      KernelStats sf = kf.parts().get(p).stats();
      KernelStats sg = kg.parts().get(p).stats();
      assertEquals(sg == null, sf == null);
      if (sg != null) {
        assertEquals(sg.current().steps(), sf.current().steps());
        assertEquals(sg.current().moves(), sf.current().moves());
        assertEquals(java.util.Arrays.toString(sg.current().rejected()), java.util.Arrays.toString(sf.current().rejected()),
            "the rejections by cause");
      }
    }
    assertTrue(moves > STEPS / 20, "the chain moved only " + moves + " times: the comparison would be weak");
    assertTrue(fast.fastSteps() >= fastFraction * STEPS, "only " + fast.fastSteps() + " of " + STEPS + " steps took the fast path");
    return fast;
  }

  @Test
  void structureChangesAreHandedToTheGeneralPath() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Prob<Object> m = (Prob) models().get("structure depends on a continuous choice");
    Chain<Object> c = Chain.of(Kernels.<Object>randomWalk(Selection.names("x"), 1.0).forChain(),
        Mcmc.initialise(m, Rngs.of(5), 100));
    UniformRandomProvider rng = Rngs.of(6);
    int branchChanges = 0;
    boolean wasA = c.trace().has(org.probity.core.Address.of("a"));
    for (int i = 0; i < 2000; i++) {
      c.step(rng);
      boolean isA = c.trace().has(org.probity.core.Address.of("a"));
      branchChanges += isA != wasA ? 1 : 0;
      wasA = isA;
    }
    assertTrue(branchChanges > 5, "the chain changed branch only " + branchChanges + " times");
    assertTrue(c.fastSteps() < c.steps(), "some steps must have fallen back");
    assertTrue(c.fastSteps() > c.steps() / 3, c.fastSteps() + " fast steps of " + c.steps());
  }

  @Test
  void aRejectionKeepsTheSameTrace() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Prob<Object> m = (Prob) eightSchools();
    Chain<Object> c = Chain.of(Kernels.<Object>randomWalk(Selection.all(), 3.0).forChain(), Mcmc.initialise(m, Rngs.of(1), 100));
    UniformRandomProvider rng = Rngs.of(2);
    int stays = 0;
    for (int i = 0; i < 200; i++) {
      Trace<Object> before = c.trace();
      if (!c.step(rng)) {
        stays++;
        assertSame(before, c.trace());
      }
    }
    assertTrue(stays > 0);
  }
}
