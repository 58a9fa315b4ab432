package org.probity.vi.adev;

import org.probity.ad.Real;
import org.probity.core.Prob;

/**
 * A gradient estimation strategy for one random choice: ADEV's derivative rule for a sample
 * site, in continuation-passing style (Lew, Huot, Staton and Mansinghka, "ADEV: Sound Automatic
 * Differentiation of Expected Values of Probabilistic Programs", POPL 2023, section 4; the
 * {@code prim_jvp_estimate} of genjax's {@code ADEVPrimitive}).
 *
 * <p>Given the site (address and distribution p_theta) and the continuation k (the rest of the
 * objective, transformed), an estimator returns an <b>estimator program</b> for
 * E_{x ~ p_theta}[k(x)]. Its result is a {@link Real} S on the tape whose leaves are the
 * parameters, such that S's value is an unbiased estimate of the expectation and the gradient of
 * S (one backward sweep) is an unbiased estimate of its gradient: reverse mode plays the role of
 * ADEV's dual numbers, S being a surrogate whose value is the primal and whose derivative is the
 * tangent ({@link Surrogate} builds such nodes). The estimator's own randomness must be choices
 * of the returned program ({@code sample(dist, x -> ...)}), never a hidden generator: then the
 * Sampler runs it and the Enumerator gives its exact law, which is how the proofs check
 * unbiasedness.
 *
 * <p>REINFORCE scores the continuation, REPARAM passes it a reparameterised value, ENUM sums it
 * over the support, MVD runs it at phantom values. A new strategy is one class implementing
 * this method (docs/vi.md shows one in thirty lines).
 */
@FunctionalInterface
public interface Estimator {
  /** The estimator program of E_{x ~ site.dist()}[k(x)] and its gradient. */
  Prob<Real> estimate(Site site, Continuation k);
}
