package org.probity.proofs.vi;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.probity.ad.Real;
import org.probity.semantics.Enumerator;
import org.probity.vi.adev.Expectation;
import org.probity.vi.adev.ValueAndGradient;
import org.probity.vi.param.ParamStore;

/**
 * Exact checks of an expectation on a finite program: its exact value (the Enumerator over the
 * objective program), the gradient of that value by central differences in every unconstrained
 * coordinate, and the exact mean of its gradient estimator ({@link Expectation#exactMean}).
 */
final class ObjectiveCheck {
  static final double H = 1e-5;

  private ObjectiveCheck() {
  }

  /** E[objective] at the store's current parameters, by enumeration. */
  static double exactValue(Expectation e, ParamStore store) {
    return Enumerator.enumerate(e.objective(store.view())).expectation(r -> ((Real) r).value());
  }

  /** The gradient of the exact value by central differences, per parameter. */
  static Map<String, double[]> exactGradient(Expectation e, ParamStore store) {
    exactValue(e, store); // declares the parameters
    Map<String, double[]> g = new LinkedHashMap<>();
    for (String name : store.names()) {
      double[] u = store.unconstrained(name);
      double[] d = new double[u.length];
      for (int i = 0; i < u.length; i++) {
        double[] up = u.clone();
        double[] down = u.clone();
        up[i] += H;
        down[i] -= H;
        store.setUnconstrained(name, up);
        double fu = exactValue(e, store);
        store.setUnconstrained(name, down);
        double fd = exactValue(e, store);
        store.setUnconstrained(name, u);
        d[i] = (fu - fd) / (2 * H);
      }
      g.put(name, d);
    }
    return g;
  }

  /** Asserts E[value estimate] = E[objective] and E[gradient estimate] = its gradient, to tol (1 + |x|). */
  static void assertUnbiased(Expectation e, ParamStore store, double tol) {
    Map<String, double[]> exact = exactGradient(e, store);
    double value = exactValue(e, store);
    ValueAndGradient mean = e.exactMean(store);
    if (Math.abs(mean.value() - value) > tol * (1 + Math.abs(value))) {
      throw new AssertionError(String.format(Locale.ROOT, "E[value estimate] %.10g vs exact %.10g", mean.value(), value));
    }
    exact.forEach((name, g) -> {
      for (int i = 0; i < g.length; i++) {
        double est = mean.gradient().get(name, i);
        if (Math.abs(est - g[i]) > tol * (1 + Math.abs(g[i]))) {
          throw new AssertionError(String.format(Locale.ROOT, "E[gradient estimate] for %s[%d] = %.10g, exact %.10g",
              name, i, est, g[i]));
        }
      }
    });
  }
}
