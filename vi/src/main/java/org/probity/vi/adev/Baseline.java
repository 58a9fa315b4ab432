package org.probity.vi.adev;

import static org.probity.Probity.sample;

import java.util.function.ToDoubleFunction;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.Distribution;

/**
 * REINFORCE with a baseline control variate: x ~ p_theta, then k(x) + (k(x) - b) grad log
 * p_theta(x). Unbiased for any b that does not depend on x, since E[grad log p_theta] = 0; a b
 * near E[k] lowers the variance. The baseline is read from {@code source} before the draw, and
 * {@code source} is told the value k(x) afterwards ({@link Source#update}), so a running average
 * ({@link #movingAverage}) learns across steps without ever seeing the current draw.
 */
public final class Baseline implements Estimator {
  /** Where a baseline comes from: a value per site read before the draw, optionally updated after. */
  public interface Source {
    /** The baseline for this site, before its draw. */
    double value(Site site);

    /** The continuation's value after a draw at this site (by default ignored). */
    default void update(Site site, double value) {
    }
  }

  private final Source source;

  /** REINFORCE with baselines from {@code source}. */
  public Baseline(Source source) {
    this.source = source;
  }

  /** REINFORCE with the constant baseline {@code b}. */
  public static Baseline constant(double b) {
    return new Baseline(site -> b);
  }

  /** REINFORCE with a baseline per site given by {@code b} (a function of the site, never of its draw). */
  public static Baseline of(ToDoubleFunction<Site> b) {
    return new Baseline(b::applyAsDouble);
  }

  /**
   * REINFORCE with an exponential moving average of the continuation's past values at each
   * address, b = decay b + (1 - decay) k(x) after each draw (starting at 0). Stateful: share one
   * per optimisation, not across threads.
   */
  public static Baseline movingAverage(double decay) {
    if (!(decay >= 0 && decay < 1)) {
      throw new IllegalArgumentException("movingAverage: decay must be in [0, 1), got " + decay);
    }
    java.util.Map<Object, double[]> state = new java.util.HashMap<>();
    return new Baseline(new Source() {
      @Override
      public double value(Site site) {
        double[] s = state.get(site.address());
        return s == null ? 0.0 : s[0];
      }

      @Override
      public void update(Site site, double value) {
        if (Double.isFinite(value)) {
          double[] s = state.computeIfAbsent(site.address(), a -> new double[] {value});
          s[0] = decay * s[0] + (1 - decay) * value;
        }
      }
    });
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<Real> estimate(Site site, Continuation k) {
    return new org.probity.core.Defer<>(() -> {
      double b = source.value(site);
      return sample((Distribution) site.dist(), x -> k.apply(x).map(v -> {
        Real s = Surrogate.score(v, site.logProb(x), b);
        source.update(site, v.value());
        return s;
      }));
    });
  }

  @Override
  public String toString() {
    return "REINFORCE+baseline";
  }
}
