package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.numbers.gamma.Trigamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.probity.ad.Real;
import org.probity.ad.Reals;
import org.probity.ad.Tape;
import org.probity.random.Rngs;

/**
 * The pathwise gradient through {@link Distribution#rsample} is unbiased: for every family with
 * a reparameterised sampler, the Monte Carlo mean over N draws (fixed seed, fresh tape per draw)
 * of d h(x) / d theta equals the exact gradient of a closed-form expectation E_theta[h(x)]
 * (moments, E[log x] = digamma(alpha) - log beta for a gamma, E[cos x] for the Laplace, a
 * convolution identity for the heavy-tailed Cauchy, ...), within 5 standard errors of the mean estimated from
 * the same draws. With about 70 compared components, the chance that a correct implementation
 * fails at a fresh seed is at most 70 x 5.7e-7 = 4e-5 (two-sided normal tail at 5, Bonferroni).
 *
 * <p>Each comparison must also have power: 5 standard errors must be below 25% of the larger of
 * |gradient| and 0.25, so a gradient wrong by more than that is caught (a dropped factor of 2, a
 * sign, a missing term); otherwise the test fails saying it has no power. N is 20,000 by default
 * (four times that for the 9-parameter MvNormal; about 10 s in all) and 400,000 with {@code -Pfull}, where the detectable error falls to about 6%.
 */
class RsampleGradientTest {
  private static final int N = "full".equals(System.getProperty("probity.tries")) ? 400_000 : 20_000;
  private static final double Z = 5;
  private static final double POWER = 0.25;

  /** One draw of h(x) for x = rsample from the distribution built on the tape variables p. */
  interface Estimator {
    Real apply(Real[] p, UniformRandomProvider rng);
  }

  /** A family, its parameter point, the estimator, the exact gradient of E[h] and N's multiple. */
  record Case(String name, double[] theta, Estimator estimator, double[] exact, int draws) {
    Case(String name, double[] theta, Estimator estimator, double[] exact) {
      this(name, theta, estimator, exact, 1);
    }
  }

  private static Real rs(Continuous d, UniformRandomProvider rng) {
    return d.rsample(rng);
  }

  static List<Case> cases() {
    List<Case> cs = new ArrayList<>();
    double mu = 0.3;
    double s = 1.7;
    cs.add(new Case("Normal: E[x^2] = mu^2 + sigma^2", new double[] {mu, s},
        (p, r) -> rs(Normal.of(p[0], p[1]), r).square(), new double[] {2 * mu, 2 * s}));
    cs.add(new Case("LogNormal: E[x] = exp(mu + sigma^2 / 2)", new double[] {0.2, 0.5},
        (p, r) -> rs(LogNormal.of(p[0], p[1]), r), scale(Math.exp(0.2 + 0.125), 1, 0.5)));
    cs.add(new Case("Exponential: E[x^2] = 2 / lambda^2", new double[] {1.5},
        (p, r) -> rs(Exponential.of(p[0]), r).square(), new double[] {-4 / Math.pow(1.5, 3)}));
    cs.add(new Case("Uniform: E[x^2] = (a^2 + ab + b^2) / 3", new double[] {-1, 2.5},
        (p, r) -> rs(Uniform.of(p[0], p[1]), r).square(), new double[] {(2 * -1 + 2.5) / 3, (-1 + 2 * 2.5) / 3}));
    double lb = 1.5;
    double lm = 0.5;
    cs.add(new Case("Laplace: E[cos x] = cos mu / (1 + b^2)", new double[] {lm, lb},
        (p, r) -> rs(Laplace.of(p[0], p[1]), r).cos(),
        new double[] {-Math.sin(lm) / (1 + lb * lb), -2 * lb * Math.cos(lm) / Math.pow(1 + lb * lb, 2)}));
    double ls = 0.8;
    cs.add(new Case("Logistic: E[x^2] = mu^2 + s^2 pi^2 / 3", new double[] {0.5, ls},
        (p, r) -> rs(Logistic.of(p[0], p[1]), r).square(), new double[] {1.0, 2 * ls * Math.PI * Math.PI / 3}));
    double cm = 0.5;
    double csc = 1.5;
    // 1 / (1 + x^2) = pi f(x) for the standard Cauchy density f, so E[1 / (1 + x^2)] = pi times the
    // Cauchy(mu, s + 1) density at 0 = t / (t^2 + mu^2) with t = s + 1 (a bounded per-draw gradient;
    // cos x would give -sin(x) z with infinite variance)
    double ct = csc + 1;
    double cq = ct * ct + cm * cm;
    cs.add(new Case("Cauchy: E[1 / (1 + x^2)] = (s + 1) / ((s + 1)^2 + mu^2)", new double[] {cm, csc},
        (p, r) -> rs(Cauchy.of(p[0], p[1]), r).square().plus(1).reciprocal(),
        new double[] {-2 * cm * ct / (cq * cq), (cm * cm - ct * ct) / (cq * cq)}));
    double nu = 9;
    double tm = 0.5;
    double ts = 1.2;
    cs.add(new Case("StudentT: E[x^2] = sigma^2 nu / (nu - 2) + mu^2", new double[] {nu, tm, ts},
        (p, r) -> rs(StudentT.of(p[0], p[1], p[2]), r).square(),
        new double[] {-2 * ts * ts / ((nu - 2) * (nu - 2)), 2 * tm, 2 * ts * nu / (nu - 2)}));
    double nu3 = 3;
    cs.add(new Case("StudentT(nu=3): E[log(1 + t^2/nu)] = digamma((nu+1)/2) - digamma(nu/2)", new double[] {nu3},
        (p, r) -> rs(StudentT.of(p[0], Real.ZERO, Real.ONE), r).square().div(p[0]).log1p(),
        new double[] {0.5 * Trigamma.value((nu3 + 1) / 2) - 0.5 * Trigamma.value(nu3 / 2)}));
    cs.add(new Case("HalfNormal: E[x] = sigma sqrt(2/pi)", new double[] {1.3},
        (p, r) -> rs(HalfNormal.of(p[0]), r), new double[] {Math.sqrt(2 / Math.PI)}));
    cs.add(new Case("HalfCauchy: E[1 / (1 + x^2)] = 1 / (1 + s)", new double[] {2.5},
        (p, r) -> rs(HalfCauchy.of(p[0]), r).square().plus(1).reciprocal(), new double[] {-1 / (3.5 * 3.5)}));
    double wk = 1.7;
    double wl = 2;
    double g1 = Math.exp(LogGamma.value(1 + 1 / wk));
    cs.add(new Case("Weibull: E[x] = lambda Gamma(1 + 1/k)", new double[] {wk, wl},
        (p, r) -> rs(Weibull.of(p[0], p[1]), r), new double[] {-wl * g1 * Digamma.value(1 + 1 / wk) / (wk * wk), g1}));
    cs.add(new Case("Gamma: E[log x] = digamma(alpha) - log beta", new double[] {2.5, 1.5},
        (p, r) -> rs(Gamma.of(p[0], p[1]), r).log(), new double[] {Trigamma.value(2.5), -1 / 1.5}));
    cs.add(new Case("Gamma(alpha < 1): E[x] = alpha / beta", new double[] {0.4, 2},
        (p, r) -> rs(Gamma.of(p[0], p[1]), r), new double[] {0.5, -0.4 / 4}));
    cs.add(new Case("Gamma(alpha < 1): E[log x]", new double[] {0.4, 2},
        (p, r) -> rs(Gamma.of(p[0], p[1]), r).log(), new double[] {Trigamma.value(0.4), -0.5}));
    cs.add(new Case("Gamma.ofShapeScale: E[x^2] = k (k + 1) theta^2", new double[] {3, 0.5},
        (p, r) -> rs(Gamma.ofShapeScale(p[0], p[1]), r).square(), new double[] {(2 * 3 + 1) * 0.25, 2 * 3 * 4 * 0.5}));
    double ba = 2.5;
    double bb = 1.5;
    cs.add(new Case("Beta: E[x] = a / (a + b)", new double[] {ba, bb},
        (p, r) -> rs(Beta.of(p[0], p[1]), r), new double[] {bb / 16, -ba / 16}));
    double sa = 0.5;
    double sb = 0.7;
    cs.add(new Case("Beta(small shapes): E[log x] = digamma(a) - digamma(a + b)", new double[] {sa, sb},
        (p, r) -> rs(Beta.of(p[0], p[1]), r).log(), new double[] {Trigamma.value(sa) - Trigamma.value(sa + sb), -Trigamma.value(sa + sb)}));
    double[] da = {2, 3.5, 1.5};
    double a0 = 7;
    cs.add(new Case("Dirichlet: E[log x0 + 2 x1] = digamma(a0) - digamma(A) + 2 a1 / A", da,
        (p, r) -> {
          Real[] x = Dirichlet.of(p).rsample(r);
          return x[0].log().plus(x[1].times(2));
        },
        new double[] {
          Trigamma.value(2) - Trigamma.value(a0) - 2 * 3.5 / (a0 * a0),
          -Trigamma.value(a0) + 2 * (a0 - 3.5) / (a0 * a0),
          -Trigamma.value(a0) - 2 * 3.5 / (a0 * a0)}));
    cs.add(new Case("InverseGamma: E[x] = beta / (alpha - 1)", new double[] {4, 2},
        (p, r) -> rs(InverseGamma.of(p[0], p[1]), r), new double[] {-2.0 / 9, 1.0 / 3}));
    cs.add(new Case("InverseGamma: E[log x] = log beta - digamma(alpha)", new double[] {4, 2},
        (p, r) -> rs(InverseGamma.of(p[0], p[1]), r).log(), new double[] {-Trigamma.value(4), 0.5}));
    cs.add(new Case("ChiSquared: E[log x] = digamma(k/2) + log 2", new double[] {3.5},
        (p, r) -> rs(ChiSquared.of(p[0]), r).log(), new double[] {0.5 * Trigamma.value(1.75)}));
    // MvNormal from a Cholesky factor: E[|x|^2] = |mu|^2 + sum L_ij^2; E[x0 x1] = mu0 mu1 + L00 L10
    double[] mv = {0.5, -1, 1.3, 0.4, 0.9};
    cs.add(new Case("MvNormal.ofCholesky: E[|x|^2] = |mu|^2 + |L|_F^2", mv,
        (p, r) -> Reals.sumOfSquares(MvNormal.ofCholesky(new Real[] {p[0], p[1]}, new Real[][] {{p[2]}, {p[3], p[4]}}).rsample(r)),
        new double[] {1, -2, 2.6, 0.8, 1.8}));
    cs.add(new Case("MvNormal.ofCholesky: E[x0 x1] = mu0 mu1 + L00 L10", mv,
        (p, r) -> {
          Real[] x = MvNormal.ofCholesky(new Real[] {p[0], p[1]}, new Real[][] {{p[2]}, {p[3], p[4]}}).rsample(r);
          return x[0].times(x[1]);
        },
        new double[] {-1, 0.5, 0.4, 1.3, 0}));
    // MvNormal from a real covariance (differentiable Cholesky): E[x0 x2 + x1^2] = S20 + mu0 mu2 + S11 + mu1^2
    double[] mc = {0.4, -0.6, 0.9, 1.0, 0.3, 0.8, 0.2, -0.2, 0.9};
    cs.add(new Case("MvNormal.of(mean, real covariance): E[x0 x2 + x1^2]", mc,
        (p, r) -> {
          Real[][] sigma = {{p[3], p[4], p[6]}, {p[4], p[5], p[7]}, {p[6], p[7], p[8]}};
          Real[] x = MvNormal.of(new Real[] {p[0], p[1], p[2]}, sigma).rsample(r);
          return x[0].times(x[2]).plus(x[1].square());
        },
        new double[] {0.9, -1.2, 0.4, 0, 0, 1, 1, 0, 0}, 4));
    // Truncated: closed-form means, differentiated by high-order differences of the closed form
    double[] tn = {0.3, 1.2, -0.5, 2};
    cs.add(new Case("Truncated(Normal): E[x] = mu + sigma (phi(a) - phi(b)) / Z", tn,
        (p, r) -> rs(Truncated.of(Normal.of(p[0], p[1]), p[2], p[3]), r), gradient(RsampleGradientTest::truncatedNormalMean, tn)));
    double[] tg = {2, 1.3, 0.5, 3};
    cs.add(new Case("Truncated(Gamma): E[x] = (alpha/beta) dP(alpha+1) / dP(alpha)", tg,
        (p, r) -> rs(Truncated.of(Gamma.of(p[0], p[1]), p[2], p[3]), r), gradient(RsampleGradientTest::truncatedGammaMean, tg)));
    return cs;
  }

  private static double[] scale(double c, double... xs) {
    double[] r = xs.clone();
    for (int i = 0; i < r.length; i++) {
      r[i] *= c;
    }
    return r;
  }

  static double truncatedNormalMean(double[] p) {
    double a = (p[2] - p[0]) / p[1];
    double b = (p[3] - p[0]) / p[1];
    double z = Special.phi(Real.of(b)).value() - Special.phi(Real.of(a)).value();
    return p[0] + p[1] * (Special.stdNormalDensity(a) - Special.stdNormalDensity(b)) / z;
  }

  static double truncatedGammaMean(double[] p) {
    double al = p[0];
    double be = p[1];
    double num = RegularizedGamma.P.value(al + 1, be * p[3]) - RegularizedGamma.P.value(al + 1, be * p[2]);
    double den = RegularizedGamma.P.value(al, be * p[3]) - RegularizedGamma.P.value(al, be * p[2]);
    return al / be * num / den;
  }

  /** Richardson-extrapolated central differences (error O(h^6), about 1e-9 here) of a closed form. */
  static double[] gradient(Function<double[], Double> f, double[] x) {
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int k = i;
      DoubleUnaryOperator fi = t -> {
        double[] y = x.clone();
        y[k] = t;
        return f.apply(y);
      };
      g[i] = IncompleteDerivativesTest.derivative(fi, x[i]);
    }
    return g;
  }

  @TestFactory
  Stream<DynamicTest> monteCarloGradientMatchesTheExactGradient() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      int k = c.theta().length;
      int n = N * c.draws();
      double[] sum = new double[k];
      double[] sumSq = new double[k];
      UniformRandomProvider rng = Rngs.of(Arrays.hashCode(c.theta()) + 20240611L);
      for (int draw = 0; draw < n; draw++) {
        Tape tape = new Tape();
        Real[] p = tape.variables(c.theta());
        double[] g = tape.gradient(c.estimator().apply(p, rng), p);
        for (int i = 0; i < k; i++) {
          sum[i] += g[i];
          sumSq[i] += g[i] * g[i];
        }
      }
      for (int i = 0; i < k; i++) {
        double mean = sum[i] / n;
        double var = Math.max(0, sumSq[i] / n - mean * mean) * n / (n - 1.0);
        double se = Math.sqrt(var / n);
        double exact = c.exact()[i];
        assertTrue(Z * se <= POWER * Math.max(Math.abs(exact), 0.25),
            c.name() + " d/dtheta" + i + ": 5 standard errors " + Z * se + " exceed 25% of the gradient " + exact + ": no power");
        assertEquals(exact, mean, Z * se + 1e-9 * (1 + Math.abs(exact)), c.name() + " d/dtheta" + i + " (se " + se + ")");
      }
    }));
  }
}
