package org.probity.bijection;

import java.util.ArrayList;
import java.util.List;
import org.probity.dist.Constraint;
import org.probity.dist.Univariate;

/**
 * The constraint registry, and combinators: {@link #forConstraint} maps every continuous
 * {@link Constraint} (a distribution's {@code support()}) to its bijection from unconstrained
 * R^n, with its log-Jacobian, as Stan's constraining transforms (Stan Reference Manual,
 * "Constraint transforms") and PyTorch's {@code biject_to}:
 * <pre>
 *   real                   Identity              positive            Positive (exp)
 *   greaterThan(lo)        LowerBounded          lessThan(hi)        UpperBounded
 *   interval(lo, hi)       Interval (logistic)   simplex(K)          Simplex (stick breaking)
 *   ordered(K)             Ordered               positiveOrdered(K)  PositiveOrdered
 *   correlationCholesky(K) CholeskyCorrelation   covarianceCholesky(K) CholeskyCovariance
 *   covarianceMatrix(K)    CovarianceMatrix      base^n              Elementwise(base, n)
 *   componentwise[c_1..c_n] Blockwise(c_1..c_n)
 * </pre>
 * Matrix values are flattened row-major ({@link Constraint#flatten}). A discrete constraint has
 * no bijection: {@link #forConstraint} throws {@link DiscreteSupportException}, and callers test
 * {@link Constraint#isDiscrete()} first.
 */
public final class Bijections {
  private Bijections() {
  }

  /**
   * The default bijection onto the interval support (lo, hi) of a univariate continuous
   * distribution, as in Stan: Identity for (-inf, inf), Positive for (0, inf), LowerBounded,
   * UpperBounded, or Interval for two finite bounds.
   */
  public static ScalarBijection forSupport(double lo, double hi) {
    if (Double.isNaN(lo) || Double.isNaN(hi) || !(lo < hi) || lo == Double.POSITIVE_INFINITY || hi == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("forSupport: not an interval with lo < hi: (" + lo + ", " + hi + ")");
    }
    boolean finiteLo = lo > Double.NEGATIVE_INFINITY;
    boolean finiteHi = hi < Double.POSITIVE_INFINITY;
    if (finiteLo && finiteHi) {
      return new Interval(lo, hi);
    }
    if (finiteLo) {
      return lo == 0.0 ? new Positive() : new LowerBounded(lo);
    }
    if (finiteHi) {
      return new UpperBounded(hi);
    }
    return new Identity();
  }

  /** The default bijection for a univariate distribution's support bounds. */
  public static ScalarBijection forSupport(Univariate dist) {
    return forSupport(dist.supportLowerBound(), dist.supportUpperBound());
  }

  /**
   * The bijection from unconstrained space onto {@code constraint} (see the table above).
   *
   * @throws DiscreteSupportException if the constraint is discrete
   */
  public static Bijection forConstraint(Constraint constraint) {
    if (constraint.isDiscrete()) {
      throw new DiscreteSupportException(constraint);
    }
    if (constraint instanceof Constraint.RealInterval r) {
      return forSupport(r.lower(), r.upper());
    }
    if (constraint instanceof Constraint.Simplex c) {
      return new Simplex(c.k());
    }
    if (constraint instanceof Constraint.Ordered c) {
      return new Ordered(c.k());
    }
    if (constraint instanceof Constraint.PositiveOrdered c) {
      return new PositiveOrdered(c.k());
    }
    if (constraint instanceof Constraint.CorrelationCholesky c) {
      return new CholeskyCorrelation(c.k());
    }
    if (constraint instanceof Constraint.CovarianceCholesky c) {
      return new CholeskyCovariance(c.k());
    }
    if (constraint instanceof Constraint.CovarianceMatrix c) {
      return new CovarianceMatrix(c.k());
    }
    if (constraint instanceof Constraint.Independent c) {
      return elementwise(forScalar(c.base()), c.n());
    }
    if (constraint instanceof Constraint.Componentwise c) {
      List<Bijection> blocks = new ArrayList<>(c.components().size());
      for (Constraint part : c.components()) {
        blocks.add(forScalar(part));
      }
      return blockwise(blocks);
    }
    throw new IllegalArgumentException("forConstraint: no bijection registered for " + constraint);
  }

  /**
   * The bijection onto a continuous scalar constraint (real line, positive, greater-than,
   * less-than, interval).
   *
   * @throws DiscreteSupportException if the constraint is discrete
   * @throws IllegalArgumentException if it is not scalar
   */
  public static ScalarBijection forScalar(Constraint constraint) {
    if (constraint.isDiscrete()) {
      throw new DiscreteSupportException(constraint);
    }
    if (constraint instanceof Constraint.RealInterval r) {
      return forSupport(r.lower(), r.upper());
    }
    throw new IllegalArgumentException("forScalar: " + constraint + " is not a scalar constraint");
  }

  /** The scalar bijection applied to each of n coordinates. */
  public static Bijection elementwise(ScalarBijection base, int n) {
    return new Elementwise(base, n);
  }

  /** Bijections on consecutive blocks of one vector. */
  public static Bijection blockwise(List<Bijection> blocks) {
    return new Blockwise(blocks);
  }
}
