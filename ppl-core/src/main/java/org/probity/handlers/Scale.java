package org.probity.handlers;

import org.probity.core.Factor;
import org.probity.core.Messenger;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.dist.Tempered;

/**
 * Scaling (Pyro's {@code scale}): every observation's log density and every factor's log weight
 * is multiplied by {@code factor}, for tempering (0 &lt; factor &lt; 1: the likelihood raised to a
 * power) or for rescaling a minibatch's likelihood to the whole data set (factor = N / batch size).
 * The choices are untouched.
 *
 * @param factor the multiplier of log weights, finite and non-negative
 */
public record Scale(double factor) implements Messenger {
  /** Validates the factor. */
  public Scale {
    if (!(factor >= 0) || !Double.isFinite(factor)) {
      throw new IllegalArgumentException("scale: the factor must be finite and non-negative, got " + factor);
    }
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<?> observe(Observe<?, ?> o) {
    return factor == 1.0 ? o : new Observe(o.address(), Tempered.of(o.dist(), factor), o.value(), o.next());
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<?> factor(Factor<?> f) {
    double w = f.logWeight().value();
    return w == Double.NEGATIVE_INFINITY || factor == 1.0 ? f
        : new Factor(factor == 0.0 ? org.probity.ad.Real.ZERO : f.logWeight().times(factor), f.next());
  }

  @Override
  public String toString() {
    return "scale(" + factor + ")";
  }
}
