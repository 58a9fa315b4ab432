package org.probity.vi.adev;

import org.probity.vi.param.Gradient;

/**
 * One estimate of an expectation and of its gradient with respect to the named parameters
 * (their unconstrained coordinates).
 *
 * @param value the estimate of the expectation
 * @param gradient the estimate of its gradient
 */
public record ValueAndGradient(double value, Gradient gradient) {
}
