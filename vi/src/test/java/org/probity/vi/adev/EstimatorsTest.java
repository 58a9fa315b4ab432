package org.probity.vi.adev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.bernoulli;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.core.UnsupportedConstructException;
import org.probity.random.Rngs;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.vi.param.ParamStore;

/** Each estimator on a one-choice objective whose expectation and gradient have a formula. */
class EstimatorsTest {
  /** E_{b ~ Bernoulli(logistic(theta))}[b ? 3 + theta : 1] = 1 + s (2 + theta), s = logistic(theta). */
  private static Expectation coin(Estimator e) {
    return Expectation.of(p -> {
      Real theta = p.real("theta", 0.3);
      return sample(Estimators.tag(bernoulli(theta.logistic()), e)).map(b -> b ? theta.plus(3) : Real.of(1));
    });
  }

  private static double exactValue(double t) {
    double s = 1 / (1 + Math.exp(-t));
    return 1 + s * (2 + t);
  }

  private static double exactGradient(double t) {
    double s = 1 / (1 + Math.exp(-t));
    return s * (1 - s) * (2 + t) + s;
  }

  @Test
  void everyEstimatorIsExactlyUnbiasedOnACoin() {
    for (Estimator e : List.of(Estimators.REINFORCE, Estimators.ENUM, Estimators.MVD, Estimators.baseline(2.0),
        Estimators.leaveOneOut(3))) {
      ParamStore store = new ParamStore();
      Enumeration<ValueAndGradient> law = Enumerator.enumerate(coin(e).valueAndGradProgram(store));
      assertEquals(exactValue(0.3), law.expectation(ValueAndGradient::value), 1e-12, e.toString());
      assertEquals(exactGradient(0.3), law.expectation(v -> v.gradient().get("theta", 0)), 1e-12, e.toString());
    }
  }

  @Test
  void enumIsDeterministic() {
    ParamStore store = new ParamStore();
    ValueAndGradient vg = coin(Estimators.ENUM).valueAndGradEstimate(store, Rngs.of(1));
    assertEquals(exactValue(0.3), vg.value(), 1e-12);
    assertEquals(exactGradient(0.3), vg.gradient().get("theta", 0), 1e-12);
  }

  @Test
  void reparamOnANormalMatchesTheFormulaWithinMonteCarloError() {
    // E_{x ~ N(mu, 1)}[x^2] = mu^2 + 1, gradient 2 mu
    Expectation e = Expectation.of(p -> sample(normal(p.real("mu", 0.7), 1.0)).map(x -> x.square()));
    ParamStore store = new ParamStore();
    int n = 20_000;
    double s = 0;
    double ss = 0;
    var rng = Rngs.of(5);
    for (int i = 0; i < n; i++) {
      double g = e.gradEstimate(store, rng).get("mu", 0);
      s += g;
      ss += g * g;
    }
    double mean = s / n;
    double se = Math.sqrt((ss / n - mean * mean) / n);
    // z = 4.9: a false alarm once in a million runs
    assertEquals(1.4, mean, 4.9 * se);
  }

  @Test
  void reparamOnADiscreteChoiceIsRefusedNamingTheSite() {
    Expectation e = Expectation.of(p -> sample("flip", Estimators.reparam(bernoulli(0.5))).map(b -> Real.ONE));
    UnsupportedEstimatorException x = assertThrows(UnsupportedEstimatorException.class,
        () -> e.estimate(new ParamStore(), Rngs.of(1)));
    assertTrue(x.getMessage().contains("REPARAM") && x.getMessage().contains("flip"), x.getMessage());
  }

  @Test
  void anObservationInsideAnObjectiveIsRefused() {
    Expectation e = Expectation.of(p -> observe(normal(0, 1), 0.5).then(() -> pure(Real.ONE)));
    assertThrows(UnsupportedConstructException.class, () -> e.estimate(new ParamStore(), Rngs.of(1)));
  }

  @Test
  void aProgramReturningSomethingElseThanARealIsRefused() {
    Prob<String> bad = pure("x");
    Expectation e = Expectation.of(p -> bad);
    assertThrows(org.probity.core.ProbityException.class, () -> e.estimate(new ParamStore(), Rngs.of(1)));
  }
}
