package org.probity.inference.hmc;

/**
 * Step-size adaptation by Nesterov's dual averaging (Hoffman and Gelman, "The No-U-Turn Sampler",
 * JMLR 15, 2014, section 3.2.1), exactly Stan's {@code stepsize_adaptation}
 * (src/stan/mcmc/stepsize_adaptation.hpp): after the t-th transition with acceptance statistic a
 * (capped at 1), H_t = (1 - 1/(t + t0)) H_{t-1} + (delta - a)/(t + t0), log eps_t = mu -
 * sqrt(t) H_t / gamma, and the averaged iterate log eps-bar_t = t^-kappa log eps_t + (1 -
 * t^-kappa) log eps-bar_{t-1}, which is the step size kept after warm-up. Mutable.
 */
public final class DualAveraging {
  private final double delta;
  private final double gamma;
  private final double kappa;
  private final double t0;
  private double mu;
  private double counter;
  private double sBar;
  private double xBar;

  /**
   * A fresh adaptation.
   *
   * @param delta target acceptance statistic, in (0, 1) (Stan's default 0.8)
   * @param gamma adaptation regularisation scale, positive (0.05)
   * @param kappa adaptation relaxation exponent, positive (0.75)
   * @param t0 adaptation iteration offset, positive (10)
   * @param mu the log step size that the iterates shrink towards (Stan: log(10 eps0))
   */
  public DualAveraging(double delta, double gamma, double kappa, double t0, double mu) {
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("target acceptance delta must be in (0, 1), got " + delta);
    }
    if (!(gamma > 0) || !(kappa > 0) || !(t0 > 0)) {
      throw new IllegalArgumentException("dual averaging needs gamma, kappa, t0 > 0, got gamma = "
          + gamma + ", kappa = " + kappa + ", t0 = " + t0);
    }
    this.delta = delta;
    this.gamma = gamma;
    this.kappa = kappa;
    this.t0 = t0;
    this.mu = mu;
  }

  /** Sets the shrinkage target mu (log step size). */
  public void setMu(double logStepSize) {
    mu = logStepSize;
  }

  /** The shrinkage target mu. */
  public double mu() {
    return mu;
  }

  /** The target acceptance statistic. */
  public double delta() {
    return delta;
  }

  /** Forgets the history (iteration count and both averages); mu is kept. */
  public void restart() {
    counter = 0;
    sBar = 0;
    xBar = 0;
  }

  /**
   * Learns from one transition's acceptance statistic.
   *
   * @param adaptStat the acceptance statistic (values above 1 count as 1)
   * @return the step size for the next transition, exp(log eps_t)
   */
  public double learnStepSize(double adaptStat) {
    ++counter;
    double a = adaptStat > 1 ? 1 : adaptStat;
    double eta = 1.0 / (counter + t0);
    sBar = (1.0 - eta) * sBar + eta * (delta - a);
    double x = mu - sBar * Math.sqrt(counter) / gamma;
    double xEta = Math.pow(counter, -kappa);
    xBar = (1.0 - xEta) * xBar + xEta * x;
    return Math.exp(x);
  }

  /** The step size to keep after adaptation, exp(log eps-bar). */
  public double finalStepSize() {
    return Math.exp(xBar);
  }
}
