package org.probity.vi.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.normal;
import static org.probity.Probity.sample;

import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.vi.adev.Expectation;
import org.probity.vi.param.ParamStore;

/** Optimisers on objectives with known maxima; the loop's trace, convergence rule and errors. */
class OptimizeTest {
  /** E_{x ~ N(mu, 1)}[-(x - 3)^2] = -(mu - 3)^2 - 1, maximal at mu = 3. */
  private static final Expectation QUADRATIC = Expectation.of(p -> sample(normal(p.real("mu", 0), 1.0))
      .map(x -> x.minus(3).square().negate()));

  @Test
  void adamAndSgdFindTheMaximum() {
    for (Optimizer o : new Optimizer[] {Adam.of(Schedule.exponentialDecay(0.1, 0.1, 2000)),
        new Sgd(Schedule.inverseTime(0.05, 100, 0.7), 0.5)}) {
      ParamStore store = new ParamStore();
      Optimize.Result r = Optimize.maximize(QUADRATIC, store, Optimize.Config.of(3000).optimizer(o).progress(false).seed(4));
      assertEquals(3.0, store.scalar("mu"), 0.05, o.toString());
      assertEquals(3000, r.steps());
      // the trace rises: the last estimates average near the maximum -1
      assertEquals(-1.0, r.finalObjective(), 0.3, o.toString());
      assertTrue(r.mean(0, 100) < r.mean(2900, 3000));
    }
  }

  @Test
  void theSameSeedGivesTheSameTrace() {
    Optimize.Result a = Optimize.maximize(QUADRATIC, new ParamStore(), Optimize.Config.of(50).progress(false).seed(9));
    Optimize.Result b = Optimize.maximize(QUADRATIC, new ParamStore(), Optimize.Config.of(50).progress(false).seed(9));
    assertArrayEquals(a.objective(), b.objective());
  }

  @Test
  void theConvergenceRuleStopsEarly() {
    Optimize.Result r = Optimize.maximize(QUADRATIC, new ParamStore(), Optimize.Config.of(20_000).optimizer(Adam.of(0.05))
        .samples(4).convergence(Convergence.relative(0.02, 200)).progress(false));
    assertTrue(r.converged() && r.steps() < 20_000, r.toString());
  }

  @Test
  void aNonFiniteObjectiveIsAnErrorNamingTheStep() {
    Expectation bad = Expectation.of(p -> sample(normal(p.real("mu", 0), 1.0)).map(x -> Real.of(Math.log(-1))));
    OptimizationException e = assertThrows(OptimizationException.class, () -> Optimize.maximize(bad, new ParamStore(), 10));
    assertTrue(e.getMessage().contains("step 0"), e.getMessage());
  }

  @Test
  void schedules() {
    assertEquals(0.5, Schedule.exponentialDecay(1, 0.5, 10).rate(10), 1e-15);
    assertEquals(0.5, Schedule.inverseTime(1, 10, 1).rate(10), 1e-15);
    assertEquals(0.1, Schedule.cosine(1, 100, 0.1).rate(100), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> Schedule.constant(-1));
  }
}
