package org.probity.vi.param;

import org.probity.ad.Real;
import org.probity.dist.Constraint;

/**
 * The parameters as a program reads them during one evaluation (Pyro's {@code pyro.param}): a
 * parameter is declared where it is first read, with its constraint and initialiser, and
 * returned as its constrained value; on a tape ({@link ParamStore#view(org.probity.ad.Tape)}) the
 * value is a node whose leaves are the unconstrained coordinates, so one backward sweep gives
 * the gradient with respect to every parameter read. Reading a parameter again in the same
 * evaluation returns the same value. Constraints map through the core's bijections
 * ({@link org.probity.bijection.Bijections#forConstraint}).
 */
public interface Params {
  /**
   * The parameter {@code name} with the given constraint (a Real for a scalar constraint, a
   * Real[] for a vector, a Real[][] for a matrix), declared with {@code init} if new.
   *
   * @throws ParamException if it was declared with another constraint
   */
  Object value(String name, Constraint constraint, Init init);

  /**
   * A rows x cols matrix of unconstrained reals (weights of a layer), declared with {@code init}
   * if new; row i is {@code result[i]}.
   *
   * @throws ParamException if it was declared with another shape
   */
  Real[][] matrix(String name, int rows, int cols, Init init);

  /** An unconstrained scalar. */
  default Real real(String name, double init) {
    return (Real) value(name, new Constraint.RealLine(), Init.constant(init));
  }

  /** A positive scalar (stored as its log). */
  default Real positive(String name, double init) {
    return (Real) value(name, new Constraint.Positive(), Init.constant(init));
  }

  /** A scalar in (lo, hi) (stored as its scaled logit). */
  default Real interval(String name, double lo, double hi, double init) {
    return (Real) value(name, new Constraint.Interval(lo, hi), Init.constant(init));
  }

  /** A vector of n unconstrained reals. */
  default Real[] vector(String name, int n, Init init) {
    return (Real[]) value(name, Constraint.realVector(n), init);
  }

  /** A vector of n positive reals. */
  default Real[] positiveVector(String name, int n, Init init) {
    return (Real[]) value(name, new Constraint.Independent(new Constraint.Positive(), n), init);
  }

  /** A point of the k-simplex (k probabilities summing to 1), first read as the uniform point. */
  default Real[] simplex(String name, int k) {
    return (Real[]) value(name, new Constraint.Simplex(k), Init.constant(1.0 / k));
  }

  /** A k x k lower-triangular matrix with a positive diagonal (a Cholesky factor of a covariance). */
  default Real[][] choleskyFactor(String name, int k, Init init) {
    return (Real[][]) value(name, new Constraint.CovarianceCholesky(k), init);
  }
}
