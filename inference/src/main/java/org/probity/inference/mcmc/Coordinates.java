package org.probity.inference.mcmc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.probity.core.Address;
import org.probity.inference.hmc.InitializationException;
import org.probity.trace.LogDensity;
import org.probity.trace.Trace;

/**
 * Names the coordinates of a model's unconstrained point by the addresses they come from, and
 * explains why the log density or its gradient is not finite at a point, naming the address and
 * the term: what initialisation errors and the Hamiltonian kernel's errors say.
 */
final class Coordinates {
  private Coordinates() {
  }

  /** The address behind coordinate {@code i} of the view's point, with its position in a block. */
  static String name(LogDensity d, int i) {
    for (LogDensity.Site s : d.layout()) {
      if (i >= s.offset() && i < s.offset() + s.dimension()) {
        return s.dimension() == 1 ? s.address().toString()
            : s.address() + " (unconstrained coordinate " + (i - s.offset() + 1) + " of " + s.dimension() + ", "
                + s.support() + ")";
      }
    }
    return "coordinate " + i;
  }

  /** Why the engine refused the point of {@code e}, naming the address and the term. */
  static String failure(LogDensity d, InitializationException e) {
    if (e.failure() == InitializationException.Failure.GRADIENT) {
      return "the gradient of the log density with respect to " + name(d, e.coordinate()) + " is " + e.value();
    }
    return logDensityFailure(d, e.point(), e.value());
  }

  /** Why the log density at {@code theta} is {@code value} (not finite), naming the site where it fails. */
  static String logDensityFailure(LogDensity d, double[] theta, double value) {
    try {
      d.logDensity(theta);
    } catch (RuntimeException ex) {
      return "the log density cannot be evaluated: " + ex.getMessage();
    }
    try {
      Map<Address, Object> values = new LinkedHashMap<>(d.fixed());
      values.putAll(d.constrain(theta));
      Trace<?> t = org.probity.trace.Traces.replay(d.model(), values);
      if (t.zeroSite() != null) {
        return "the log density is " + value + ": zero density at " + t.zeroSite();
      }
    } catch (RuntimeException ex) {
      return "the log density is " + value + " (" + ex.getMessage() + ")";
    }
    return "the log density is " + value + " (a log-Jacobian term, at " + describe(d, theta) + ")";
  }

  /** The constrained values of the moved sites at theta, briefly. */
  static String describe(LogDensity d, double[] theta) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Address, Object> e : d.constrain(theta).entrySet()) {
      if (sb.length() > 200) {
        sb.append(", ...");
        break;
      }
      sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(" = ")
          .append(org.probity.trace.Values.describe(e.getValue()));
    }
    return sb.toString();
  }
}
