package org.probity.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.probity.Probity.normal;
import static org.probity.Probity.plate;
import static org.probity.Probity.sample;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.Unit;
import org.probity.semantics.Density;

/**
 * Replaying a model with tape variables as the values of its choices differentiates the log
 * joint: mu ~ N(0, 1), log sigma ~ N(0, 1), y_i ~ N(mu, sigma) over a plate.
 */
class DensityGradientTest {
  static final double[] DATA = {0.8, 1.9, -0.3, 1.2, 2.5, 0.4, 1.1};
  static final Address MU = Address.of("mu");
  static final Address LOG_SIGMA = Address.of("logSigma");

  static final Prob<Unit> MODEL = sample("mu", normal(0, 1)).flatMap(mu ->
      sample("logSigma", normal(0, 1)).flatMap(ls ->
          plate(normal(mu, ls.exp()), DATA)));

  static final Function<Real[], Real> LOG_JOINT = xs -> Density.logJoint(MODEL, Map.of(MU, xs[0], LOG_SIGMA, xs[1]));

  @Test
  void tapeGradientOfTheLogJointMatchesFiniteDifferences() {
    for (double[] p : new double[][] {{0.0, 0.0}, {1.1, -0.4}, {-0.7, 0.9}, {2.0, -1.5}}) {
      assertNull(GradientCheck.mismatch(LOG_JOINT, p, GradientCheck.TOL));
    }
  }

  @Test
  void tapeGradientOfTheLogJointMatchesTheAnalyticGradient() {
    double mu = 0.6;
    double ls = -0.2;
    double s = Math.exp(ls);
    Tape t = new Tape();
    Real[] xs = t.variables(new double[] {mu, ls});
    Density.Result<Unit> r = Density.replay(MODEL, Map.of(MU, xs[0], LOG_SIGMA, xs[1]));
    double[] g = t.gradient(r.logJoint(), xs);
    double sr = 0;
    double ss = 0;
    for (double y : DATA) {
      sr += y - mu;
      ss += (y - mu) * (y - mu);
    }
    int n = DATA.length;
    // d/dmu: -mu + sum (y - mu) / s^2 ; d/dlog s: -ls + sum (y - mu)^2 / s^2 - n
    assertEquals(-mu + sr / (s * s), g[0], 1e-12);
    assertEquals(-ls + ss / (s * s) - n, g[1], 1e-12);
    double logJoint = -0.5 * mu * mu - 0.5 * ls * ls - Math.log(2 * Math.PI)
        - 0.5 * ss / (s * s) - n * ls - 0.5 * n * Math.log(2 * Math.PI);
    assertEquals(logJoint, r.logJoint().value(), 1e-12);
  }
}
