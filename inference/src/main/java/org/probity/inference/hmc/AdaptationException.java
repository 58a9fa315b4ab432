package org.probity.inference.hmc;

import org.probity.core.ProbityException;

/**
 * Thrown when warm-up cannot continue, with Stan's diagnosis: the step-size search doubled the step
 * size past 1e7 (an improper target), halved it to 0 (a discontinuous one), or a metric estimate
 * overflowed. The message names the value.
 */
public final class AdaptationException extends ProbityException {
  private static final long serialVersionUID = 1L;

  AdaptationException(String message) {
    super(message);
  }
}
