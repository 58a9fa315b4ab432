package org.probity.vi.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;
import org.probity.dist.Constraint;
import org.probity.dist.Distribution;
import org.probity.dist.DistributionException;

/**
 * Independent Bernoulli(logistic(logit_i)) over a 0/1 vector (value {@code int[]}): the output
 * distribution of a decoder over binary pixels; the log mass is one tape node whose parents are
 * the logits, stable in both tails.
 */
public final class BernoulliLogits implements Distribution<int[]> {
  private final Real[] logits;

  private BernoulliLogits(Real[] logits) {
    for (int i = 0; i < logits.length; i++) {
      if (!Double.isFinite(logits[i].value())) {
        throw new DistributionException("BernoulliLogits: logit[" + i + "] must be finite, got " + logits[i].value());
      }
    }
    this.logits = logits.clone();
  }

  /** Bernoulli(logistic(logits[i])) for each i. */
  public static BernoulliLogits of(Real[] logits) {
    return new BernoulliLogits(logits);
  }

  @Override
  public int[] sample(UniformRandomProvider rng) {
    int[] y = new int[logits.length];
    for (int i = 0; i < y.length; i++) {
      double p = 1 / (1 + Math.exp(-logits[i].value()));
      y[i] = rng.nextDouble() < p ? 1 : 0;
    }
    return y;
  }

  @Override
  public Real logProb(int[] y) {
    if (y.length != logits.length) {
      throw new DistributionException("BernoulliLogits: expected " + logits.length + " values, got " + y.length);
    }
    for (int i = 0; i < y.length; i++) {
      if (y[i] != 0 && y[i] != 1) {
        return Real.NEGATIVE_INFINITY;
      }
    }
    return Reals.bernoulliLogitLogLikelihood(y, logits);
  }

  @Override
  public Constraint support() {
    return new Constraint.Independent(new Constraint.IntegerRange(0, 1), logits.length);
  }

  @Override
  public String name() {
    return "BernoulliLogits(" + logits.length + ")";
  }

  @Override
  public String toString() {
    return name();
  }
}
