package org.probity.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.ProbityException;

/**
 * Prior and posterior predictive draws and the pointwise log likelihood: the replicated data have
 * the predictive law (moments within Monte Carlo error), posterior draws are re-run at their
 * values with deterministic sites recomputed, plates give one log-likelihood column per entry,
 * and results depend only on the seed.
 */
class PredictiveTest {
  private static final double[] Y = {0.4, -1.1, 2.0};

  /** mu ~ N(0, 1); y[i] ~ N(mu, 1) named; shift = mu + 10 recorded. */
  static Prob<Real> named() {
    return sample("mu", normal(0, 1), mu -> deterministic("shift", mu.plus(10)).then(() ->
        forEach(0, Y.length, i -> observe(addr("y", i), normal(mu, Real.of(1)), Real.of(Y[i]))).map(u -> mu)));
  }

  /** The same data as one anonymous plate, then a factor. */
  static Prob<Real> plated() {
    return sample("mu", normal(0, 1), mu -> plate(normal(mu, Real.of(1)), Y).then(() -> factor(-0.5)).map(u -> mu));
  }

  private static double logNormal(double x, double m, double s) {
    double z = (x - m) / s;
    return -0.5 * z * z - Math.log(s) - 0.5 * Math.log(2 * Math.PI);
  }

  @Test
  void priorPredictiveDrawsHaveThePredictiveLaw() {
    int n = 20_000;
    Predictions<Real> p = Predictive.prior(named(), n, 7);
    assertEquals(List.of(Address.of("y", 0), Address.of("y", 1), Address.of("y", 2)), p.sites());
    double[][] y = p.matrix();
    assertEquals(n, y.length);
    assertEquals(3, y[0].length);
    // y_i = mu + e_i: mean 0, variance 2, covariance 1 between sites
    double m0 = 0;
    double v0 = 0;
    double c01 = 0;
    for (double[] row : y) {
      m0 += row[0] / n;
      v0 += row[0] * row[0] / n;
      c01 += row[0] * row[1] / n;
    }
    assertEquals(0.0, m0, 4 * Math.sqrt(2.0 / n));
    assertEquals(2.0, v0, 4 * Math.sqrt(2 * 4.0 / n));
    assertEquals(1.0, c01, 4 * Math.sqrt(3.0 / n));
    for (int d = 0; d < 10; d++) {
      Trace<Real> t = p.traces().get(d);
      assertEquals(((Real) t.value("mu")).value() + 10, ((Real) t.value("shift")).value(), 0.0);
      assertEquals(t.output(), t.value("mu"));
      assertEquals(y[d][2], p.draws("y[2]")[d][0], 0.0);
    }
  }

  @Test
  void aFiniteModelsPriorPredictiveMatchesItsExactLaw() {
    // p is 0.2 or 0.8 with equal probability, y ~ Bernoulli(p): P(y_rep) = 0.5, P(both reps agree) = 0.68
    Prob<Boolean> m = sample("p", categorical(List.of(0.2, 0.8), 1, 1), p ->
        observe("a", bernoulli(p), true).then(() -> observe("b", bernoulli(p), false)).map(u -> true));
    int n = 20_000;
    double[][] y = Predictive.prior(m, n, 3).matrix();
    double a = 0;
    double agree = 0;
    for (double[] row : y) {
      a += row[0];
      agree += row[0] == row[1] ? 1 : 0;
    }
    assertEquals(0.5, a / n, 4 * Math.sqrt(0.25 / n));
    assertEquals(0.68, agree / n, 4 * Math.sqrt(0.68 * 0.32 / n));
  }

  @Test
  void posteriorPredictiveReRunsEachDrawAtItsValues() {
    Map<Address, Object> high = new LinkedHashMap<>();
    high.put(Address.of("mu"), Real.of(5.0));
    high.put(Address.of("shift"), Real.of(-99.0)); // stale: recomputed
    Map<Address, Object> low = Map.of(Address.of("mu"), Real.of(-5.0));
    List<Map<Address, Object>> draws = new ArrayList<>();
    int each = 5000;
    for (int i = 0; i < each; i++) {
      draws.add(high);
      draws.add(low);
    }
    Predictions<Real> p = Predictive.posteriorFromValues(named(), draws, 11);
    double[][] y = p.matrix();
    double mHigh = 0;
    double mLow = 0;
    double vLow = 0;
    for (int d = 0; d < y.length; d += 2) {
      mHigh += y[d][1] / each;
      mLow += y[d + 1][1] / each;
      vLow += (y[d + 1][1] + 5) * (y[d + 1][1] + 5) / each;
    }
    assertEquals(5.0, mHigh, 4 * Math.sqrt(1.0 / each));
    assertEquals(-5.0, mLow, 4 * Math.sqrt(1.0 / each));
    assertEquals(1.0, vLow, 4 * Math.sqrt(2.0 / each));
    assertEquals(15.0, ((Real) p.traces().get(0).value("shift")).value(), 0.0);
    assertEquals(5.0, p.outputs().get(0).value(), 0.0);
    // from traces: the same draws give the same predictions for the same seed
    Trace<Real> t = Traces.replay(named(), Map.of(Address.of("mu"), Real.of(0.25)));
    Predictions<Real> a = Predictive.posterior(named(), List.of(t, t, t), 5);
    Predictions<Real> b = Predictive.posterior(named(), List.of(t, t, t), 5);
    assertArrayEquals(a.matrix()[2], b.matrix()[2]);
    assertTrue(a.matrix()[0][0] != a.matrix()[1][0], "each draw has its own generator");
  }

  @Test
  void aDrawThatDoesNotFitTheModelIsAnError() {
    ProbityException missing = assertThrows(ProbityException.class,
        () -> Predictive.posteriorFromValues(named(), List.of(Map.of(Address.of("nu"), Real.of(1.0))), 1));
    assertTrue(missing.getMessage().contains("mu"), missing.getMessage());
    ProbityException extra = assertThrows(ProbityException.class, () -> Predictive.posteriorFromValues(named(),
        List.of(Map.of(Address.of("mu"), Real.of(1.0), Address.of("nu"), Real.of(1.0))), 1));
    assertTrue(extra.getMessage().contains("[nu]"), extra.getMessage());
  }

  @Test
  void platesAndAnonymousObservationsAreSitesToo() {
    Predictions<Real> p = Predictive.prior(plated(), 4, 2);
    assertEquals(List.of(Address.parse("#0")), p.sites());
    assertEquals(3, p.matrix()[0].length);
    assertTrue(p.observations(0).get(Address.parse("#0")) instanceof double[]);
  }

  @Test
  void thePointwiseLogLikelihoodScoresEachObservationUnderEachDraw() {
    List<Trace<Real>> draws = List.of(Traces.replay(named(), Map.of(Address.of("mu"), Real.of(0.3))),
        Traces.replay(named(), Map.of(Address.of("mu"), Real.of(-1.0))));
    PointwiseLogLikelihood ll = Predictive.logLikelihood(named(), draws);
    assertEquals(List.of(Address.of("y", 0), Address.of("y", 1), Address.of("y", 2)), ll.sites());
    for (int j = 0; j < Y.length; j++) {
      assertEquals(logNormal(Y[j], 0.3, 1), ll.values()[0][j], 1e-12);
      assertEquals(logNormal(Y[j], -1.0, 1), ll.site(addr("y", j))[1], 1e-12);
    }
    assertEquals(draws.get(1).logLikelihood(), ll.total()[1], 1e-12);
    // a plate gives one column per entry; a factor gives none
    PointwiseLogLikelihood pl = Predictive.logLikelihood(plated(),
        List.of(Traces.replay(plated(), Map.of(Address.of("mu"), Real.of(0.3)))));
    assertEquals(List.of(Address.parse("#0[0]"), Address.parse("#0[1]"), Address.parse("#0[2]")), pl.sites());
    assertEquals(logNormal(Y[1], 0.3, 1), pl.site("#0[1]")[0], 1e-12);
    assertEquals(Map.of(Address.of("y", 0), logNormal(Y[0], 0.3, 1), Address.of("y", 1), logNormal(Y[1], 0.3, 1),
        Address.of("y", 2), logNormal(Y[2], 0.3, 1)), Predictive.logLikelihood(draws.get(0)));
    double[][][] chains = Predictive.logLikelihood(named(), List.of(draws.get(0), draws.get(1), draws.get(0), draws.get(1)))
        .byChain(2);
    assertEquals(logNormal(Y[2], -1.0, 1), chains[1][1][2], 1e-12);
    assertThrows(ProbityException.class, () -> ll.site("z"));
  }
}
