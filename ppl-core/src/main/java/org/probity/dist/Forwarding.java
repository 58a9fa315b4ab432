package org.probity.dist;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/**
 * A distribution that wraps another ({@link #base}) and answers every question by asking it: the
 * wrappers that change one thing (a tag, how a draw is made, a name) override only that, and stay
 * right when {@link Distribution} gains a method.
 *
 * @param <X> the type of the values
 */
public interface Forwarding<X> extends Distribution<X> {
  /**
   * The wrapped distribution.
   *
   * @return the distribution every question is forwarded to
   */
  Distribution<X> base();

  @Override
  default X sample(UniformRandomProvider rng) {
    return base().sample(rng);
  }

  @Override
  default Real logProb(X x) {
    return base().logProb(x);
  }

  @Override
  default double logDensity(X x) {
    return base().logDensity(x);
  }

  @Override
  default boolean hasRsample() {
    return base().hasRsample();
  }

  @Override
  default X rsample(UniformRandomProvider rng) {
    return base().rsample(rng);
  }

  @Override
  default boolean hasFiniteSupport() {
    return base().hasFiniteSupport();
  }

  @Override
  default List<X> enumerateSupport() {
    return base().enumerateSupport();
  }

  @Override
  default List<X> enumerateSupport(long limit) {
    return base().enumerateSupport(limit);
  }

  @Override
  default Constraint support() {
    return base().support();
  }

  @Override
  default String name() {
    return base().name();
  }
}
