package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probity.ad.Real;
import org.probity.bijection.Bijection;
import org.probity.bijection.Bijections;
import org.probity.bijection.DiscreteSupportException;
import org.probity.random.Rngs;

/**
 * For every distribution of {@link Cases#all()} (and a check that the table lists every
 * distribution class of this package):
 * <ul>
 *   <li>{@link DRAWS} draws lie in {@code support()}: they flatten to its shape and have a finite
 *       log density; discrete draws satisfy the discrete constraint;
 *   <li>continuous supports: each draw maps through {@code Bijections.forConstraint(support())} to
 *       a finite unconstrained point and back to within {@value #ROUND_TRIP} (relative to
 *       1 + |entry|), and the value rebuilt by {@link Constraint#unflatten} has the same log density;
 *   <li>the log-Jacobian at those points equals log |det| of the Richardson-extrapolated central
 *       difference Jacobian of the forward map onto the free coordinates (all entries; the first
 *       K - 1 of a simplex; the strict lower triangle of a correlation Cholesky factor; the lower
 *       triangle of a covariance matrix or its factor) within {@value #LOG_DET_TOL} (1 + |value|);
 *   <li>discrete supports have no bijection ({@link DiscreteSupportException}).
 * </ul>
 */
class SupportAndBijectionTest {
  static final int DRAWS = 40;
  static final int JACOBIAN_POINTS = 8;
  static final double ROUND_TRIP = 1e-12;
  static final double LOG_DET_TOL = 1e-6;

  @SuppressWarnings("unchecked")
  static double logDensity(Distribution<?> d, Object x) {
    return ((Distribution<Object>) d).logDensity(x);
  }

  @TestFactory
  Stream<DynamicContainer> everyDistribution() {
    return Cases.all().stream().map(a -> {
      Distribution<?> d = a.dist();
      Constraint c = d.support();
      long seed = Rngs.mix64(a.name().hashCode());
      List<DynamicTest> tests = new ArrayList<>();
      tests.add(DynamicTest.dynamicTest("draws lie in " + c, () -> {
        UniformRandomProvider r = Rngs.of(seed);
        for (int t = 0; t < DRAWS; t++) {
          Object x = a.draw().apply(r);
          double[] flat = c.flatten(x);
          double lp = logDensity(d, x);
          assertTrue(Double.isFinite(lp), a + ": log density " + lp + " at a draw " + Arrays.toString(flat));
          if (c.isDiscrete()) {
            assertDiscreteMember(d, c, x);
          }
        }
      }));
      if (c.isDiscrete()) {
        tests.add(DynamicTest.dynamicTest("no bijection for a discrete support", () ->
            assertThrows(DiscreteSupportException.class, () -> Bijections.forConstraint(c))));
      } else {
        Bijection b = Bijections.forConstraint(c);
        tests.add(DynamicTest.dynamicTest("draws map through " + b + " and back", () -> {
          UniformRandomProvider r = Rngs.of(seed + 1);
          for (int t = 0; t < DRAWS; t++) {
            Object x = a.draw().apply(r);
            double[] flat = c.flatten(x);
            double[] u = b.inverse(flat);
            assertEquals(b.unconstrainedDimension(), u.length);
            for (double v : u) {
              assertTrue(Double.isFinite(v), a + ": unconstrained point " + Arrays.toString(u) + " of " + Arrays.toString(flat));
            }
            double[] y = b.forward(u);
            for (int i = 0; i < flat.length; i++) {
              assertEquals(flat[i], y[i], ROUND_TRIP * (1 + Math.abs(flat[i])),
                  a + ": round trip of " + Arrays.toString(flat) + " gave " + Arrays.toString(y));
            }
            Object back = x instanceof double[] ? y : c.unflatten(Real.of(y));
            assertEquals(logDensity(d, x), logDensity(d, back), 1e-9 * (1 + Math.abs(logDensity(d, x))), a + ": rebuilt value");
          }
        }));
        tests.add(DynamicTest.dynamicTest("log|det J| of " + b + " matches finite differences", () -> {
          UniformRandomProvider r = Rngs.of(seed + 2);
          for (int t = 0; t < JACOBIAN_POINTS; t++) {
            double[] u = b.inverse(c.flatten(a.draw().apply(r)));
            double analytic = b.logAbsDetJacobian(Real.of(u)).value();
            double numeric = numericLogDet(b, c, u);
            assertEquals(numeric, analytic, LOG_DET_TOL * (1 + Math.abs(numeric)), () -> a + " at " + Arrays.toString(u));
          }
        }));
      }
      return DynamicContainer.dynamicContainer(a.name(), tests);
    });
  }

  static void assertDiscreteMember(Distribution<?> d, Constraint c, Object x) {
    if (c instanceof Constraint.IntegerRange range) {
      long k = (Integer) x;
      assertTrue(k >= range.lo() && k <= range.hi(), d + ": " + k + " outside " + c);
    } else if (c instanceof Constraint.Bool) {
      assertTrue(x instanceof Boolean, d + ": " + x);
    } else if (c instanceof Constraint.Compositions comp) {
      int[] k = (int[]) x;
      assertEquals(comp.total(), Arrays.stream(k).sum(), d + ": counts " + Arrays.toString(k));
      assertTrue(Arrays.stream(k).allMatch(v -> v >= 0), d + ": counts " + Arrays.toString(k));
    } else if (c instanceof Constraint.Independent ind && ind.base() instanceof Constraint.IntegerRange range) {
      for (int k : (int[]) x) {
        assertTrue(k >= range.lo() && k <= range.hi(), d + ": " + k + " outside " + c);
      }
    } else {
      fail(d + ": no membership check for " + c);
    }
  }

  /** The coordinates of a constrained value that the log-Jacobian is taken with respect to. */
  static double[] free(Constraint c, double[] y) {
    if (c instanceof Constraint.Simplex s) {
      return Arrays.copyOf(y, s.k() - 1);
    }
    if (c instanceof Constraint.CorrelationCholesky m) {
      return lower(y, m.k(), false);
    }
    if (c instanceof Constraint.CovarianceCholesky m) {
      return lower(y, m.k(), true);
    }
    if (c instanceof Constraint.CovarianceMatrix m) {
      return lower(y, m.k(), true);
    }
    return y;
  }

  static double[] lower(double[] m, int k, boolean diagonal) {
    List<Double> f = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < (diagonal ? i + 1 : i); j++) {
        f.add(m[i * k + j]);
      }
    }
    return f.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double numericLogDet(Bijection b, Constraint c, double[] u) {
    int n = u.length;
    if (n == 0) {
      return 0.0;
    }
    DMatrixRMaj jac = new DMatrixRMaj(n, n);
    for (int j = 0; j < n; j++) {
      double h = 1e-3 * Math.max(1, Math.abs(u[j]));
      double[] d1 = diff(b, c, u, j, h);
      double[] d2 = diff(b, c, u, j, h / 2);
      for (int i = 0; i < n; i++) {
        jac.set(i, j, (4 * d2[i] - d1[i]) / 3);
      }
    }
    return Math.log(Math.abs(CommonOps_DDRM.det(jac)));
  }

  static double[] diff(Bijection b, Constraint c, double[] u, int j, double h) {
    double[] p = u.clone();
    double[] m = u.clone();
    p[j] += h;
    m[j] -= h;
    double[] fp = free(c, b.forward(p));
    double[] fm = free(c, b.forward(m));
    double[] d = new double[fp.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = (fp[i] - fm[i]) / (2 * h);
    }
    return d;
  }

  @Test
  void univariateSupportsAgreeWithTheirBounds() {
    for (Cases.Any a : Cases.all()) {
      if (a.dist() instanceof Continuous d) {
        Constraint.RealInterval r = (Constraint.RealInterval) d.support();
        assertEquals(d.supportLowerBound(), r.lower(), a.name());
        assertEquals(d.supportUpperBound(), r.upper(), a.name());
      } else if (a.dist() instanceof Discrete d) {
        Constraint.IntegerRange r = (Constraint.IntegerRange) d.support();
        assertEquals(d.supportLowerBound() == Double.NEGATIVE_INFINITY ? Constraint.IntegerRange.UNBOUNDED_BELOW
            : (long) d.supportLowerBound(), r.lo(), a.name());
        assertEquals(d.supportUpperBound() == Double.POSITIVE_INFINITY ? Constraint.IntegerRange.UNBOUNDED_ABOVE
            : (long) d.supportUpperBound(), r.hi(), a.name());
        assertEquals(d.hasFiniteSupport(), r.isFinite(), a.name());
      }
    }
  }

  @Test
  void theSupportOfABoundedUnivariateIsTheMatchingRecord() {
    assertEquals(new Constraint.RealLine(), Normal.of(0, 1).support());
    assertEquals(new Constraint.Positive(), Gamma.of(2, 1).support());
    assertEquals(new Constraint.Interval(0, 1), Beta.of(2, 2).support());
    assertEquals(new Constraint.GreaterThan(2.5), Truncated.of(Normal.of(0, 1), 2.5, Double.POSITIVE_INFINITY).support());
    assertEquals(new Constraint.LessThan(-1), Truncated.of(Normal.of(0, 1), Double.NEGATIVE_INFINITY, -1).support());
    assertEquals(new Constraint.IntegerRange(0, Constraint.IntegerRange.UNBOUNDED_ABOVE), Poisson.of(2).support());
    assertEquals(new Constraint.IntegerRange(0, 2), Categorical.of(0.2, 0.3, 0.5).support());
    assertEquals(new Constraint.Simplex(3), Dirichlet.of(1, 2, 3).support());
    assertEquals(Constraint.realVector(2), MvNormal.ofCholesky(new double[] {0, 0}, new double[][] {{1}, {0, 1}}).support());
    assertEquals(new Constraint.CorrelationCholesky(3), LkjCholesky.of(3, 2).support());
    assertEquals(new Constraint.Compositions(4, 3), Multinomial.of(4, 0.2, 0.3, 0.5).support());
    assertEquals(new Constraint.Independent(new Constraint.Positive(), 3), Gamma.of(2, 1).vector(3).support());
    assertEquals(new Constraint.Componentwise(List.of(new Constraint.RealLine(), new Constraint.Interval(0, 1))),
        Product.of(2, i -> i == 0 ? Normal.of(0, 1) : Beta.of(2, 2)).support());
    assertEquals(new Constraint.Ordered(3), Normal.of(0, 5).ordered(3).support());
    assertEquals(new Constraint.PositiveOrdered(3), Exponential.of(1).ordered(3).support());
    assertEquals(new Constraint.Bool(), Bernoulli.of(0.5).support());
  }

  @Test
  void flattenAndUnflattenFollowTheShape() {
    Constraint m = new Constraint.CorrelationCholesky(2);
    Real[][] l = {{Real.ONE, Real.ZERO}, {Real.of(0.6), Real.of(0.8)}};
    assertEquals("[1.0, 0.0, 0.6, 0.8]", Arrays.toString(m.flatten(l)));
    Real[][] back = (Real[][]) m.unflatten(Real.of(1, 0, 0.6, 0.8));
    assertEquals(0.8, back[1][1].value());
    assertEquals(0.6, ((Real[]) new Constraint.Simplex(2).unflatten(Real.of(0.6, 0.4)))[0].value());
    assertEquals(2.5, ((Real) new Constraint.Positive().unflatten(new Real[] {Real.of(2.5)})).value());
    assertEquals(4, m.size());
    assertThrows(DistributionException.class, () -> m.flatten(Real.of(1, 2, 3)));
    assertThrows(DistributionException.class, () -> new Constraint.IntegerRange(0, 3).unflatten(new Real[] {Real.of(1)}));
    assertThrows(DistributionException.class, () -> new Constraint.Simplex(0));
    assertThrows(DistributionException.class, () -> new Constraint.Interval(1, 1));
    assertThrows(DistributionException.class, () -> new Constraint.Independent(new Constraint.Simplex(2), 3));
  }

  /**
   * Every distribution class in src/main/java/org/probity/dist is in {@link Cases#all()}, so a new
   * distribution cannot skip the support and bijection checks.
   */
  @Test
  void everyDistributionClassIsInTheTable() throws IOException {
    Pattern decl = Pattern.compile("public (?:final class|record) (\\w+)(?:\\([^)]*\\))? implements ([^{]+)\\{");
    Set<String> declared = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/java/org/probity/dist"))) {
      for (Path f : files.collect(Collectors.toList())) {
        Matcher mt = decl.matcher(Files.readString(f));
        if (mt.find() && mt.group(2).matches(".*\\b(Distribution|Continuous|ContinuousCdf|Discrete|IndependentVector)\\b.*")) {
          declared.add(mt.group(1));
        }
      }
    }
    assertFalse(declared.isEmpty(), "no distribution classes found; is the working directory the module?");
    Set<String> tested = Cases.all().stream().map(a -> a.dist().getClass().getSimpleName()).collect(Collectors.toCollection(TreeSet::new));
    Set<String> missing = new TreeSet<>(declared);
    missing.removeAll(tested);
    assertTrue(missing.isEmpty(), "distributions missing from Cases.all(): " + missing);
  }
}
