package org.probity.proofs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.core.Weighted;

/**
 * The output of a particle algorithm (importance sampling, SMC): weighted particles and the
 * algorithm's own estimate of the log evidence. Proper weighting (Naesseth, Lindsten and Schön,
 * "Elements of sequential Monte Carlo", 2019, Def. 2.2.1; Liu and Chen 1998) is the statement
 * that {@code E[Zhat * sum_i wbar_i delta(x_i)]} is the unnormalised posterior, where wbar are
 * the normalised particle weights.
 *
 * @param particles the particles with their log weights
 * @param logEvidence log Zhat (-infinity when every weight is zero)
 */
public record Population<A>(List<Weighted<A>> particles, double logEvidence) {
  /** Copies the particles. */
  public Population {
    particles = List.copyOf(particles);
  }

  /** The normalised weights (all zero when every weight is zero). */
  public double[] normalisedWeights() {
    double m = Double.NEGATIVE_INFINITY;
    for (Weighted<A> w : particles) {
      m = Math.max(m, w.logWeight());
    }
    double[] out = new double[particles.size()];
    if (m == Double.NEGATIVE_INFINITY) {
      return out;
    }
    double s = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.exp(particles.get(i).logWeight() - m);
      s += out[i];
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= s;
    }
    return out;
  }

  /** The measure {@code Zhat * sum_i wbar_i delta(x_i)} this population estimates (value to mass). */
  public Map<A, Double> estimatedMeasure() {
    Map<A, Double> m = new LinkedHashMap<>();
    if (logEvidence == Double.NEGATIVE_INFINITY) {
      return m;
    }
    double z = Math.exp(logEvidence);
    double[] w = normalisedWeights();
    for (int i = 0; i < w.length; i++) {
      m.merge(particles.get(i).value(), z * w[i], Double::sum);
    }
    return m;
  }
}
