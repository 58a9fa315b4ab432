package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.bernoulli;
import static org.probity.Probity.deterministic;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.ArrayList;
import java.util.HashMap;
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
import org.probity.inference.hmc.Transition;
import org.probity.random.Rngs;
import org.probity.trace.LogDensity;
import org.probity.trace.Trace;

/**
 * A Hamiltonian chain's kept draws read without a run of the model ({@link KeptDraws}) are the
 * draws a run gives: every step of NUTS on the fast path, its choices (by column) and output equal
 * those of the same chain through the kernel's program, where every state is a trace.
 */
class KeptDrawsTest {
  private static final long[] SEEDS = {1, 2, 3};
  private static final int STEPS = 300;

  enum Side { LEFT, RIGHT }

  /** How many draws a case reads without a run: most, some (the others run the model), none. */
  enum Reads { MOST, SOME, NONE }

  private record Case(Prob<?> model, Reads reads) {
  }

  private static Map<String, Case> cases() {
    Map<String, Case> cs = new LinkedHashMap<>();
    cs.put("eight schools, no output", new Case(eightSchools(0, null, null), Reads.MOST));
    // the branch is a recorded guard: points on the other side run the model (and return the other constant)
    cs.put("a guard choosing the likelihood and the output", new Case(sample("x", normal(0, 1), (Real x) ->
        x.test(v -> v < 0.3)
            ? observe(normal(x, 1.0), 0.5, () -> pure(Side.LEFT))
            : observe(normal(x.times(2), 1.5), 0.5, () -> pure(Side.RIGHT))), Reads.SOME));
    cs.put("a held discrete choice", new Case(sample("z", bernoulli(0.3), (Boolean z) ->
        sample("s", Gamma.of(2, 1), (Real s) -> observe(normal(z ? s : s.negate(), 1.0), 1.5))), Reads.MOST));
    cs.put("a deterministic site (run per draw)", new Case(sample("s", Gamma.of(2, 1), (Real s) ->
        deterministic("twice", s.times(2)).flatMap((Real d) -> observe(normal(d, 1.0), 1.5))), Reads.NONE));
    cs.put("an output computed from the point (run per draw)", new Case(sample("x", normal(0, 1), (Real x) ->
        observe(normal(x, 1.0), 0.5, () -> pure(x.times(3)))), Reads.NONE));
    return cs;
  }

  private static Prob<Unit> eightSchools(int j, Real mu, Real tau) {
    double[] y = {28, 8, -3, 7, -1, 1, 18, 12};
    double[] sigma = {15, 10, 16, 11, 9, 11, 10, 18};
    if (mu == null) {
      return sample("mu", normal(0, 5), (Real m) -> sample("tau", HalfCauchy.of(5), (Real t) -> eightSchools(0, m, t)));
    }
    if (j == y.length) {
      return pure(Unit.UNIT);
    }
    return sample("theta_tilde" + j, normal(0, 1), (Real t) -> observe(normal(mu.plus(tau.times(t)), sigma[j]), y[j],
        () -> eightSchools(j + 1, mu, tau)));
  }

  @TestFactory
  @SuppressWarnings({"unchecked", "rawtypes"})
  Stream<DynamicTest> keptDrawsEqualTheRunsDraws() {
    List<DynamicTest> tests = new ArrayList<>();
    for (var e : cases().entrySet()) {
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
        long withoutRun = 0;
        for (long seed : SEEDS) {
          Prob<Object> m = (Prob) e.getValue().model();
          HmcKernel<Object> kf = (HmcKernel<Object>) HmcKernel.<Object>nuts().forChain();
          HmcKernel<Object> kg = (HmcKernel<Object>) HmcKernel.<Object>nuts().forChain();
          kf.startWarmup(100);
          kg.startWarmup(100);
          Trace<Object> start = Mcmc.initialise(m, Rngs.of(seed + 100), 100);
          Chain<Object> fast = Chain.of(kf, start);
          Chain<Object> general = Chain.general(kg, start);
          UniformRandomProvider rf = Rngs.of(seed);
          UniformRandomProvider rg = Rngs.of(seed);
          DrawTable tf = new DrawTable(STEPS); // as the chain runner keeps the draws (a layout written by position)
          DrawTable tg = new DrawTable(1); // grown draw by draw
          for (int i = 0; i < STEPS; i++) {
            if (i == 100) {
              kf.endWarmup();
              kg.endWarmup();
            }
            fast.step(rf);
            general.step(rg);
            String at = "seed " + seed + ", step " + i;
            // the output first, then the choices: neither may build the fast chain's trace
            assertEquals(general.output(), fast.output(), at);
            assertEquals(columns(general.columns()), columns(fast.columns()), at);
            tf.add(fast.columns(), fast.output());
            tg.add(general.columns(), general.output());
          }
          assertEquals(tg.names(), tf.names());
          for (int i = 0; i < STEPS; i++) {
            for (int j = 0; j < tg.names().size(); j++) {
              assertEquals(Double.doubleToRawLongBits(tg.value(i, j)), Double.doubleToRawLongBits(tf.value(i, j)),
                  "seed " + seed + ", draw " + i + ", column " + tg.names().get(j));
            }
          }
          withoutRun += kf.drawsWithoutRun();
        }
        String reads = "draws read without a run: " + withoutRun + " of " + SEEDS.length * STEPS;
        switch (e.getValue().reads()) {
          case MOST -> assertTrue(withoutRun > SEEDS.length * (STEPS - 100), reads);
          case SOME -> assertTrue(withoutRun > 0 && withoutRun < SEEDS.length * (STEPS - 100), reads);
          case NONE -> assertEquals(0, withoutRun, reads);
          default -> throw new AssertionError();
        }
      }));
    }
    return tests.stream();
  }

  // Map equality compares the Double values bit for bit (Double.equals).
  private static Map<String, Double> columns(Columns.Source s) {
    Map<String, Double> out = new LinkedHashMap<>();
    Columns.flatten(s, out, new HashMap<>());
    return out;
  }

  /** With a Hamiltonian kernel alone, lp__ is the log density the kernel samples at the draw (Stan's lp__). */
  @Test
  void lpIsTheSampledLogDensity() {
    Prob<Unit> m = eightSchools(0, null, null);
    McmcResult<Unit> r = Mcmc.run(m, HmcKernel.nuts(),
        McmcConfig.defaults().chains(2).threads(1).warmup(200).samples(100).seed(5).progress(false));
    for (int c = 0; c < 2; c++) {
      double[] lp = r.draws().samplerStat("lp__")[c];
      List<Transition> ts = r.transitions().get(c);
      for (int d = 0; d < lp.length; d++) {
        assertEquals(ts.get(d).logDensity(), lp[d], 0.0, "chain " + c + ", draw " + d);
      }
      // and it is the view's log density (log-Jacobian included) at the draw's point, up to rounding
      Trace<Unit> last = r.lastTraces().get(c);
      LogDensity view = LogDensity.of(m, last);
      assertEquals(view.logDensity(view.unconstrain(last)), lp[lp.length - 1], 1e-9);
    }
  }
}
