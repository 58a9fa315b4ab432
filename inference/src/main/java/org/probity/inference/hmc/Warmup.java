package org.probity.inference.hmc;

import java.util.Optional;

/**
 * Stan's warm-up of a Hamiltonian kernel: the adaptive samplers {@code adapt_diag_e_nuts},
 * {@code adapt_dense_e_nuts}, {@code adapt_*_static_hmc} (src/stan/mcmc/hmc) driven as
 * {@code run_adaptive_sampler} drives them (src/stan/services/util).
 *
 * <p>{@link #start()} runs the step-size search ({@link HamiltonianKernel#initStepSize}) from the
 * initial point. After every transition the step size learns from the acceptance statistic by
 * dual averaging, and the draw feeds the windowed metric estimate; when a slow window closes the
 * metric is replaced, the step-size search runs again, mu becomes log(10 eps) and the dual
 * averaging restarts. {@link #finish()} fixes the step size at the dual-averaged exp(log eps-bar).
 * The shrinkage target starts at mu = log(10 eps0) for the kernel's initial step size eps0 (1 by
 * default), as Stan's services set it before the first search.
 */
public final class Warmup {
  private final HamiltonianKernel kernel;
  private final DualAveraging stepSizeAdaptation;
  private final AdaptationWindows windows;
  private final MetricAdaptation metricAdaptation;
  private final double[] position;

  /**
   * Warm-up of {@code kernel} for {@code numWarmup} iterations.
   *
   * @param kernel the kernel, its position, metric and initial step size set
   * @param kind the kind of metric estimated
   * @param config the adaptation settings
   * @param numWarmup the number of warm-up iterations (the window schedule depends on it)
   */
  public Warmup(HamiltonianKernel kernel, MetricKind kind, AdaptationConfig config, int numWarmup) {
    this.kernel = kernel;
    this.stepSizeAdaptation = new DualAveraging(config.delta(), config.gamma(), config.kappa(),
        config.t0(), Math.log(10 * kernel.stepSize()));
    this.windows = new AdaptationWindows(numWarmup, config.initBuffer(), config.termBuffer(),
        config.window());
    this.metricAdaptation = new MetricAdaptation(kind, kernel.dimension(), windows);
    this.position = new double[kernel.dimension()];
  }

  /** The window schedule. */
  public AdaptationWindows windows() {
    return windows;
  }

  /** The initial step-size search, from the kernel's current position. */
  public void start() {
    kernel.initStepSize();
  }

  /**
   * One warm-up transition followed by the adaptation step.
   *
   * @return the transition (its step size is the one it used)
   * @throws AdaptationException when dual averaging drives the step size to 0 or infinity, or
   *     the metric estimate overflows
   */
  public Transition transition() {
    Transition t = kernel.transition();
    setStepSize(stepSizeAdaptation.learnStepSize(t.acceptStat()));
    kernel.position(position);
    Optional<Metric> update = metricAdaptation.learn(kernel.metric(), position);
    if (update.isPresent()) {
      kernel.setMetric(update.get());
      kernel.initStepSize();
      stepSizeAdaptation.setMu(Math.log(10 * kernel.stepSize()));
      stepSizeAdaptation.restart();
    }
    return t;
  }

  /** Ends adaptation: the step size becomes the dual-averaged one. */
  public void finish() {
    setStepSize(stepSizeAdaptation.finalStepSize());
  }

  private void setStepSize(double epsilon) {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new AdaptationException("step-size adaptation drove the step size to " + epsilon
          + " (acceptance statistics persistently " + (epsilon > 0 ? "1" : "near 0")
          + "): the log density may be improper, discontinuous or non-finite near the chain");
    }
    kernel.setStepSize(epsilon);
  }
}
