package org.probity.inference.hmc;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.LogDensityFunction;
import org.probity.core.ProbityException;
import org.probity.random.Rngs;
import org.probity.run.InProcessRunner;
import org.probity.run.RunInterruptedException;
import org.probity.run.RunTaskException;

/**
 * Runs NUTS or static HMC chains on a log density, in parallel, as cmdstan's {@code sample}
 * method does for one chain ({@code run_adaptive_sampler}): an initial point (given, or Stan's
 * uniform(-2, 2) rule), the step-size search, warm-up with adaptation ({@link Warmup}), then the
 * kept draws with the adapted step size and metric fixed. Chain c uses its own copy of the log
 * density and the generator split from (seed, c) ({@link Rngs#split}) for everything random, so
 * results are bit-identical whatever the number of threads; the chains are the tasks of an
 * in-process {@link org.probity.run.Runner} with {@code config.threads()} threads (one per chain up
 * to the cores by default), the first chain to fail cancelling the others.
 */
public final class Hmc {
  private Hmc() {
  }

  /** Runs the chains from Stan's random initial points. */
  public static HmcResult sample(LogDensityFunction target, HmcConfig config) {
    return run(target, config, null, null, 0);
  }

  /**
   * Runs the chains from given initial points.
   *
   * @param inits one initial point per chain, or a single one for all chains
   * @throws InitializationException when the log density or its gradient is not finite at one
   */
  public static HmcResult sample(LogDensityFunction target, HmcConfig config, double[][] inits) {
    if (inits.length != 1 && inits.length != config.chains()) {
      throw new IllegalArgumentException(inits.length + " initial points for " + config.chains()
          + " chains (give one per chain, or one for all)");
    }
    return run(target, config, inits, null, 0);
  }

  /**
   * Continues a finished run: each chain starts at its last draw with its adapted step size and
   * metric, without warm-up, for {@code draws} more draws. The generators are those of
   * continuation k = {@code previous.segment() + 1} (split from (childSeed(seed, k), c)), so the
   * continuation does not reuse the random numbers of the run it continues.
   *
   * @param target the same log density as the run continued
   */
  public static HmcResult resume(LogDensityFunction target, HmcResult previous, int draws) {
    HmcConfig config = previous.config().draws(draws).warmup(0);
    if (target.dimension() != previous.dimension()) {
      throw new IllegalArgumentException("the log density has dimension " + target.dimension()
          + " but the run continued has dimension " + previous.dimension());
    }
    double[][] inits = new double[previous.numChains()][];
    for (int c = 0; c < inits.length; c++) {
      inits[c] = previous.chain(c).lastDraw();
    }
    return run(target, config, inits, previous, previous.segment() + 1);
  }

  private static HmcResult run(LogDensityFunction target, HmcConfig config, double[][] inits,
      HmcResult previous, int segment) {
    int n = config.chains();
    int threads = config.threads() > 0 ? config.threads()
        : Math.min(n, Runtime.getRuntime().availableProcessors());
    List<HmcChain> out;
    try {
      out = InProcessRunner.withThreads(Math.max(1, threads)).run("chain", config.seed(), n,
          (seed, c) -> chain(target, config, inits, previous, segment, c));
    } catch (RunInterruptedException e) {
      throw new ProbityException("HMC interrupted");
    } catch (RunTaskException e) {
      throw e.getCause() instanceof RuntimeException re ? re : e;
    }
    return new HmcResult(config, out, segment);
  }

  /** The generator of chain {@code c} in continuation {@code segment} (0: the original run). */
  static UniformRandomProvider generator(long seed, int segment, int c) {
    return segment == 0 ? Rngs.split(seed, c) : Rngs.split(Rngs.childSeed(seed, -segment), c);
  }

  private static HmcChain chain(LogDensityFunction target, HmcConfig config, double[][] inits,
      HmcResult previous, int segment, int c) {
    LogDensityFunction f = target.copy();
    int dim = f.dimension();
    UniformRandomProvider rng = generator(config.seed(), segment, c);
    double[] q0 = inits == null
        ? InitialPoint.random(f, rng, config.initRadius(), InitialPoint.DEFAULT_ATTEMPTS)
        : inits[inits.length == 1 ? 0 : c].clone();
    if (inits != null) {
      InitialPoint.check(f, q0);
    }
    Metric metric = previous != null ? previous.chain(c).metric() : config.metric().identity(dim);
    double stepSize = previous != null ? previous.chain(c).stepSize() : config.stepSize();
    HamiltonianKernel kernel = config.engine() == HmcEngine.NUTS
        ? new Nuts(f, metric, stepSize, config.maxDepth(), config.maxDeltaH(), rng)
        : new StaticHmc(f, metric, stepSize, config.integrationTime(), rng);
    kernel.setStepSizeJitter(config.stepSizeJitter());
    kernel.setPosition(q0);

    List<Transition> warmupTransitions = new ArrayList<>(config.warmup());
    double[][] warmupDraws = new double[config.saveWarmup() ? config.warmup() : 0][];
    if (config.warmup() > 0) {
      Warmup warmup = new Warmup(kernel, config.metric(), config.adaptation(), config.warmup());
      warmup.start();
      for (int i = 0; i < config.warmup(); i++) {
        warmupTransitions.add(warmup.transition());
        if (config.saveWarmup()) {
          warmupDraws[i] = kernel.position();
        }
      }
      warmup.finish();
    }
    List<Transition> transitions = new ArrayList<>(config.draws());
    double[][] draws = new double[config.draws()][];
    for (int i = 0; i < config.draws(); i++) {
      transitions.add(kernel.transition());
      draws[i] = kernel.position();
    }
    return new HmcChain(draws, transitions, warmupDraws, warmupTransitions, kernel.stepSize(),
        kernel.metric(), kernel.integrator().gradientEvaluations());
  }
}
