package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probity.ad.GradientCheck;
import org.probity.ad.Real;
import org.probity.ad.Reals;
import org.probity.ad.Tape;
import org.probity.random.Rngs;

/**
 * {@link Distribution#rsample} against {@link Distribution#sample}: the same values (bit for
 * bit) and the same generator state afterwards, at three seeds and 200 draws each, with the
 * parameters as tape variables; constants in, constants out. The draw's partial derivatives:
 * for samplers that transform fixed noise smoothly (location-scale, inversion), the value at a
 * fixed seed is a smooth function of the parameters and its tape gradient must match
 * Richardson finite differences ({@link GradientCheck}, 1e-6 relative); for implicit
 * reparameterisation (rejection samplers: Gamma, Beta, Student t's nu, Dirichlet, Truncated), the
 * partials must match the finite difference of the inverse CDF at the draw's probability u =
 * F(x) (Commons Statistics quantiles; the truncated distribution's own), 1e-6 relative. And every
 * distribution without a reparameterised sampler says so with {@link NoRsampleException}.
 */
class RsampleTest {
  private static final int DRAWS = 200;

  /** A family built from its parameters. */
  record Family(String name, double[] theta, Function<Real[], Distribution<?>> make) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Family> families() {
    return List.of(
        new Family("Normal", new double[] {0.3, 1.7}, p -> Normal.of(p[0], p[1])),
        new Family("LogNormal", new double[] {0.2, 0.6}, p -> LogNormal.of(p[0], p[1])),
        new Family("Exponential", new double[] {1.5}, p -> Exponential.of(p[0])),
        new Family("Uniform", new double[] {-1, 2.5}, p -> Uniform.of(p[0], p[1])),
        new Family("Laplace", new double[] {0.5, 1.5}, p -> Laplace.of(p[0], p[1])),
        new Family("Logistic", new double[] {0.5, 0.8}, p -> Logistic.of(p[0], p[1])),
        new Family("Cauchy", new double[] {0.5, 1.5}, p -> Cauchy.of(p[0], p[1])),
        new Family("StudentT", new double[] {3.5, 0.5, 1.2}, p -> StudentT.of(p[0], p[1], p[2])),
        new Family("HalfNormal", new double[] {1.3}, p -> HalfNormal.of(p[0])),
        new Family("HalfCauchy", new double[] {2.5}, p -> HalfCauchy.of(p[0])),
        new Family("Weibull", new double[] {1.7, 2}, p -> Weibull.of(p[0], p[1])),
        new Family("Gamma", new double[] {2.5, 1.5}, p -> Gamma.of(p[0], p[1])),
        new Family("Gamma(shape < 1)", new double[] {0.4, 2}, p -> Gamma.of(p[0], p[1])),
        new Family("Beta", new double[] {2.5, 1.5}, p -> Beta.of(p[0], p[1])),
        new Family("Beta(small shapes)", new double[] {0.5, 0.7}, p -> Beta.of(p[0], p[1])),
        new Family("InverseGamma", new double[] {3, 2}, p -> InverseGamma.of(p[0], p[1])),
        new Family("ChiSquared", new double[] {3.5}, p -> ChiSquared.of(p[0])),
        new Family("Dirichlet", new double[] {2, 3.5, 0.6}, p -> Dirichlet.of(p)),
        new Family("MvNormal.ofCholesky", new double[] {0.5, -1, 1.3, 0.4, 0.9},
            p -> MvNormal.ofCholesky(new Real[] {p[0], p[1]}, new Real[][] {{p[2]}, {p[3], p[4]}})),
        new Family("MvNormal.of(real covariance)", new double[] {0.5, -1, 2, 0.6, 1},
            p -> MvNormal.of(new Real[] {p[0], p[1]}, new Real[][] {{p[2], p[3]}, {p[3], p[4]}})),
        new Family("Truncated(Normal) by rejection", new double[] {0.3, 1.2, -0.5, 2},
            p -> Truncated.of(Normal.of(p[0], p[1]), p[2], p[3])),
        new Family("Truncated(Normal) far tail, by inversion", new double[] {0, 1, 2.5},
            p -> Truncated.of(Normal.of(p[0], p[1]), p[2], Real.of(Double.POSITIVE_INFINITY))),
        new Family("Truncated(Gamma)", new double[] {2, 1.3, 0.5, 3}, p -> Truncated.of(Gamma.of(p[0], p[1]), p[2], p[3])));
  }

  private static double[] flat(Object x) {
    if (x instanceof Real r) {
      return new double[] {r.value()};
    }
    return Real.values((Real[]) x);
  }

  private static boolean anyVariable(Object x) {
    if (x instanceof Real r) {
      return r.isVariable();
    }
    for (Real r : (Real[]) x) {
      if (r.isVariable()) {
        return true;
      }
    }
    return false;
  }

  @TestFactory
  Stream<DynamicTest> rsampleDrawsWhatSampleDrawsAndConsumesTheGeneratorAlike() {
    return families().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
      assertTrue(f.make().apply(Real.of(f.theta())).hasRsample(), f.name());
      for (long seed : new long[] {1, 2, 3}) {
        UniformRandomProvider a = Rngs.of(seed);
        UniformRandomProvider b = Rngs.of(seed);
        UniformRandomProvider c = Rngs.of(seed);
        Distribution<?> constant = f.make().apply(Real.of(f.theta()));
        for (int n = 0; n < DRAWS; n++) {
          Tape tape = new Tape();
          Object drawn = constant.sample(a);
          Object reparam = f.make().apply(tape.variables(f.theta())).rsample(b);
          Object plain = constant.rsample(c);
          double[] s = flat(drawn);
          double[] r = flat(reparam);
          double[] q = flat(plain);
          for (int i = 0; i < s.length; i++) {
            assertEquals(0, Double.compare(s[i], r[i]), f.name() + " seed " + seed + " draw " + n + ": sample " + s[i] + ", rsample " + r[i]);
            assertEquals(0, Double.compare(s[i], q[i]), f.name() + " seed " + seed + " draw " + n + " (constant parameters)");
          }
          assertTrue(anyVariable(reparam), f.name() + ": rsample with tape parameters returned a constant");
          assertFalse(anyVariable(plain), f.name() + ": rsample with constant parameters touched a tape");
          long next = a.nextLong();
          assertEquals(next, b.nextLong(), f.name() + ": generator state differs after draw " + n);
          assertEquals(next, c.nextLong(), f.name() + ": generator state differs after draw " + n + " (constants)");
        }
      }
    }));
  }

  /** The families whose draw is a smooth function of the parameters at a fixed seed. */
  static List<String> explicit() {
    return List.of("Normal", "LogNormal", "Exponential", "Uniform", "Laplace", "Logistic", "Cauchy", "HalfNormal",
        "HalfCauchy", "Weibull", "MvNormal.ofCholesky", "MvNormal.of(real covariance)");
  }

  @TestFactory
  Stream<DynamicTest> pathwisePartialsMatchFiniteDifferencesAtAFixedSeed() {
    return families().stream().filter(f -> explicit().contains(f.name())).flatMap(f -> Stream.of(11L, 12L, 13L, 14L, 15L)
        .map(seed -> DynamicTest.dynamicTest(f.name() + " seed " + seed, () -> {
          Function<Real[], Real> draw = p -> {
            double[] w = {1.0, -0.7, 0.4};
            Object x = f.make().apply(p).rsample(Rngs.of(seed));
            Real[] xs = x instanceof Real r ? new Real[] {r} : (Real[]) x;
            return Reals.dot(xs, java.util.Arrays.copyOf(w, xs.length));
          };
          assertNull(GradientCheck.mismatch(draw, f.theta(), GradientCheck.TOL));
        })));
  }

  /** Partials of one scalar draw with respect to the parameters, and the draw. */
  private static double[] partials(Family f, long seed, int coordinate, double[] value) {
    Tape tape = new Tape();
    Real[] p = tape.variables(f.theta());
    Object x = f.make().apply(p).rsample(Rngs.of(seed));
    Real xi = x instanceof Real r ? r : ((Real[]) x)[coordinate];
    value[0] = xi.value();
    return tape.gradient(xi, p);
  }

  private static void checkAgainstQuantile(String what, double ad, double fd, double x, double theta) {
    double h = 1e-3 * Math.max(Math.abs(theta), 1e-3);
    assertEquals(fd, ad, 1e-6 * Math.abs(fd) + 10 * Math.ulp(x) / h + 1e-13, what);
  }

  private static Family family(String name) {
    return families().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  private static double d(DoubleUnaryOperator g, double x) {
    return IncompleteDerivativesTest.derivative(g, x);
  }

  @Test
  void implicitPartialsAreDerivativesOfTheInverseCdfAtTheDrawsProbability() {
    double[] v = new double[1];
    for (long seed = 21; seed < 31; seed++) {
      for (String name : List.of("Gamma", "Gamma(shape < 1)")) {
        Family f = family(name);
        double a = f.theta()[0];
        double b = f.theta()[1];
        double[] g = partials(f, seed, 0, v);
        double x = v[0];
        double u = RegularizedGamma.P.value(a, b * x);
        checkAgainstQuantile(name + " dx/dalpha", g[0], d(s -> GammaDistribution.of(s, 1 / b).inverseCumulativeProbability(u), a), x, a);
        checkAgainstQuantile(name + " dx/dbeta", g[1], d(s -> GammaDistribution.of(a, 1 / s).inverseCumulativeProbability(u), b), x, b);
      }
      Family ig = family("InverseGamma");
      double[] g = partials(ig, seed, 0, v);
      double x = v[0];
      double u = RegularizedGamma.Q.value(3, 2 / x);
      checkAgainstQuantile("InverseGamma dx/dalpha", g[0], d(s -> 2 / GammaDistribution.of(s, 1).inverseCumulativeProbability(1 - u), 3), x, 3);
      checkAgainstQuantile("InverseGamma dx/dbeta", g[1], d(s -> s / GammaDistribution.of(3, 1).inverseCumulativeProbability(1 - u), 2), x, 2);
      Family chi = family("ChiSquared");
      g = partials(chi, seed, 0, v);
      double xc = v[0];
      double uc = RegularizedGamma.P.value(1.75, xc / 2);
      checkAgainstQuantile("ChiSquared dx/dk", g[0], d(s -> GammaDistribution.of(s / 2, 2).inverseCumulativeProbability(uc), 3.5), xc, 3.5);
      for (String name : List.of("Beta", "Beta(small shapes)")) {
        Family f = family(name);
        double a = f.theta()[0];
        double b = f.theta()[1];
        g = partials(f, seed, 0, v);
        double xb = v[0];
        double ub = BetaDistribution.of(a, b).cumulativeProbability(xb);
        checkAgainstQuantile(name + " dx/da", g[0], d(s -> BetaDistribution.of(s, b).inverseCumulativeProbability(ub), a), xb, a);
        checkAgainstQuantile(name + " dx/db", g[1], d(s -> BetaDistribution.of(a, s).inverseCumulativeProbability(ub), b), xb, b);
      }
      Family t = family("StudentT");
      g = partials(t, seed, 0, v);
      double tt = (v[0] - 0.5) / 1.2;
      double ut = TDistribution.of(3.5).cumulativeProbability(tt);
      checkAgainstQuantile("StudentT dx/dnu", g[0], 1.2 * d(s -> TDistribution.of(s).inverseCumulativeProbability(ut), 3.5), tt, 3.5);
      assertEquals(1.0, g[1]);
      assertEquals(tt, g[2], 1e-12 * (1 + Math.abs(tt)));
    }
  }

  @Test
  void dirichletPartialsComposeTheGammasQuantileDerivatives() {
    Family f = family("Dirichlet");
    double[] alpha = f.theta();
    int k = alpha.length;
    for (long seed = 41; seed < 46; seed++) {
      // the same standard gammas rsample draws, and their probabilities
      UniformRandomProvider rng = Rngs.of(seed);
      double[] u = new double[k];
      for (int j = 0; j < k; j++) {
        u[j] = RegularizedGamma.P.value(alpha[j], AhrensDieterMarsagliaTsangGammaSampler.of(rng, alpha[j], 1).sample());
      }
      for (int i = 0; i < k; i++) {
        double[] v = new double[1];
        double[] g = partials(f, seed, i, v);
        for (int j = 0; j < k; j++) {
          int jj = j;
          int ii = i;
          DoubleUnaryOperator xi = s -> {
            double sum = 0;
            double gi = 0;
            for (int m = 0; m < k; m++) {
              double gm = GammaDistribution.of(m == jj ? s : alpha[m], 1).inverseCumulativeProbability(u[m]);
              sum += gm;
              gi = m == ii ? gm : gi;
            }
            return gi / sum;
          };
          checkAgainstQuantile("Dirichlet dx" + i + "/dalpha" + j, g[j], d(xi, alpha[j]), v[0], alpha[j]);
        }
      }
    }
  }

  @Test
  void truncatedPartialsAreDerivativesOfItsInverseCdf() {
    double[] v = new double[1];
    for (String name : List.of("Truncated(Normal) by rejection", "Truncated(Normal) far tail, by inversion", "Truncated(Gamma)")) {
      Family f = family(name);
      for (long seed = 51; seed < 56; seed++) {
        double[] g = partials(f, seed, 0, v);
        double x = v[0];
        ContinuousCdf at = (ContinuousCdf) f.make().apply(Real.of(f.theta()));
        double u = at.cdf(x);
        for (int j = 0; j < f.theta().length; j++) {
          int jj = j;
          DoubleUnaryOperator q = s -> {
            double[] p = f.theta().clone();
            p[jj] = s;
            return ((ContinuousCdf) f.make().apply(Real.of(p))).inverseCdf(u);
          };
          double fd = d(q, f.theta()[j]);
          assertEquals(fd, g[j], 1e-6 * (1 + Math.abs(fd)), name + " seed " + seed + " dx/dtheta" + j);
        }
      }
    }
  }

  @Test
  void everyTabulatedContinuousDistributionButMixturesHasRsample() {
    for (Cases.C c : Cases.continuous()) {
      boolean mixture = c.dist() instanceof Mixture;
      assertEquals(!mixture, c.dist().hasRsample(), c.name());
      if (!mixture) {
        assertEquals(c.dist().sampleDouble(Rngs.of(9)), c.dist().rsample(Rngs.of(9)).value(), c.name());
      }
    }
  }

  @Test
  void distributionsWithoutRsampleSaySoNamingTheDistribution() {
    List<Distribution<?>> none = new ArrayList<>(List.of(
        Mixture.of(new double[] {0.3, 0.7}, Normal.of(-2, 0.5), Normal.of(1, 1)),
        Normal.of(0, 1).iid(3),
        Bernoulli.of(0.3),
        BernoulliLogit.of(0.3),
        Multinomial.of(4, 0.5, 0.5),
        BernoulliLogitGlm.of(new double[][] {{1}}, Real.ZERO, new Real[] {Real.ONE})));
    for (Cases.D c : Cases.discrete()) {
      none.add(c.dist());
    }
    for (Distribution<?> dist : none) {
      assertFalse(dist.hasRsample(), dist.name());
      NoRsampleException e = assertThrows(NoRsampleException.class, () -> dist.rsample(Rngs.of(1)), dist.name());
      assertTrue(e.getMessage().startsWith(dist.name()), e.getMessage());
    }
    assertTrue(assertThrows(NoRsampleException.class, () -> Poisson.of(2).rsample(Rngs.of(1))).getMessage().contains("discrete"));
  }
}
