package org.probity.inference.hmc;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.ad.LogDensityFunction;

/**
 * A Hamiltonian Monte Carlo transition kernel on R^n with a Euclidean metric (Stan's
 * {@code base_hmc}): the current point, its step size and metric, and the chain's generator.
 * {@link #transition()} moves the current point and reports the draw's sampler parameters.
 * Mutable and not thread-safe: one per chain, on that chain's copy of the log density.
 */
public abstract sealed class HamiltonianKernel permits Nuts, StaticHmc {
  /** Stan's bound above which the step-size search declares the target improper. */
  static final double MAX_STEP_SIZE = 1e7;

  final Leapfrog integrator;
  final UniformRandomProvider rng;
  final NormalizedGaussianSampler normal;
  /** The current point (Stan's {@code z_}). */
  final PhasePoint z;
  private final PhasePoint searchStart;
  Metric metric;
  double stepSize;
  private double jitter;
  private boolean positioned;

  HamiltonianKernel(LogDensityFunction target, Metric metric, double stepSize,
      UniformRandomProvider rng) {
    int n = target.dimension();
    if (n < 1) {
      throw new IllegalArgumentException("HMC needs a log density of dimension >= 1, got " + n);
    }
    checkMetric(metric, n);
    checkStepSize(stepSize);
    this.integrator = new Leapfrog(target);
    this.rng = rng;
    this.normal = ZigguratSampler.NormalizedGaussian.of(rng);
    this.z = new PhasePoint(n);
    this.searchStart = new PhasePoint(n);
    this.metric = metric;
    this.stepSize = stepSize;
  }

  private static void checkMetric(Metric metric, int n) {
    if (metric.dimension() != n) {
      throw new InvalidMetricException("metric has dimension " + metric.dimension()
          + " but the log density has dimension " + n);
    }
  }

  private static void checkStepSize(double stepSize) {
    if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
      throw new IllegalArgumentException("step size must be finite and positive, got " + stepSize);
    }
  }

  /** The dimension n. */
  public final int dimension() {
    return z.q.length;
  }

  /**
   * Moves the current point to {@code q} and evaluates the log density and gradient there.
   *
   * @throws InitializationException when either is not finite at {@code q}
   */
  public final void setPosition(double[] q) {
    if (q.length != z.q.length) {
      throw new IllegalArgumentException("position has " + q.length
          + " coordinates but the log density has dimension " + z.q.length);
    }
    positioned = false;
    System.arraycopy(q, 0, z.q, 0, z.q.length);
    integrator.init(z);
    double[] minusGradient = z.g.clone();
    for (int i = 0; i < minusGradient.length; i++) {
      minusGradient[i] = -minusGradient[i];
    }
    InitializationException e = InitialPoint.failure(-z.potential, minusGradient, q.clone(),
        "a Hamiltonian kernel cannot start from a point without finite log density and gradient", 1);
    if (e != null) {
      throw e;
    }
    positioned = true;
  }

  /** Refuses to move before {@link #setPosition} has given a valid point. */
  final void requirePosition() {
    if (!positioned) {
      throw new IllegalStateException("call setPosition with a point of finite log density and"
          + " gradient before the first transition or step-size search");
    }
  }

  /** A copy of the current position. */
  public final double[] position() {
    return z.q.clone();
  }

  /** Copies the current position into {@code out} (no allocation). */
  public final void position(double[] out) {
    System.arraycopy(z.q, 0, out, 0, z.q.length);
  }

  /** log p at the current position. */
  public final double logDensity() {
    return -z.potential;
  }

  /** The (nominal) step size. */
  public final double stepSize() {
    return stepSize;
  }

  /** Sets the step size; finite and positive. */
  public void setStepSize(double epsilon) {
    checkStepSize(epsilon);
    stepSize = epsilon;
  }

  /**
   * Sets Stan's step-size jitter, in [0, 1]: each transition then uses the step size times a
   * uniform draw from (1 - jitter, 1 + jitter), drawn from the chain's generator before the
   * momentum; the nominal step size (what adaptation learns and {@link #stepSize()} returns) is
   * unchanged. 0 (the default) draws nothing.
   */
  public final void setStepSizeJitter(double jitter) {
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("step-size jitter must be in [0, 1], got " + jitter);
    }
    this.jitter = jitter;
  }

  /** The step-size jitter (0: none). */
  public final double stepSizeJitter() {
    return jitter;
  }

  /**
   * One transition from the current point, which it replaces by the draw, at the jittered step
   * size when a jitter is set (Stan's {@code sample_stepsize}): the subclass's
   * {@link #move} sees the jittered value in {@code stepSize}, and the nominal one is restored after.
   */
  public final Transition transition() {
    if (jitter == 0) {
      return move();
    }
    double nominal = stepSize;
    stepSize = nominal * (1.0 + jitter * (2.0 * rng.nextDouble() - 1.0));
    try {
      return move();
    } finally {
      stepSize = nominal;
    }
  }

  /** One transition from the current point at step size {@code stepSize}. */
  abstract Transition move();

  /** The metric. */
  public final Metric metric() {
    return metric;
  }

  /** Sets the metric, of the kernel's dimension. */
  public final void setMetric(Metric m) {
    checkMetric(m, dimension());
    metric = m;
  }

  /** The integrator (its count of gradient evaluations measures the kernel's cost). */
  public final Leapfrog integrator() {
    return integrator;
  }

  /**
   * Stan's step-size heuristic ({@code base_hmc::init_stepsize}): from the current point, take one
   * leapfrog step with a fresh momentum; if the energy change gives an acceptance above 0.8, keep
   * doubling the step size while that holds, otherwise keep halving it until it holds, a fresh
   * momentum for each trial. The current point is left as it was.
   *
   * @throws AdaptationException when the step size passes 1e7 (improper target) or reaches 0
   */
  public final void initStepSize() {
    requirePosition();
    if (stepSize == 0 || stepSize > MAX_STEP_SIZE || Double.isNaN(stepSize)) {
      return;
    }
    searchStart.copyFrom(z);
    double logTarget = Math.log(0.8);
    double deltaH = trialEnergyChange();
    int direction = deltaH > logTarget ? 1 : -1;
    while (true) {
      z.copyFrom(searchStart);
      deltaH = trialEnergyChange();
      if (direction == 1 && !(deltaH > logTarget)) {
        break;
      } else if (direction == -1 && !(deltaH < logTarget)) {
        break;
      } else {
        stepSize = direction == 1 ? 2.0 * stepSize : 0.5 * stepSize;
      }
      if (stepSize > MAX_STEP_SIZE) {
        z.copyFrom(searchStart);
        throw new AdaptationException("the step-size search doubled the step size to " + stepSize
            + " (> 1e7) with the acceptance still above 0.8: the target is improper (its density"
            + " does not decay); check the model");
      }
      if (stepSize == 0) {
        z.copyFrom(searchStart);
        throw new AdaptationException("the step-size search halved the step size to 0 without"
            + " reaching an acceptance of 0.8: perhaps the log density is not continuous");
      }
    }
    z.copyFrom(searchStart);
    afterStepSizeChange();
  }

  /** H0 - H after one leapfrog step from {@code z} with a fresh momentum; NaN energy counts as infinite. */
  private double trialEnergyChange() {
    metric.sampleMomentum(normal, z.p);
    double h0 = Leapfrog.hamiltonian(z, metric);
    integrator.evolve(z, metric, stepSize);
    double h = Leapfrog.hamiltonian(z, metric);
    if (Double.isNaN(h)) {
      h = Double.POSITIVE_INFINITY;
    }
    return h0 - h;
  }

  /** Called when the step-size search has changed the step size (static HMC recomputes its number of steps). */
  void afterStepSizeChange() {
  }
}
