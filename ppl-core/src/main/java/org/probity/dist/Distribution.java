package org.probity.dist;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/**
 * A probability distribution over values of type {@code X}: it can be sampled, scored, and, when
 * its support is finite, enumerated. Distributions are immutable values built once (for example
 * {@code Normal.of(0, 1)}) with their normalising constants precomputed.
 *
 * <p>The log density is written once, over {@link Real}, so the same code gives plain doubles
 * when parameters and value are constants and gradients when they are tape nodes.
 *
 * <p><b>Values (one convention for every site).</b> A continuous scalar is a {@link Real}, a
 * continuous vector a {@code Real[]} (Dirichlet, MvNormal, {@link Continuous#vector}, ordered
 * vectors), a continuous matrix a square {@code Real[][]} (LkjCholesky), so that a gradient flows
 * through every entry of a sampled value; an integer is an {@code Integer}, an integer vector an
 * {@code int[]} (Multinomial counts, BernoulliLogitGlm labels); a binary outcome a {@code Boolean}.
 * The one exception is data: {@link Plate} observes a {@code double[]} data vector without
 * wrapping each entry (data carry no gradient), and is not for latent sites.
 *
 * <p><b>Support.</b> {@link #support()} is the set of values of positive density, as a
 * {@link Constraint}; {@code Bijections.forConstraint} finds its map to unconstrained space.
 */
public interface Distribution<X> {
  /** Draws one value. */
  X sample(UniformRandomProvider rng);

  /** Log density (continuous) or log mass (discrete) of {@code x}, over reals (differentiable). */
  Real logProb(X x);

  /** Log density or log mass of {@code x} as a double; the hot path, which may be overridden. */
  default double logDensity(X x) {
    return logProb(x).value();
  }

  /**
   * Whether {@link #rsample} is available: a reparameterised draw whose value carries the
   * gradient with respect to the distribution's {@link Real} parameters.
   */
  default boolean hasRsample() {
    return false;
  }

  /**
   * A reparameterised draw (the pathwise estimator of Kingma and Welling, 2014; implicit
   * reparameterisation of Figurnov, Mohamed and Mnih, 2018, where no differentiable standardisation
   * exists): the same value as {@link #sample} for the same generator state, consuming the
   * generator identically, but a tape node whose derivatives are dx/dtheta for every parameter
   * theta that is a tape node (a constant when none is).
   *
   * @throws NoRsampleException if {@link #hasRsample()} is false
   */
  default X rsample(UniformRandomProvider rng) {
    throw new NoRsampleException(this);
  }

  /** Whether the support is finite, so {@link #enumerateSupport()} may be called. */
  default boolean hasFiniteSupport() {
    return false;
  }

  /** The finite support, in a fixed order. Throws when the support is not finite. */
  default List<X> enumerateSupport() {
    throw new UnsupportedOperationException(name() + " has no finite support to enumerate");
  }

  /**
   * The finite support when it has at most {@code limit} values (the Enumerator's
   * {@code Limits.maxSupport}); this default lists it with {@link #enumerateSupport()} and then
   * checks the size, distributions whose support may be huge refuse before listing.
   *
   * @throws SupportTooLargeException when there are more values than {@code limit}
   */
  default List<X> enumerateSupport(long limit) {
    List<X> all = enumerateSupport();
    if (all.size() > limit) {
      throw new SupportTooLargeException(name(), all.size(), limit);
    }
    return all;
  }

  /**
   * The support, as a constraint value (real line, positive, interval, integer range, simplex,
   * ordered vector, Cholesky factor of a correlation matrix, ...). Every distribution of this
   * package declares it; the default, for other implementations, is {@link Constraint.Enumerated}
   * when the support is finite.
   *
   * @throws UnsupportedOperationException if the distribution declares no support
   */
  default Constraint support() {
    if (hasFiniteSupport()) {
      return new Constraint.Enumerated();
    }
    throw new UnsupportedOperationException(name() + " declares no support (override Distribution.support())");
  }

  /** A short name with parameters, e.g. {@code Normal(0.0, 1.0)}, used in error messages. */
  default String name() {
    return toString();
  }
}
