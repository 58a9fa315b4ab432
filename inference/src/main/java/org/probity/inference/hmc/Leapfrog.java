package org.probity.inference.hmc;

import org.probity.ad.LogDensityFunction;

/**
 * The leapfrog (Störmer-Verlet) integrator of Hamiltonian dynamics for H(q, p) = V(q) + T(p) with
 * V = -log p(q): a half step of the momentum, a full step of the position along M^-1 p, a half
 * step of the momentum (Stan's {@code expl_leapfrog}; Neal, "MCMC using Hamiltonian dynamics",
 * 2011, section 2.3). It is reversible and volume-preserving and its energy error is O(eps^2).
 *
 * <p>Allocates nothing per step: the only work array (the velocity) is allocated once. Not
 * thread-safe; one per chain, on that chain's copy of the log density.
 */
public final class Leapfrog {
  private final LogDensityFunction target;
  private final double[] velocity;
  private long gradientEvaluations;

  /** An integrator for the potential -log p of {@code target}. */
  public Leapfrog(LogDensityFunction target) {
    this.target = target;
    this.velocity = new double[target.dimension()];
  }

  /** The log density integrated. */
  public LogDensityFunction target() {
    return target;
  }

  /** Evaluates the potential and its gradient at {@code z}'s position (Stan's {@code hamiltonian.init}). */
  public void init(PhasePoint z) {
    updatePotentialGradient(z);
  }

  /**
   * One leapfrog step of size {@code epsilon} (negative: backwards in time), in place.
   *
   * @param z the point moved; its potential and gradient must be those of its position
   * @param metric the metric of the kinetic energy
   * @param epsilon the signed step size
   */
  public void evolve(PhasePoint z, Metric metric, double epsilon) {
    double half = 0.5 * epsilon;
    double[] q = z.q;
    double[] p = z.p;
    double[] g = z.g;
    int n = q.length;
    for (int i = 0; i < n; i++) {
      p[i] -= half * g[i];
    }
    metric.velocity(p, velocity);
    for (int i = 0; i < n; i++) {
      q[i] += epsilon * velocity[i];
    }
    updatePotentialGradient(z);
    for (int i = 0; i < n; i++) {
      p[i] -= half * g[i];
    }
  }

  /** The Hamiltonian H = V(q) + T(p) at {@code z}. */
  public static double hamiltonian(PhasePoint z, Metric metric) {
    return z.potential + metric.kineticEnergy(z.p);
  }

  /** The number of log-density-and-gradient evaluations made so far. */
  public long gradientEvaluations() {
    return gradientEvaluations;
  }

  private void updatePotentialGradient(PhasePoint z) {
    gradientEvaluations++;
    double[] g = z.g;
    z.potential = -target.logDensityAndGradient(z.q, g);
    for (int i = 0; i < g.length; i++) {
      g[i] = -g[i];
    }
  }
}
