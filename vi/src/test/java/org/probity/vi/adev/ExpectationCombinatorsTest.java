package org.probity.vi.adev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.probity.Probity.bernoulli;
import static org.probity.Probity.sample;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.random.Rngs;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.vi.param.ParamStore;

/** ADEV's combinators: exact laws where the estimator is finite, Monte Carlo for exp. */
class ExpectationCombinatorsTest {
  /** E_{b ~ Bernoulli(logistic(theta))}[b ? c + theta : 1] with the given estimator. */
  private static Expectation coin(Estimator e, double c) {
    return Expectation.of(p -> {
      Real theta = p.real("theta", 0.3);
      return sample(Estimators.tag(bernoulli(theta.logistic()), e)).map(b -> b ? theta.plus(c) : Real.of(1));
    });
  }

  private static double value(double c) {
    double s = 1 / (1 + Math.exp(-0.3));
    return 1 + s * (c - 1 + 0.3);
  }

  private static double grad(double c) {
    double s = 1 / (1 + Math.exp(-0.3));
    return s * (1 - s) * (c - 1 + 0.3) + s;
  }

  private static Enumeration<ValueAndGradient> law(Expectation e) {
    return Enumerator.enumerate(e.valueAndGradProgram(new ParamStore()));
  }

  @Test
  void sumsProductsAndScalesOfIndependentEstimatesAreUnbiased() {
    Expectation a = coin(Estimators.REINFORCE, 3);
    Expectation b = coin(Estimators.MVD, 5);
    Enumeration<ValueAndGradient> sum = law(a.plus(b.times(2)));
    assertEquals(value(3) + 2 * value(5), sum.expectation(ValueAndGradient::value), 1e-12);
    assertEquals(grad(3) + 2 * grad(5), sum.expectation(v -> v.gradient().get("theta", 0)), 1e-12);
    Enumeration<ValueAndGradient> prod = law(a.times(b));
    assertEquals(value(3) * value(5), prod.expectation(ValueAndGradient::value), 1e-12);
    assertEquals(grad(3) * value(5) + value(3) * grad(5), prod.expectation(v -> v.gradient().get("theta", 0)), 1e-12);
    Enumeration<ValueAndGradient> square = law(a.times(a));
    assertEquals(2 * value(3) * grad(3), square.expectation(v -> v.gradient().get("theta", 0)), 1e-12);
  }

  @Test
  void minibatchOfASumIsUnbiased() {
    double[] cs = {2, 3, 7};
    Expectation mb = Expectation.minibatch(3, 2, i -> coin(Estimators.REINFORCE, cs[i]));
    Enumeration<ValueAndGradient> l = law(mb);
    assertEquals(value(2) + value(3) + value(7), l.expectation(ValueAndGradient::value), 1e-12);
    assertEquals(grad(2) + grad(3) + grad(7), l.expectation(v -> v.gradient().get("theta", 0)), 1e-12);
  }

  @Test
  void expIsUnbiasedByMonteCarloAndExactOnExactValues() {
    Expectation e = coin(Estimators.ENUM, 3).times(0.5).exp();
    UniformRandomProvider rng = Rngs.of(3);
    int n = 40_000;
    double sv = 0;
    double svv = 0;
    double sg = 0;
    double sgg = 0;
    ParamStore store = new ParamStore();
    for (int i = 0; i < n; i++) {
      ValueAndGradient vg = e.valueAndGradEstimate(store, rng);
      sv += vg.value();
      svv += vg.value() * vg.value();
      double g = vg.gradient().get("theta", 0);
      sg += g;
      sgg += g * g;
    }
    double ev = Math.exp(0.5 * value(3));
    double mv = sv / n;
    double mg = sg / n;
    assertEquals(ev, mv, 4.9 * Math.sqrt((svv / n - mv * mv) / n));
    assertEquals(ev * 0.5 * grad(3), mg, 4.9 * Math.sqrt((sgg / n - mg * mg) / n));
    Expectation exact = Expectation.exact(p -> p.real("theta", 0.3).times(2)).exp().log();
    assertEquals(0.6, exact.estimate(new ParamStore(), Rngs.of(1)), 1e-12);
  }

  @Test
  void logOfAnEstimateIsRefused() {
    assertThrows(UnsupportedOperationException.class, () -> coin(Estimators.REINFORCE, 3).log());
  }
}
