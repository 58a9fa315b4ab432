package org.probity.inference.hmc;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.LogDensityFunction;

/**
 * Hamiltonian Monte Carlo with a static integration time T, as Stan's {@code base_static_hmc}
 * (src/stan/mcmc/hmc/static/base_static_hmc.hpp; Neal, "MCMC using Hamiltonian dynamics", 2011):
 * a fresh momentum, L = max(1, floor(T / eps)) leapfrog steps, and a Metropolis accept/reject
 * of the end point with probability min(1, exp(H0 - H)).
 */
public final class StaticHmc extends HamiltonianKernel {
  /** cmdstan's default integration time, 2 pi. */
  public static final double DEFAULT_INTEGRATION_TIME = 2 * Math.PI;

  private final PhasePoint zInit;
  private final double integrationTime;
  private int steps;

  /**
   * A static HMC kernel; call {@link #setPosition} before the first transition.
   *
   * @param target the log density (this kernel's own copy when chains run in parallel)
   * @param metric the metric
   * @param stepSize the step size, finite and positive
   * @param integrationTime the integration time T, finite and positive
   * @param rng the chain's generator
   */
  public StaticHmc(LogDensityFunction target, Metric metric, double stepSize,
      double integrationTime, UniformRandomProvider rng) {
    super(target, metric, stepSize, rng);
    if (!(integrationTime > 0) || Double.isInfinite(integrationTime)) {
      throw new IllegalArgumentException("integration time must be finite and positive, got "
          + integrationTime);
    }
    this.integrationTime = integrationTime;
    this.zInit = new PhasePoint(dimension());
    updateSteps();
  }

  /** The integration time T. */
  public double integrationTime() {
    return integrationTime;
  }

  /** The number of leapfrog steps L = max(1, floor(T / eps)). */
  public int steps() {
    return steps;
  }

  @Override
  public void setStepSize(double epsilon) {
    super.setStepSize(epsilon);
    updateSteps();
  }

  @Override
  void afterStepSizeChange() {
    updateSteps();
  }

  private void updateSteps() {
    double l = integrationTime / stepSize;
    steps = l >= Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(1, (int) l);
  }

  @Override
  Transition move() {
    requirePosition();
    metric.sampleMomentum(normal, z.p);
    zInit.copyFrom(z);
    double h0 = Leapfrog.hamiltonian(z, metric);
    for (int i = 0; i < steps; i++) {
      integrator.evolve(z, metric, stepSize);
    }
    double h = Leapfrog.hamiltonian(z, metric);
    if (Double.isNaN(h)) {
      h = Double.POSITIVE_INFINITY;
    }
    double acceptProb = Math.exp(h0 - h);
    if (acceptProb < 1 && rng.nextDouble() > acceptProb) {
      z.copyFrom(zInit);
    }
    acceptProb = Math.min(acceptProb, 1);
    double energy = Leapfrog.hamiltonian(z, metric);
    return new Transition(stepSize, 0, steps, false, energy, acceptProb, -z.potential);
  }
}
