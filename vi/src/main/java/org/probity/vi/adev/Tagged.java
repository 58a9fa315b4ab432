package org.probity.vi.adev;

import org.probity.core.Address;
import org.probity.dist.Distribution;
import org.probity.dist.Forwarding;

/**
 * A distribution with a gradient estimator attached: the site {@code sample(reinforce(bernoulli(p)))}
 * is estimated by REINFORCE wherever ADEV meets it (genjax's {@code flip_reinforce}). Every other
 * interpreter sees {@code base} unchanged (sampling, densities, enumeration delegate to it). The
 * optional {@code origin} is the address the choice had in the program it was recorded from (a
 * guide simulated inside an objective), used for policies and messages.
 *
 * @param base the distribution
 * @param estimator the estimator, or null to let the {@link Policy} choose
 * @param origin the choice's own address, or null
 * @param <X> the value type
 */
public record Tagged<X>(Distribution<X> base, Estimator estimator, Address origin) implements Forwarding<X> {
  /** Validates the base. */
  public Tagged {
    if (base == null) {
      throw new IllegalArgumentException("Tagged: the distribution is null");
    }
    if (base instanceof Tagged<X> t) {
      throw new IllegalArgumentException("Tagged: use Tagged.of to retag " + t);
    }
  }

  /** {@code dist} with {@code estimator}, replacing any estimator it had (keeping its origin). */
  public static <X> Tagged<X> of(Distribution<X> dist, Estimator estimator) {
    if (dist instanceof Tagged<X> t) {
      return new Tagged<>(t.base(), estimator, t.origin());
    }
    return new Tagged<>(dist, estimator, null);
  }

  /** {@code dist} recorded from address {@code origin}, keeping any estimator it had. */
  public static <X> Tagged<X> at(Distribution<X> dist, Address origin) {
    if (dist instanceof Tagged<X> t) {
      return new Tagged<>(t.base(), t.estimator(), origin);
    }
    return new Tagged<>(dist, null, origin);
  }

  /** The distribution without any tag. */
  public static Distribution<?> untag(Distribution<?> dist) {
    return dist instanceof Tagged<?> t ? t.base() : dist;
  }

  @Override
  public String name() {
    return base.name() + (estimator == null ? "" : " [" + estimator + "]");
  }

  @Override
  public String toString() {
    return name();
  }
}
