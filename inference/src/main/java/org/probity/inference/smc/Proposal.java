package org.probity.inference.smc;

import org.probity.core.Address;
import org.probity.dist.Distribution;

/**
 * A user-supplied proposal for the random choices a particle makes between two suspensions: at
 * SMC step {@code step}, the choice at {@code address} (null for an anonymous site) whose prior
 * is {@code prior} is drawn from the returned distribution instead, and the particle's weight is
 * multiplied by prior(x) / proposal(x) (sequential importance sampling with a proposal, Doucet and
 * Johansen, "A tutorial on particle filtering and smoothing", 2009, section 4). The prior carries
 * the particle's state (e.g. its mean is the transition of the previous state), so locally
 * optimal proposals such as a Gaussian conditioned on the next observation are one short method.
 *
 * <p>Return {@code prior} itself, or null, to keep the prior. The returned distribution must be
 * over the same values as the prior and positive wherever the posterior is.
 */
@FunctionalInterface
public interface Proposal {
  /** The distribution to draw this choice from; {@code prior} or null keeps the prior. */
  Distribution<?> propose(int step, Address address, Distribution<?> prior);

  /** The prior everywhere: the bootstrap particle filter. */
  static Proposal prior() {
    return (step, address, prior) -> prior;
  }
}
