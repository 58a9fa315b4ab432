package org.probity.vi.guides;

import java.util.Map;
import org.probity.ad.Real;
import org.probity.ad.Reals;
import org.probity.core.Address;
import org.probity.core.Defer;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.Pure;
import org.probity.trace.LogDensity;
import org.probity.vi.objectives.Generative;
import org.probity.vi.objectives.Traced;
import org.probity.vi.param.Params;

/**
 * A model on its unconstrained space as the model side of an objective: the log density of the
 * choice {@code theta} (a {@code Real[]} of the layout's dimension) is the model's unconstrained
 * log density with its log-Jacobians ({@link LogDensity}), one tape node whose partial
 * derivatives are the gradient LogDensity computes on its own tape (the chain rule across tapes).
 * Not thread-safe (the LogDensity's tape is reused).
 */
final class Target implements Generative<Object> {
  static final Address THETA = Address.parse("theta");
  private final LogDensity density;
  private final double[] gradient;

  Target(LogDensity density) {
    this.density = density;
    this.gradient = new double[density.dimension()];
  }

  @Override
  public Prob<Traced<Object>> simulate(Params params) {
    throw new UnsupportedOperationException("the unconstrained target is scored, not simulated");
  }

  @Override
  public Prob<Real> logDensity(Params params, Map<Address, ?> choices) {
    return new Defer<>(() -> {
      Object t = choices.get(THETA);
      if (!(t instanceof Real[] theta) || theta.length != density.dimension() || choices.size() != 1) {
        throw new ProbityException("the unconstrained target scores one choice 'theta' of " + density.dimension()
            + " reals; got " + choices.keySet());
      }
      double[] x = Real.values(theta);
      double lp = density.logDensityAndGradient(x, gradient);
      if (lp == Double.NEGATIVE_INFINITY) {
        return new Pure<>(Real.NEGATIVE_INFINITY);
      }
      return new Pure<>(Reals.node(theta, lp, gradient));
    });
  }
}
