package org.probity.inference.hmc;

/** Thrown for a metric that is not finite, positive (definite) and of the right shape; the message names the entry. */
public final class InvalidMetricException extends IllegalArgumentException {
  InvalidMetricException(String message) {
    super(message);
  }
}
