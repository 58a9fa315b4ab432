package org.probity.dist;

import java.util.List;
import org.probity.ad.Real;

/**
 * The support of a distribution, as a value: what {@link Distribution#support()} returns and what
 * {@code Bijections.forConstraint} maps to the unconstraining bijection (Stan Reference Manual,
 * "Constraint transforms"; PyTorch's {@code torch.distributions.constraints}).
 *
 * <p>Each record fixes the shape of the values it constrains, following the vector convention of
 * {@link Distribution}: scalar constraints hold a {@link Real} (continuous), an {@code Integer}
 * or a {@code Boolean}; vector constraints a {@code Real[]} (continuous) or an {@code int[]}
 * (integer); matrix constraints a square {@code Real[][]}. {@link #flatten} and {@link #unflatten}
 * convert a value to and from the row-major flat vector a bijection works on.
 */
public sealed interface Constraint {
  /** Whether the values are discrete (no bijection to unconstrained space exists). */
  boolean isDiscrete();

  /** The shape of a value: {@code []} for a scalar, {@code [n]} for a vector, {@code [k, k]} for a matrix. */
  int[] shape();

  /** The number of entries of a value (the product of {@link #shape()}), its flat length. */
  default int size() {
    int s = 1;
    for (int d : shape()) {
      s *= d;
    }
    return s;
  }

  /**
   * The entries of a value of this constraint's shape, row-major, as doubles: a Real, Double,
   * Integer or Boolean (1 for true) gives one entry; Real[], double[], int[] and boolean[] their
   * entries; Real[][] and double[][] their rows in order.
   *
   * @throws DistributionException if the value's type or length does not fit the shape
   */
  default double[] flatten(Object value) {
    double[] flat = Shapes.flatten(value);
    if (flat.length != size()) {
      throw new DistributionException(this + ": a value with " + flat.length + " entries does not fit shape "
          + java.util.Arrays.toString(shape()));
    }
    return flat;
  }

  /**
   * The value of this (continuous) constraint's shape whose row-major entries are {@code flat}: a
   * Real for a scalar, a Real[] for a vector, a square Real[][] for a matrix.
   *
   * @throws DistributionException if the constraint is discrete or the length does not fit
   */
  default Object unflatten(Real[] flat) {
    if (isDiscrete()) {
      throw new DistributionException(this + ": discrete values are not built from reals");
    }
    return Shapes.unflatten(flat, shape(), this);
  }

  /** The continuous constraint for the interval support (lo, hi) of a univariate distribution. */
  static Constraint ofBounds(double lo, double hi) {
    if (Double.isNaN(lo) || Double.isNaN(hi) || !(lo < hi) || lo == Double.POSITIVE_INFINITY
        || hi == Double.NEGATIVE_INFINITY) {
      throw new DistributionException("Constraint: not an interval with lo < hi: (" + lo + ", " + hi + ")");
    }
    boolean finiteLo = lo > Double.NEGATIVE_INFINITY;
    boolean finiteHi = hi < Double.POSITIVE_INFINITY;
    if (finiteLo && finiteHi) {
      return new Interval(lo, hi);
    }
    if (finiteLo) {
      return lo == 0.0 ? new Positive() : new GreaterThan(lo);
    }
    return finiteHi ? new LessThan(hi) : new RealLine();
  }

  /** The integers between the bounds of a discrete univariate distribution (infinite bounds: unbounded). */
  static IntegerRange integersBetween(double lo, double hi) {
    return new IntegerRange(lo == Double.NEGATIVE_INFINITY ? IntegerRange.UNBOUNDED_BELOW : (long) lo,
        hi == Double.POSITIVE_INFINITY ? IntegerRange.UNBOUNDED_ABOVE : (long) hi);
  }

  /** R^n: {@code n} unconstrained reals (an MvNormal's support). */
  static Independent realVector(int n) {
    return new Independent(new RealLine(), n);
  }

  /**
   * A continuous scalar constraint: an open interval (lower, upper) of the real line, either end
   * possibly infinite (values are {@link Real}).
   */
  sealed interface RealInterval extends Constraint {
    /** The lower end (negative infinity when unbounded). */
    double lower();

    /** The upper end (positive infinity when unbounded). */
    double upper();

    @Override
    default boolean isDiscrete() {
      return false;
    }

    @Override
    default int[] shape() {
      return new int[0];
    }
  }

  /** Continuous vectors of length k (Real[]): the simplex and ordered vectors. */
  sealed interface ContinuousVector extends Constraint {
    /** The length. */
    int k();

    @Override
    default boolean isDiscrete() {
      return false;
    }

    @Override
    default int[] shape() {
      return new int[] {k()};
    }
  }

  /** Continuous k x k matrices (square Real[][]): covariance matrices and Cholesky factors. */
  sealed interface ContinuousMatrix extends Constraint {
    /** The order. */
    int k();

    @Override
    default boolean isDiscrete() {
      return false;
    }

    @Override
    default int[] shape() {
      return new int[] {k(), k()};
    }
  }

  /** The real line (-inf, inf). */
  record RealLine() implements RealInterval {
    @Override
    public double lower() {
      return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double upper() {
      return Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
      return "real";
    }
  }

  /** The positive half line (0, inf). */
  record Positive() implements RealInterval {
    @Override
    public double lower() {
      return 0.0;
    }

    @Override
    public double upper() {
      return Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
      return "positive";
    }
  }

  /** (lo, inf) for a finite lo other than 0 (0 is {@link Positive}). */
  record GreaterThan(double lo) implements RealInterval {
    /** Validates the bound. */
    public GreaterThan {
      if (!Double.isFinite(lo)) {
        throw new DistributionException("GreaterThan: bound lo must be finite, got " + lo);
      }
    }

    @Override
    public double lower() {
      return lo;
    }

    @Override
    public double upper() {
      return Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
      return "greaterThan(" + lo + ")";
    }
  }

  /** (-inf, hi) for a finite hi. */
  record LessThan(double hi) implements RealInterval {
    /** Validates the bound. */
    public LessThan {
      if (!Double.isFinite(hi)) {
        throw new DistributionException("LessThan: bound hi must be finite, got " + hi);
      }
    }

    @Override
    public double lower() {
      return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double upper() {
      return hi;
    }

    @Override
    public String toString() {
      return "lessThan(" + hi + ")";
    }
  }

  /** (lo, hi) for finite lo &lt; hi. */
  record Interval(double lo, double hi) implements RealInterval {
    /** Validates the bounds. */
    public Interval {
      if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
        throw new DistributionException("Interval: need finite lo < hi, got (" + lo + ", " + hi + ")");
      }
    }

    @Override
    public double lower() {
      return lo;
    }

    @Override
    public double upper() {
      return hi;
    }

    @Override
    public String toString() {
      return "interval(" + lo + ", " + hi + ")";
    }
  }

  /**
   * The integers lo..hi (Integer values); {@link #UNBOUNDED_BELOW} and {@link #UNBOUNDED_ABOVE}
   * mark an unbounded end (a Poisson's support is {@code IntegerRange(0, UNBOUNDED_ABOVE)}).
   */
  record IntegerRange(long lo, long hi) implements Constraint {
    /** The lower end of a range unbounded below. */
    public static final long UNBOUNDED_BELOW = Long.MIN_VALUE;
    /** The upper end of a range unbounded above. */
    public static final long UNBOUNDED_ABOVE = Long.MAX_VALUE;

    /** Validates lo &lt;= hi. */
    public IntegerRange {
      if (lo > hi) {
        throw new DistributionException("IntegerRange: need lo <= hi, got " + lo + " > " + hi);
      }
    }

    /** Whether both ends are bounded. */
    public boolean isFinite() {
      return lo != UNBOUNDED_BELOW && hi != UNBOUNDED_ABOVE;
    }

    @Override
    public boolean isDiscrete() {
      return true;
    }

    @Override
    public int[] shape() {
      return new int[0];
    }

    @Override
    public String toString() {
      return "integers(" + (lo == UNBOUNDED_BELOW ? "-inf" : Long.toString(lo)) + ".."
          + (hi == UNBOUNDED_ABOVE ? "inf" : Long.toString(hi)) + ")";
    }
  }

  /** {false, true} (Boolean values). */
  record Bool() implements Constraint {
    @Override
    public boolean isDiscrete() {
      return true;
    }

    @Override
    public int[] shape() {
      return new int[0];
    }

    @Override
    public String toString() {
      return "boolean";
    }
  }

  /**
   * A finite set of values listed by the distribution's {@link Distribution#enumerateSupport()}:
   * the default support of a distribution with finite support that declares nothing more specific.
   */
  record Enumerated() implements Constraint {
    @Override
    public boolean isDiscrete() {
      return true;
    }

    @Override
    public int[] shape() {
      return new int[0];
    }

    @Override
    public String toString() {
      return "enumerated";
    }
  }

  /** The probability simplex {x in R^k : x_i &gt;= 0, sum x_i = 1} (Real[] of length k). */
  record Simplex(int k) implements ContinuousVector {
    /** Validates k. */
    public Simplex {
      Shapes.atLeast("Simplex", "k", k, 1);
    }

    @Override
    public String toString() {
      return "simplex(" + k + ")";
    }
  }

  /** Strictly increasing vectors in R^k (Real[] of length k). */
  record Ordered(int k) implements ContinuousVector {
    /** Validates k. */
    public Ordered {
      Shapes.atLeast("Ordered", "k", k, 1);
    }

    @Override
    public String toString() {
      return "ordered(" + k + ")";
    }
  }

  /** Strictly increasing vectors of positive reals, 0 &lt; x_1 &lt; ... &lt; x_k (Real[] of length k). */
  record PositiveOrdered(int k) implements ContinuousVector {
    /** Validates k. */
    public PositiveOrdered {
      Shapes.atLeast("PositiveOrdered", "k", k, 1);
    }

    @Override
    public String toString() {
      return "positiveOrdered(" + k + ")";
    }
  }

  /**
   * n entries, each satisfying the scalar constraint {@code base}: a Real[] when the base is
   * continuous ({@code Independent(RealLine, n)} is R^n), an int[] when it is an integer range, a
   * boolean[] for {@link Bool}.
   */
  record Independent(Constraint base, int n) implements Constraint {
    /** Validates the base (a scalar constraint) and n. */
    public Independent {
      if (base == null || base.shape().length != 0) {
        throw new DistributionException("Independent: base must be a scalar constraint, got " + base);
      }
      Shapes.atLeast("Independent", "n", n, 0);
    }

    @Override
    public boolean isDiscrete() {
      return base.isDiscrete();
    }

    @Override
    public int[] shape() {
      return new int[] {n};
    }

    @Override
    public String toString() {
      return base + "^" + n;
    }
  }

  /** A vector whose entry i satisfies the scalar constraint {@code components.get(i)}. */
  record Componentwise(List<Constraint> components) implements Constraint {
    /** Validates and copies the components (scalar constraints, all continuous or all discrete). */
    public Componentwise {
      components = List.copyOf(components);
      for (Constraint c : components) {
        if (c.shape().length != 0) {
          throw new DistributionException("Componentwise: every component must be a scalar constraint, got " + c);
        }
        if (c.isDiscrete() != components.get(0).isDiscrete()) {
          throw new DistributionException("Componentwise: components must be all continuous or all discrete, got " + components);
        }
      }
    }

    @Override
    public boolean isDiscrete() {
      return !components.isEmpty() && components.get(0).isDiscrete();
    }

    @Override
    public int[] shape() {
      return new int[] {components.size()};
    }

    @Override
    public String toString() {
      return "componentwise" + components;
    }
  }

  /**
   * The count vectors of a multinomial: int[] of length k with non-negative entries summing to
   * {@code total} (the weak compositions of total into k parts).
   */
  record Compositions(int total, int k) implements Constraint {
    /** Validates the sizes. */
    public Compositions {
      Shapes.atLeast("Compositions", "total", total, 0);
      Shapes.atLeast("Compositions", "k", k, 1);
    }

    @Override
    public boolean isDiscrete() {
      return true;
    }

    @Override
    public int[] shape() {
      return new int[] {k};
    }

    @Override
    public String toString() {
      return "compositions(" + total + ", " + k + ")";
    }
  }

  /** Symmetric positive-definite k x k matrices (covariance matrices; Real[][]). */
  record CovarianceMatrix(int k) implements ContinuousMatrix {
    /** Validates k. */
    public CovarianceMatrix {
      Shapes.atLeast("CovarianceMatrix", "k", k, 1);
    }

    @Override
    public String toString() {
      return "covarianceMatrix(" + k + ")";
    }
  }

  /**
   * Cholesky factors of k x k correlation matrices: lower triangular, positive diagonal, rows of
   * unit norm (Real[][], zeros above the diagonal).
   */
  record CorrelationCholesky(int k) implements ContinuousMatrix {
    /** Validates k. */
    public CorrelationCholesky {
      Shapes.atLeast("CorrelationCholesky", "k", k, 1);
    }

    @Override
    public String toString() {
      return "correlationCholesky(" + k + ")";
    }
  }

  /**
   * Cholesky factors of k x k covariance matrices: lower triangular with a positive diagonal
   * (Real[][], zeros above the diagonal; Stan's {@code cholesky_factor_cov}).
   */
  record CovarianceCholesky(int k) implements ContinuousMatrix {
    /** Validates k. */
    public CovarianceCholesky {
      Shapes.atLeast("CovarianceCholesky", "k", k, 1);
    }

    @Override
    public String toString() {
      return "covarianceCholesky(" + k + ")";
    }
  }
}
