package org.probity.proofs.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.probity.Probity.normal;
import static org.probity.Probity.plate;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.testkit.Tries;
import org.probity.random.Rngs;
import org.probity.vi.adev.Estimator;
import org.probity.vi.adev.Estimators;
import org.probity.vi.adev.Expectation;
import org.probity.vi.adev.ValueAndGradient;
import org.probity.vi.objectives.Generative;
import org.probity.vi.objectives.Objectives;
import org.probity.vi.param.ParamStore;

/**
 * The ELBO of a conjugate Gaussian model has a formula: mu ~ N(0, 1), y_i ~ N(mu, 1), q(mu) =
 * N(m, s), ELBO = sum_i [-log(2 pi)/2 - ((y_i - m)^2 + s^2)/2] - log(2 pi)/2 - (m^2 + s^2)/2
 * + log(2 pi e)/2 + log s, with d/dm = sum_i (y_i - m) - m and d/d log s = 1 - (n + 1) s^2. The
 * library's ELBO under REPARAM, REINFORCE, MVD and leave-one-out is checked against it by Monte
 * Carlo: the mean of N estimates of the value and of each gradient coordinate must be within
 * z = 5.0 standard errors (a false alarm with probability 5.7e-7 per comparison, 6.9e-6 for the
 * twelve comparisons; N = 20,000, 200,000 under -Pfull).
 */
class GaussianElboTest {
  private static final double[] Y = {0.7, 1.9, 1.1, -0.3};
  private static final double M = 0.4;
  private static final double S = 0.6;
  private static final double Z = 5.0;

  private static Prob<Real> model() {
    return sample("mu", normal(0, 1)).flatMap(mu -> plate(normal(mu, 1.0), Y).then(() -> pure(mu)));
  }

  private static double elbo() {
    double e = 0;
    for (double y : Y) {
      e += -0.5 * Math.log(2 * Math.PI) - 0.5 * ((y - M) * (y - M) + S * S);
    }
    return e - 0.5 * Math.log(2 * Math.PI) - 0.5 * (M * M + S * S) + 0.5 * Math.log(2 * Math.PI * Math.E) + Math.log(S);
  }

  private static double dm() {
    double d = -M;
    for (double y : Y) {
      d += y - M;
    }
    return d;
  }

  private static double dlogs() {
    return 1 - (Y.length + 1) * S * S;
  }

  @Test
  void elboValueAndGradientMatchTheFormula() {
    int n = Tries.of(20_000, 200_000);
    for (Estimator est : List.of(Estimators.REPARAM, Estimators.REINFORCE, Estimators.MVD, Estimators.leaveOneOut(3))) {
      Expectation elbo = Objectives.elbo(Generative.of(model()),
          Generative.of(p -> Estimators.with(sample("mu", normal(p.real("m", M), p.positive("s", S))), est)));
      ParamStore store = new ParamStore();
      UniformRandomProvider rng = Rngs.of(2024);
      double[] sum = new double[3];
      double[] sq = new double[3];
      for (int i = 0; i < n; i++) {
        ValueAndGradient vg = elbo.valueAndGradEstimate(store, rng);
        double[] x = {vg.value(), vg.gradient().get("m", 0), vg.gradient().get("s", 0)};
        for (int j = 0; j < 3; j++) {
          sum[j] += x[j];
          sq[j] += x[j] * x[j];
        }
      }
      double[] exact = {elbo(), dm(), dlogs()};
      String[] what = {"ELBO", "d/dm", "d/dlog s"};
      for (int j = 0; j < 3; j++) {
        double mean = sum[j] / n;
        double se = Math.sqrt((sq[j] / n - mean * mean) / n);
        assertEquals(exact[j], mean, Z * se, est + " " + what[j] + ": mean " + mean + " +- " + se);
      }
    }
  }
}
