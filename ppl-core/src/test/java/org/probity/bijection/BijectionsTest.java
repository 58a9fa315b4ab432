package org.probity.bijection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.dist.Beta;
import org.probity.dist.Constraint;
import org.probity.dist.Normal;

/** Default bijections for supports, dimensions, and errors for values outside the support. */
class BijectionsTest {
  static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void defaultBijectionForEachKindOfInterval() {
    assertInstanceOf(Identity.class, Bijections.forSupport(-INF, INF));
    assertInstanceOf(Positive.class, Bijections.forSupport(0, INF));
    assertEquals(new LowerBounded(1.5), Bijections.forSupport(1.5, INF));
    assertEquals(new UpperBounded(-2), Bijections.forSupport(-INF, -2));
    assertEquals(new Interval(0, 1), Bijections.forSupport(0, 1));
    assertInstanceOf(Identity.class, Bijections.forSupport(Normal.of(0, 1)));
    assertEquals(new Interval(0, 1), Bijections.forSupport(Beta.of(2, 3)));
    assertThrows(IllegalArgumentException.class, () -> Bijections.forSupport(1, 1));
    assertThrows(IllegalArgumentException.class, () -> Bijections.forSupport(2, 1));
    assertThrows(IllegalArgumentException.class, () -> Bijections.forSupport(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> Bijections.forSupport(INF, INF));
  }

  @Test
  void theRegistryMapsEveryContinuousConstraint() {
    assertInstanceOf(Identity.class, Bijections.forConstraint(new Constraint.RealLine()));
    assertInstanceOf(Positive.class, Bijections.forConstraint(new Constraint.Positive()));
    assertEquals(new LowerBounded(1.5), Bijections.forConstraint(new Constraint.GreaterThan(1.5)));
    assertEquals(new UpperBounded(-2), Bijections.forConstraint(new Constraint.LessThan(-2)));
    assertEquals(new Interval(0, 1), Bijections.forConstraint(new Constraint.Interval(0, 1)));
    assertEquals(new Simplex(4), Bijections.forConstraint(new Constraint.Simplex(4)));
    assertEquals(new Ordered(3), Bijections.forConstraint(new Constraint.Ordered(3)));
    assertEquals(new PositiveOrdered(3), Bijections.forConstraint(new Constraint.PositiveOrdered(3)));
    assertEquals(new CholeskyCorrelation(3), Bijections.forConstraint(new Constraint.CorrelationCholesky(3)));
    assertEquals(new CholeskyCovariance(3), Bijections.forConstraint(new Constraint.CovarianceCholesky(3)));
    assertEquals(new CovarianceMatrix(3), Bijections.forConstraint(new Constraint.CovarianceMatrix(3)));
    assertEquals(new Elementwise(new Positive(), 5), Bijections.forConstraint(new Constraint.Independent(new Constraint.Positive(), 5)));
    assertEquals(new Blockwise(List.of(new Identity(), new Interval(0, 2))),
        Bijections.forConstraint(new Constraint.Componentwise(List.of(new Constraint.RealLine(), new Constraint.Interval(0, 2)))));
    assertEquals(new Interval(-1, 1), Bijections.forScalar(new Constraint.Interval(-1, 1)));
    assertThrows(IllegalArgumentException.class, () -> Bijections.forScalar(new Constraint.Simplex(3)));
  }

  @Test
  void discreteConstraintsHaveNoBijection() {
    for (Constraint c : List.of(new Constraint.IntegerRange(0, Constraint.IntegerRange.UNBOUNDED_ABOVE), new Constraint.Bool(),
        new Constraint.Enumerated(), new Constraint.Compositions(5, 3), new Constraint.Independent(new Constraint.IntegerRange(0, 1), 4))) {
      assertTrue(c.isDiscrete(), c.toString());
      DiscreteSupportException e = assertThrows(DiscreteSupportException.class, () -> Bijections.forConstraint(c));
      assertTrue(e.getMessage().contains("discrete support " + c), e.getMessage());
      assertThrows(DiscreteSupportException.class, () -> Bijections.forScalar(c));
    }
  }

  @Test
  void dimensions() {
    assertEquals(4, new Simplex(5).unconstrainedDimension());
    assertEquals(5, new Simplex(5).constrainedDimension());
    assertEquals(6, new CholeskyCorrelation(4).unconstrainedDimension());
    assertEquals(16, new CholeskyCorrelation(4).constrainedDimension());
    assertEquals(3, new Ordered(3).unconstrainedDimension());
    assertThrows(IllegalArgumentException.class, () -> new Simplex(3).forward(Real.of(1, 2, 3)));
    assertThrows(IllegalArgumentException.class, () -> new Simplex(3).inverse(new double[] {1}));
  }

  @Test
  void zeroIsTheUniformSimplex() {
    double[] x = new Simplex(4).forward(new double[3]);
    for (double v : x) {
      assertEquals(0.25, v, 1e-15);
    }
  }

  @Test
  void zeroIsTheIdentityCorrelation() {
    double[] l = new CholeskyCorrelation(3).forward(new double[3]);
    assertEquals(java.util.Arrays.toString(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}), java.util.Arrays.toString(l));
  }

  @Test
  void valuesOutsideTheSupportAreNamed() {
    OutOfSupportException e = assertThrows(OutOfSupportException.class, () -> new Positive().inverse(-1.0));
    assertTrue(e.getMessage().contains("Positive") && e.getMessage().contains("-1.0"), e.getMessage());
    assertThrows(OutOfSupportException.class, () -> new LowerBounded(2).inverse(1.0));
    assertThrows(OutOfSupportException.class, () -> new UpperBounded(2).inverse(3.0));
    assertThrows(OutOfSupportException.class, () -> new Interval(0, 1).inverse(1.5));
    assertThrows(OutOfSupportException.class, () -> new Interval(0, 1).inverse(Double.NaN));
    e = assertThrows(OutOfSupportException.class, () -> new Simplex(3).inverse(new double[] {0.5, 0.4, 0.2}));
    assertTrue(e.getMessage().contains("sum"), e.getMessage());
    assertThrows(OutOfSupportException.class, () -> new Simplex(3).inverse(new double[] {1.2, -0.2, 0.0}));
    assertThrows(OutOfSupportException.class, () -> new Ordered(3).inverse(new double[] {0, 2, 1}));
    assertThrows(OutOfSupportException.class, () -> new CholeskyCorrelation(2).inverse(new double[] {1, 0, 0.6, -0.8}));
    assertThrows(OutOfSupportException.class, () -> new CholeskyCorrelation(2).inverse(new double[] {1, 0, 0.6, 0.7}));
    assertThrows(OutOfSupportException.class, () -> new CholeskyCorrelation(2).inverse(new double[] {1, 0.1, 0.6, 0.8}));
    assertThrows(OutOfSupportException.class, () -> new PositiveOrdered(2).inverse(new double[] {0, 1}));
    assertThrows(OutOfSupportException.class, () -> new PositiveOrdered(2).inverse(new double[] {2, 1}));
    assertThrows(OutOfSupportException.class, () -> new CholeskyCovariance(2).inverse(new double[] {1, 0, 0.5, -1}));
    assertThrows(OutOfSupportException.class, () -> new CholeskyCovariance(2).inverse(new double[] {1, 0.1, 0.5, 1}));
    e = assertThrows(OutOfSupportException.class, () -> new CovarianceMatrix(2).inverse(new double[] {1, 2, 2, 1}));
    assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
    e = assertThrows(OutOfSupportException.class, () -> new CovarianceMatrix(2).inverse(new double[] {1, 0.2, 0.3, 1}));
    assertTrue(e.getMessage().contains("symmetric"), e.getMessage());
  }

  @Test
  void extremeUnconstrainedValuesStayInTheClosedSupport() {
    for (double u : new double[] {-800, -40, 40, 800}) {
      double y = new Interval(-1, 1).forward(new double[] {u})[0];
      assertTrue(y >= -1 && y <= 1);
      assertTrue(Double.isFinite(new Interval(-1, 1).logAbsDetJacobian(Real.of(u)).value()));
      double[] s = new Simplex(3).forward(new double[] {u, -u});
      assertEquals(1.0, s[0] + s[1] + s[2], 1e-12);
      double[] l = new CholeskyCorrelation(2).forward(new double[] {u});
      assertEquals(1.0, l[2] * l[2] + l[3] * l[3], 1e-12);
      assertTrue(Double.isFinite(new CholeskyCorrelation(3).logAbsDetJacobian(Real.of(u, 0.5, -u)).value()));
    }
  }

  /** The double-valued forward and log-Jacobian of every scalar bijection are its Real ones' values, bit for bit. */
  @Test
  void doubleMethodsAreTheRealOnesValues() {
    ScalarBijection[] bs = {Bijections.forSupport(-INF, INF), Bijections.forSupport(0, INF),
        Bijections.forSupport(-2, INF), Bijections.forSupport(-INF, 3), Bijections.forSupport(-1, 4)};
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (ScalarBijection b : bs) {
      for (int k = 0; k < 2000; k++) {
        double u = r.nextDouble(-30, 30);
        assertEquals(Double.doubleToRawLongBits(b.forward(Real.of(u)).value()),
            Double.doubleToRawLongBits(b.forward(u)), b + " forward at " + u);
        assertEquals(Double.doubleToRawLongBits(b.logAbsDetJacobian(Real.of(u)).value()),
            Double.doubleToRawLongBits(b.logAbsDetJacobian(u)), b + " log-Jacobian at " + u);
      }
    }
  }
}
