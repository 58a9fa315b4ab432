package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * A distribution over the reals (or an interval of them) with a density. Samples are
 * {@link Real}s so they can carry gradients when a program is replayed on a tape.
 */
public interface Continuous extends Distribution<Real>, Univariate {
  /** Draws one value as a double. */
  double sampleDouble(UniformRandomProvider rng);

  @Override
  default Real sample(UniformRandomProvider rng) {
    return Real.of(sampleDouble(rng));
  }

  /**
   * Whether {@link #logDensity(double)} gives, for every value and every parameter, the very number
   * {@code logProb(x).value()} gives: the same floating-point operations in the same order. Then a
   * recorded {@code logProb} stands for the double path bit for bit (the random walk's staged log
   * density, {@code LogDensity.joint}). False unless a family says so; each that does is checked by
   * {@code DoublePathTest}.
   *
   * @return whether the double path is the {@code Real} path's arithmetic
   */
  default boolean doublePathIsExact() {
    return false;
  }

  /** Log density at a double. */
  default double logDensity(double x) {
    return logProb(Real.of(x)).value();
  }

  @Override
  default double logDensity(Real x) {
    return logDensity(x.value());
  }

  /**
   * Sum of the log densities of independent observations, as one differentiable value. The
   * default adds node by node; distributions on the hot path override it with a single node.
   */
  default Real logProbSum(double[] xs) {
    Real[] terms = new Real[xs.length];
    for (int i = 0; i < xs.length; i++) {
      terms[i] = logProb(Real.of(xs[i]));
    }
    return Reals.sum(terms);
  }

  /**
   * Sum of the log densities of independent observations as a double: the log density of a
   * vectorised observation on the double path ({@link Iid}, so {@code plate(dist, data)}). The
   * default is the value of {@link #logProbSum}; a distribution whose {@code logProbSum} builds
   * one node per point overrides it with a loop over {@link #logDensity(double)}.
   */
  default double logDensitySum(double[] xs) {
    return logProbSum(xs).value();
  }

  /** The interval (lower bound, upper bound) as a constraint: real line, positive, greater-than, less-than or interval. */
  @Override
  default Constraint support() {
    return Constraint.ofBounds(supportLowerBound(), supportUpperBound());
  }

  /**
   * A vector-valued site of {@code n} independent draws: one address, value {@code Real[]}, e.g.
   * {@code sample("a", normal(mu, s).vector(J))}.
   */
  default Iid vector(int n) {
    return new Iid(this, n);
  }

  /** The same as {@link #vector(int)}: {@code n} independent draws as one {@code Real[]} value. */
  default Iid iid(int n) {
    return vector(n);
  }

  /**
   * The increasing vector of {@code k} independent draws sorted (their order statistics): density
   * k! prod f(x_i) on x_1 &lt; ... &lt; x_k, e.g. {@code normal(0, 5).ordered(3)} for the ordered
   * means of a mixture. Its support is the ordered vectors when this distribution is on the real
   * line, the positive ordered vectors when it is on the positive half line.
   */
  default OrderStatistics ordered(int k) {
    return OrderStatistics.of(this, k);
  }

  /**
   * As {@link #ordered(int)}, and checks that this distribution is on the positive half line, so
   * the support is the positive ordered vectors 0 &lt; x_1 &lt; ... &lt; x_k.
   */
  default OrderStatistics positiveOrdered(int k) {
    return OrderStatistics.positive(this, k);
  }
}
