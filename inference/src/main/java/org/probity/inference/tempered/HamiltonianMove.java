package org.probity.inference.tempered;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.inference.hmc.HamiltonianKernel;
import org.probity.inference.hmc.HmcEngine;
import org.probity.inference.hmc.Metric;
import org.probity.inference.hmc.Nuts;
import org.probity.inference.hmc.StaticHmc;
import org.probity.inference.hmc.Transition;
import org.probity.random.Rngs;
import org.probity.trace.LogDensity;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * Gradient moves for tempered SMC: NUTS or static HMC (the engine of {@code inference.hmc}) on the
 * unconstrained log density of the tempered program, {@code LogDensity.of(Handlers.scale(model,
 * beta), trace)}, which moves every continuous choice of the trace and holds the discrete ones.
 *
 * <p>Tuning from the population, as in Buchholz, Chopin and Jacob ("Adaptive tuning of Hamiltonian
 * Monte Carlo within sequential Monte Carlo", Bayesian Analysis 2021) and Chopin and
 * Papaspiliopoulos (2020, section 17.2), before the particles move at each stage:
 * <ul>
 *   <li>metric: the diagonal inverse metric is the weighted variance of the live particles'
 *       unconstrained coordinates (a coordinate without spread keeps the unit entry), so the
 *       kinetic energy matches the current tempered target's scales as they shrink from the prior
 *       to the posterior;
 *   <li>step size: the first stage uses {@link #initialStepSize} (default d^(-1/4), the optimal
 *       scaling of HMC in dimension d for a target whitened by the metric, Beskos et al. 2013);
 *       each later stage multiplies the previous stage's step size by exp(2 (a - delta)), where a
 *       is the previous stage's mean acceptance statistic and delta the target (0.8 for NUTS, 0.65
 *       for static HMC): a factor between exp(-2 delta) and exp(2 (1 - delta)), which steers the
 *       acceptance to the target while the whitened targets change little between stages.
 * </ul>
 * Within a stage the step size and the metric are fixed, so every transition leaves the stage's
 * target invariant. The tuning depends on the population, as in every adaptive SMC sampler.
 *
 * <p>Each particle's move is one sample node (a 64-bit generator seed, {@link GeneratorSeed})
 * followed by the deterministic HMC run on that seed, so moves are reproducible for a seed
 * whatever the number of threads.
 */
public final class HamiltonianMove implements Move {
  private final HmcEngine engine;
  private final int leapfrogSteps;
  private final int maxDepth;
  private final double targetAcceptance;
  private final double initialStepSize;
  private final boolean adaptMetric;

  private HamiltonianMove(HmcEngine engine, int leapfrogSteps, int maxDepth, double targetAcceptance,
      double initialStepSize, boolean adaptMetric) {
    if (leapfrogSteps < 1) {
      throw new IllegalArgumentException("HMC moves need at least 1 leapfrog step, got " + leapfrogSteps);
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("NUTS moves need a maximum tree depth of at least 1, got " + maxDepth);
    }
    if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
      throw new IllegalArgumentException("the target acceptance must be in (0, 1), got " + targetAcceptance);
    }
    if (!Double.isNaN(initialStepSize) && !(initialStepSize > 0 && Double.isFinite(initialStepSize))) {
      throw new IllegalArgumentException("the initial step size must be finite and positive, got " + initialStepSize);
    }
    this.engine = engine;
    this.leapfrogSteps = leapfrogSteps;
    this.maxDepth = maxDepth;
    this.targetAcceptance = targetAcceptance;
    this.initialStepSize = initialStepSize;
    this.adaptMetric = adaptMetric;
  }

  /** NUTS moves: maximum tree depth 10, target acceptance statistic 0.8, adapted metric. */
  public static HamiltonianMove nuts() {
    return new HamiltonianMove(HmcEngine.NUTS, 1, Nuts.DEFAULT_MAX_DEPTH, 0.8, Double.NaN, true);
  }

  /** Static HMC moves of {@code leapfrogSteps} steps: target acceptance 0.65, adapted metric. */
  public static HamiltonianMove hmc(int leapfrogSteps) {
    return new HamiltonianMove(HmcEngine.STATIC, leapfrogSteps, Nuts.DEFAULT_MAX_DEPTH, 0.65, Double.NaN, true);
  }

  /** The same move with another maximum tree depth (NUTS). */
  public HamiltonianMove maxDepth(int depth) {
    return new HamiltonianMove(engine, leapfrogSteps, depth, targetAcceptance, initialStepSize, adaptMetric);
  }

  /** The same move with another target acceptance statistic for the step-size adaptation. */
  public HamiltonianMove targetAcceptance(double delta) {
    return new HamiltonianMove(engine, leapfrogSteps, maxDepth, delta, initialStepSize, adaptMetric);
  }

  /** The same move with the first stage's step size given (default d^(-1/4)). */
  public HamiltonianMove initialStepSize(double epsilon) {
    return new HamiltonianMove(engine, leapfrogSteps, maxDepth, targetAcceptance, epsilon, adaptMetric);
  }

  /** The same move with the metric adapted from the particles (true, the default) or the unit metric. */
  public HamiltonianMove adaptMetric(boolean on) {
    return new HamiltonianMove(engine, leapfrogSteps, maxDepth, targetAcceptance, initialStepSize, on);
  }

  /** The engine: NUTS or static HMC. */
  public HmcEngine engine() {
    return engine;
  }

  /** The target acceptance statistic of the step-size adaptation. */
  public double targetAcceptance() {
    return targetAcceptance;
  }

  @Override
  public <A> ParticleMove<A> prepare(Prob<A> model, TemperedPopulation<A> population) {
    Prob<A> target = TemperedSmc.tempered(model, population.beta());
    int reference = -1;
    for (int i = 0; i < population.size() && reference < 0; i++) {
      if (!population.dead(i)) {
        reference = i;
      }
    }
    if (reference < 0) {
      return (x, moves) -> new Pure<>(new Moved<>(x, Double.NaN, 0));
    }
    LogDensity layout = LogDensity.of(target, population.trace(reference));
    int d = layout.dimension();
    if (d == 0) {
      throw new IllegalArgumentException("HMC and NUTS moves need continuous choices, but the model's trace has none"
          + " (addresses " + population.trace(reference).addresses() + "); use Move.mh() or Move.kernel(...)");
    }
    Metric metric = adaptMetric ? metric(layout, population) : Metric.unit(d);
    double epsilon = stepSize(population, d);
    return new ParticleMove<>() {
      @Override
      public Prob<Moved<A>> apply(Trace<A> trace, int moves) {
        if (moves <= 0) {
          return new Pure<>(new Moved<>(trace, Double.NaN, 0));
        }
        return new Sample<Long, Moved<A>>(null, GeneratorSeed.INSTANCE,
            seed -> new Pure<>(run(model, target, trace, metric, epsilon, moves, Rngs.of(seed))));
      }

      @Override
      public double stepSize() {
        return epsilon;
      }
    };
  }

  /** The diagonal inverse metric: the weighted variances of the live particles' unconstrained coordinates. */
  private static Metric metric(LogDensity layout, TemperedPopulation<?> population) {
    int d = layout.dimension();
    double[] w = population.normalisedWeights();
    double[][] q = new double[population.size()][];
    double[] mean = new double[d];
    int live = 0;
    for (int i = 0; i < q.length; i++) {
      if (w[i] > 0) {
        live++;
        q[i] = layout.unconstrain(population.trace(i));
        for (int j = 0; j < d; j++) {
          mean[j] += w[i] * q[i][j];
        }
      }
    }
    double[] variance = new double[d];
    for (int i = 0; i < q.length; i++) {
      if (q[i] != null) {
        for (int j = 0; j < d; j++) {
          double e = q[i][j] - mean[j];
          variance[j] += w[i] * e * e;
        }
      }
    }
    for (int j = 0; j < d; j++) {
      if (live < 2 || !(variance[j] > 0) || !Double.isFinite(variance[j])) {
        variance[j] = 1.0;
      }
    }
    return Metric.diagonal(variance);
  }

  /** This stage's step size: the initial one, or the previous stage's adapted by its acceptance. */
  private double stepSize(TemperedPopulation<?> population, int d) {
    java.util.List<Stage> stages = population.stages();
    Stage previous = stages.size() >= 2 ? stages.get(stages.size() - 2) : null;
    if (previous != null && Double.isFinite(previous.stepSize()) && Double.isFinite(previous.acceptance())) {
      double a = Math.min(1.0, Math.max(0.0, previous.acceptance()));
      return previous.stepSize() * Math.exp(2 * (a - targetAcceptance));
    }
    return Double.isNaN(initialStepSize) ? Math.pow(d, -0.25) : initialStepSize;
  }

  /** {@code moves} HMC or NUTS transitions from the trace's point, on the generator {@code rng}. */
  private <A> Moved<A> run(Prob<A> model, Prob<A> target, Trace<A> trace, Metric metric, double epsilon, int moves,
      UniformRandomProvider rng) {
    LogDensity density = LogDensity.of(target, trace);
    double[] start = density.unconstrain(trace);
    HamiltonianKernel kernel = engine == HmcEngine.NUTS
        ? new Nuts(density, metric, epsilon, maxDepth, Nuts.DEFAULT_MAX_DELTA_H, rng)
        : new StaticHmc(density, metric, epsilon, (leapfrogSteps + 0.5) * epsilon, rng);
    kernel.setPosition(start);
    double acceptance = 0;
    int divergences = 0;
    for (int m = 0; m < moves; m++) {
      Transition t = kernel.transition();
      acceptance += t.acceptStat();
      divergences += t.divergent() ? 1 : 0;
    }
    double[] end = kernel.position();
    Trace<A> moved = trace;
    if (!Arrays.equals(start, end)) {
      Map<Address, Object> values = new LinkedHashMap<>(density.fixed());
      values.putAll(density.constrain(end));
      moved = Traces.replay(model, values);
    }
    return new Moved<>(moved, acceptance / moves, divergences);
  }

  @Override
  public String toString() {
    return (engine == HmcEngine.NUTS ? "NUTS(max depth " + maxDepth : "HMC(" + leapfrogSteps + " leapfrog steps")
        + ", target acceptance " + targetAcceptance + (adaptMetric ? ", metric from the particles" : ", unit metric") + ")";
  }
}
