package org.probity.inference.mcmc;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.ZeroWeightException;
import org.probity.dist.ImproperPriorException;
import org.probity.inference.hmc.Transition;
import org.probity.random.Rngs;
import org.probity.run.InProcessRunner;
import org.probity.run.RunInterruptedException;
import org.probity.run.RunTaskException;
import org.probity.run.Runner;
import org.probity.semantics.Sampler;
import org.probity.trace.Choice;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * Runs several MCMC chains of a kernel on a model, in parallel and reproducibly: chain c uses the
 * generator split from (seed, c) ({@link Rngs#split}) for its start and every kernel step, so the
 * draws are bit-identical whatever the number of threads. Warm-up iterations are discarded
 * (adaptive kernels adapt during them and are then frozen); every {@code thin}-th iteration after
 * them is kept. The result holds the draws per address, the program's return values, and the
 * sampler statistics of every draw ({@link McmcResult}).
 *
 * <p><b>Default sampler.</b> {@link #run(Prob, long)} chooses the kernel from the model
 * ({@link #defaultKernel}): NUTS ({@link HmcKernel#nuts()}, Stan's defaults) when every choice is
 * continuous; single-site MH ({@link Kernels#mh()}), which is valid for every program, when there
 * are discrete choices (for a model with a fixed set of continuous addresses and finite discrete
 * ones, NUTS-within-Gibbs, {@code Kernels.cycle(HmcKernel.nuts(Selection...), Kernels.gibbs(...))},
 * usually mixes far better).
 *
 * <p><b>Starting points.</b> A kernel with a Hamiltonian part starts from Stan's rule (every
 * continuous choice uniform on (-2, 2) on its unconstrained scale, discrete ones from their
 * distributions, retried up to 100 times until the log density and its gradient are finite; the
 * error names the address and the term when none is found), so improper {@code flat()} priors are
 * fine; other kernels start from a draw of the prior (retried until its density is positive),
 * which an improper prior refuses with an error naming its address. Initial values given by
 * address ({@link McmcConfig#inits}) are used instead of either rule for their sites.
 *
 * <p><b>Failure and interruption.</b> When a chain throws, the other chains are cancelled and a
 * {@link McmcChainException} naming the chain, the phase and the iteration surfaces at once; when
 * the calling thread is interrupted, the chains stop at their next iteration and
 * {@link McmcInterruptedException} is thrown. {@link #resume} continues a finished run.
 */
public final class Mcmc {
  private Mcmc() {
  }

  /**
   * Runs the default sampler for the model ({@link #defaultKernel}) with the default settings (4
   * chains, 1000 warm-up iterations, 1000 draws, in parallel) and the given seed.
   *
   * @param <A> the model's return type
   * @param model the model
   * @param seed the seed (chain c uses the generator split from (seed, c))
   * @return the draws, statistics and return values of every chain
   * @throws McmcChainException when a chain fails (its exception is the cause)
   */
  public static <A> McmcResult<A> run(Prob<A> model, long seed) {
    return run(model, McmcConfig.defaults().seed(seed));
  }

  /**
   * Runs the default sampler for the model ({@link #defaultKernel}) with the given settings.
   *
   * @param <A> the model's return type
   * @param model the model
   * @param config the settings
   * @return the result
   * @throws McmcChainException when a chain fails (its exception is the cause)
   */
  public static <A> McmcResult<A> run(Prob<A> model, McmcConfig config) {
    return run(model, defaultKernel(model), config);
  }

  /**
   * Runs the chains with the default settings (4 chains, 1000 warm-up, 1000 draws) and the given seed.
   *
   * @param <A> the model's return type
   * @param model the model
   * @param kernel the kernel (each chain uses its own {@link Kernel#forChain} copy)
   * @param seed the seed
   * @return the result
   * @throws McmcChainException when a chain fails (its exception is the cause)
   */
  public static <A> McmcResult<A> run(Prob<A> model, Kernel<A> kernel, long seed) {
    return run(model, kernel, McmcConfig.defaults().seed(seed));
  }

  /**
   * Runs the chains with the given settings.
   *
   * @param <A> the model's return type
   * @param model the model
   * @param kernel the kernel (each chain uses its own {@link Kernel#forChain} copy)
   * @param config the settings
   * @return the result
   * @throws McmcChainException when a chain fails (its exception is the cause)
   * @throws McmcInterruptedException when the calling thread is interrupted
   */
  public static <A> McmcResult<A> run(Prob<A> model, Kernel<A> kernel, McmcConfig config) {
    return run(model, kernel, config, defaultRunner(config));
  }

  /**
   * Runs the chains with the given settings on the given runner: chain c is task c of
   * {@code runner.run("chain", config.seed(), config.chains(), ...)}, so the draws are those of
   * {@link #run(Prob, Kernel, McmcConfig)} bit for bit whatever the runner ({@code config.threads()}
   * is then the runner's business). A runner that ships tasks to other JVMs refuses these (a
   * {@code Prob} does not serialize); the {@code spark} module's {@code Chains} ships a model factory
   * instead.
   *
   * @param <A> the model's return type
   * @param model the model
   * @param kernel the kernel (each chain uses its own {@link Kernel#forChain} copy)
   * @param config the settings
   * @param runner where the chains run
   * @return the result
   * @throws McmcChainException when a chain fails (its exception is the cause)
   * @throws McmcInterruptedException when the calling thread is interrupted
   */
  public static <A> McmcResult<A> run(Prob<A> model, Kernel<A> kernel, McmcConfig config, Runner runner) {
    return runChains(model, kernel, null, null, config, 0, runner);
  }

  /**
   * Continues a finished run for {@code draws} more draws per chain, without warm-up: each chain
   * starts at its last trace with its own copy of its kernel ({@link Kernel#forChain} of the
   * chain's kernel, so NUTS keeps its adapted step size and metric), on the generators of
   * continuation k = {@code previous.segment() + 1} (split from (childSeed(seed, -k), c)), so it
   * does not reuse the random numbers of the run it continues.
   *
   * @param <A> the model's return type
   * @param previous the finished run
   * @param draws the number of further draws per chain
   * @return the continuation (its {@link McmcResult#segment()} is one more than the previous one's)
   */
  public static <A> McmcResult<A> resume(McmcResult<A> previous, int draws) {
    McmcConfig config = previous.config().warmup(0).samples(draws);
    return runChains(previous.model(), previous.kernel(), previous.chainKernels(), previous.lastTraces(), config,
        previous.segment() + 1, defaultRunner(config));
  }

  /**
   * The kernel {@link #run(Prob, long)} uses: NUTS on every continuous choice when the model's
   * choices are all continuous, else single-site MH over every address. The model is run once to
   * see its choices (continuous ones set by Stan's initialisation rule, never drawn from their
   * prior, discrete ones drawn from theirs).
   *
   * @param <A> the model's return type
   * @param model the model
   * @return {@link HmcKernel#nuts()} or {@link Kernels#mh()}
   */
  public static <A> Kernel<A> defaultKernel(Prob<A> model) {
    Trace<A> probe = probe(model);
    boolean continuous = probe.size() > 0;
    for (Choice c : probe.ordered()) {
      continuous &= !c.dist().support().isDiscrete();
    }
    return continuous ? HmcKernel.nuts() : Kernels.mh();
  }

  private static <A> Trace<A> probe(Prob<A> model) {
    UniformRandomProvider rng = Rngs.of(0);
    RuntimeException last = null;
    for (int i = 0; i < 100; i++) {
      try {
        return UnconstrainedInit.run(model, rng, Map.of(), 2.0);
      } catch (McmcInitializationException e) {
        throw e;
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw last;
  }

  /**
   * A starting trace of positive density: prior draws, at most {@code attempts} of them; when all
   * have zero density, a {@link ZeroWeightException} naming the site where the last one became zero.
   *
   * @param model the model
   * @param rng the random source
   * @param attempts the maximum number of prior draws, at least 1
   * @param <A> the model's result type
   * @return a trace of positive density
   * @throws ZeroWeightException if every attempt had zero density
   */
  public static <A> Trace<A> initialise(Prob<A> model, UniformRandomProvider rng, int attempts) {
    return initialise(model, rng, Map.of(), attempts);
  }

  /**
   * A starting trace of positive density with the given values at their addresses and the other
   * choices drawn from the prior, at most {@code attempts} tries; an improper prior is refused
   * with an error naming its address.
   *
   * @param model the model
   * @param rng the random source
   * @param given values for some addresses, on the constrained scale
   * @param attempts the maximum number of tries, at least 1
   * @param <A> the model's result type
   * @return a trace of positive density holding the given values
   * @throws ZeroWeightException if every attempt had zero density
   */
  public static <A> Trace<A> initialise(Prob<A> model, UniformRandomProvider rng, Map<Address, Object> given,
      int attempts) {
    Trace<A> t = null;
    Map<Address, Object> constraints = new LinkedHashMap<>();
    for (int i = 0; i < attempts; i++) {
      try {
        if (given.isEmpty()) {
          t = Traces.sample(model, rng);
        } else {
          if (constraints.isEmpty()) {
            constraints.putAll(checkedGiven(model, given));
          }
          t = Traces.generate(model, constraints, rng).trace();
        }
      } catch (ImproperPriorException e) {
        Trace<A> shape = UnconstrainedInit.run(model, Rngs.of(0), Map.of(), 2.0);
        throw new McmcInitializationException("this kernel starts from a draw of the prior, but the model has an"
            + " improper prior at " + UnconstrainedInit.improper(shape, Rngs.of(0)) + " (" + e.getMessage() + ")."
            + " Use NUTS (HmcKernel.nuts(), Mcmc.run's default for continuous models), which starts from Stan's"
            + " uniform rule on the unconstrained scale, or give initial values for those addresses"
            + " (McmcConfig.inits) with a kernel that never proposes from the prior (a random walk)");
      }
      if (t.logJoint() > Double.NEGATIVE_INFINITY) {
        return t;
      }
    }
    throw new ZeroWeightException("MCMC found no starting point of positive density in " + attempts
        + " draws from the prior" + (given.isEmpty() ? "" : " (given values at " + given.keySet() + ")")
        + "; the last one had zero density at " + t.zeroSite());
  }

  /** The given values converted to the types of their sites, each checked against its distribution. */
  private static Map<Address, Object> checkedGiven(Prob<?> model, Map<Address, Object> given) {
    Trace<?> shape = UnconstrainedInit.run(model, Rngs.of(0), given, 2.0);
    Map<Address, Object> out = new LinkedHashMap<>();
    for (Map.Entry<Address, Object> e : given.entrySet()) {
      out.put(e.getKey(), shape.value(e.getKey()));
    }
    return out;
  }

  /** One chain's kept draws (flattened), return values and statistics. */
  record ChainOutput<A>(DrawTable draws, List<A> outputs, double[] lp, double[] accept,
      double[][] hmcStats, List<Transition> transitions, Trace<A> last, Kernel<A> kernel, long moves, long steps,
      long gradients, List<KernelStats.Counts> partCounts, List<KernelStats.Counts> partWarmup) {
  }

  private static <A> McmcResult<A> runChains(Prob<A> model, Kernel<A> kernel, List<Kernel<A>> previousKernels,
      List<Trace<A>> starts, McmcConfig config, int segment, Runner runner) {
    int n = config.chains();
    if (previousKernels != null && previousKernels.size() != n) {
      throw new IllegalArgumentException(previousKernels.size() + " chain kernels for " + n + " chains");
    }
    if (starts == null) {
      config.initsFor(0); // refuses per-chain initial values for another number of chains, before any chain runs
    }
    long total = (long) n * (config.warmup() + (long) config.samples() * config.thin());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    List<ChainOutput<A>> outs;
    try (RunProgress progress = new RunProgress("mcmc (" + n + (n == 1 ? " chain" : " chains") + ")", total,
        config.progress())) {
      outs = runner.run("chain", config.seed(), n, (seed, c) -> {
        try {
          return chain(model, kernel, previousKernels, starts, config, segment, c, progress, stop);
        } catch (McmcChainException e) {
          failure.compareAndSet(null, e); // the first real failure, not a chain stopped because of it
          stop.set(true);
          throw e;
        }
      });
    } catch (RunInterruptedException e) {
      stop.set(true);
      throw new McmcInterruptedException("MCMC interrupted: the chains were stopped");
    } catch (RunTaskException e) {
      stop.set(true);
      if (failure.get() != null) {
        throw failure.get();
      }
      throw e.getCause() instanceof RuntimeException re ? re : e;
    }
    return McmcResult.of(model, kernel, outs, config, segment);
  }

  /** The runner of {@link #run(Prob, Kernel, McmcConfig)}: {@code config.threads()} threads, else one per chain up to the cores. */
  private static Runner defaultRunner(McmcConfig config) {
    int n = config.chains();
    int threads = config.threads() > 0 ? config.threads() : Math.min(n, Runtime.getRuntime().availableProcessors());
    return InProcessRunner.withThreads(Math.max(1, threads));
  }

  /** The generator of chain {@code c} in continuation {@code segment} (0: the original run). */
  static UniformRandomProvider generator(long seed, int segment, int c) {
    return segment == 0 ? Rngs.split(seed, c) : Rngs.split(Rngs.childSeed(seed, -segment), c);
  }

  /** Why a chain stopped early: another chain failed, or the caller was interrupted. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("stopped", null, false, false);
    }
  }

  private static <A> ChainOutput<A> chain(Prob<A> model, Kernel<A> template, List<Kernel<A>> previousKernels,
      List<Trace<A>> starts, McmcConfig cfg, int segment, int c, RunProgress progress, AtomicBoolean stop) {
    // where the chain is, for the error message: -1 initialisation, else the iteration (warm-up first)
    long iteration = -1;
    try {
      UniformRandomProvider rng = generator(cfg.seed(), segment, c);
      Kernel<A> kernel = (previousKernels != null ? previousKernels.get(c) : template).forChain();
      List<HmcKernel<A>> hamiltonian = hamiltonianParts(kernel, cfg.warmup());
      Trace<A> t;
      if (starts != null) {
        t = starts.get(c);
      } else if (hamiltonian.isEmpty()) {
        t = initialise(model, rng, cfg.initsFor(c), cfg.maxInitAttempts());
      } else {
        t = UnconstrainedInit.find(model, rng, cfg.initsFor(c), cfg.initRadius(), cfg.maxInitAttempts());
      }
      for (Kernel<A> part : kernel.parts()) {
        part.validate(t); // a selection or address that matches nothing fails here, not as a frozen chain
      }
      HmcKernel<A> statsPart = hamiltonian.isEmpty() ? null : hamiltonian.get(hamiltonian.size() - 1);
      boolean hamiltonianAlone = statsPart != null && kernel.parts().size() == 1;
      Chain<A> chain = Chain.of(kernel, t); // takes the fixed-structure fast path where it can
      for (int i = 0; i < cfg.warmup(); i++) {
        iteration = i;
        checkStop(stop);
        chain.step(rng);
        progress.advance();
      }
      kernel.endWarmup();
      int samples = cfg.samples();
      DrawTable draws = new DrawTable(samples);
      List<A> outputs = new ArrayList<>(samples);
      double[] lp = new double[samples];
      double[] acc = new double[samples];
      double[][] stats = statsPart == null ? null : new double[samples][];
      List<Transition> transitions = new ArrayList<>(statsPart == null ? 0 : samples);
      long seen = statsPart == null ? 0 : statsPart.transitions();
      long moves = 0;
      for (int d = 0; d < samples; d++) {
        int moved = 0;
        for (int k = 0; k < cfg.thin(); k++) {
          iteration = cfg.warmup() + (long) d * cfg.thin() + k;
          checkStop(stop);
          if (chain.step(rng)) {
            moved++;
          }
          progress.advance();
        }
        moves += moved;
        A output = chain.output();
        if (!chain.addDraw(draws)) {
          draws.add(chain.columns(), output);
        }
        outputs.add(output);
        acc[d] = moved / (double) cfg.thin();
        Transition tr = null;
        if (statsPart != null) {
          tr = statsPart.transitions() > seen ? statsPart.lastTransition() : null;
          seen = statsPart.transitions();
          transitions.add(tr);
          stats[d] = statsOf(tr, statsPart);
          if (tr != null) {
            acc[d] = tr.acceptStat();
          }
        }
        // lp__: a Hamiltonian kernel alone reports the log density it samples at the draw (Stan's
        // lp__, log-Jacobian included); every other kernel the log joint density of the draw
        lp[d] = tr != null && hamiltonianAlone ? tr.logDensity() : chain.logJoint();
      }
      long gradients = 0;
      for (HmcKernel<A> h : hamiltonian) {
        gradients += h.gradientEvaluations();
      }
      List<KernelStats.Counts> partCounts = new ArrayList<>();
      List<KernelStats.Counts> partWarmup = new ArrayList<>();
      for (Kernel<A> part : kernel.parts()) {
        KernelStats ks = part.stats();
        partCounts.add(ks == null ? null : ks.current());
        partWarmup.add(ks == null ? null : ks.warmup());
      }
      return new ChainOutput<>(draws, outputs, lp, acc, stats, transitions, chain.trace(), kernel, moves,
          (long) samples * cfg.thin(), gradients, partCounts, partWarmup);
    } catch (Stopped | McmcInterruptedException s) {
      throw s;
    } catch (RuntimeException e) {
      String where = iteration < 0 ? "at initialisation" : iteration < cfg.warmup()
          ? "in warm-up iteration " + (iteration + 1) : "in sampling iteration " + (iteration - cfg.warmup() + 1);
      throw new McmcChainException(c, where, cfg.chains(), e);
    }
  }

  private static void checkStop(AtomicBoolean stop) {
    if (stop.get() || Thread.currentThread().isInterrupted()) {
      if (!stop.get()) {
        // The caller's own thread (one-thread runs): report the interruption, keep the status.
        throw new McmcInterruptedException("MCMC interrupted: the chains were stopped");
      }
      throw new Stopped();
    }
  }

  /** stepsize__, treedepth__, n_leapfrog__, divergent__, energy__ (static HMC: stepsize__, int_time__, energy__). */
  private static double[] statsOf(Transition t, HmcKernel<?> k) {
    if (k.isNuts()) {
      return t == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}
          : new double[] {t.stepSize(), t.treeDepth(), t.nLeapfrog(), t.divergent() ? 1 : 0, t.energy()};
    }
    return t == null ? new double[] {Double.NaN, Double.NaN, Double.NaN}
        : new double[] {t.stepSize(), k.settings().integrationTime(), t.energy()};
  }

  /**
   * The kernel's Hamiltonian parts, each told its warm-up length: the chain's warm-up times the
   * number of times it occurs in the kernel (a part repeated k times per iteration makes k
   * transitions per iteration).
   */
  @SuppressWarnings("unchecked")
  private static <A> List<HmcKernel<A>> hamiltonianParts(Kernel<A> kernel, int warmup) {
    Map<HmcKernel<A>, Integer> count = new IdentityHashMap<>();
    List<HmcKernel<A>> order = new ArrayList<>();
    for (Kernel<A> k : kernel.parts()) {
      if (k instanceof HmcKernel<A> h) {
        if (count.merge(h, 1, Integer::sum) == 1) {
          order.add(h);
        }
      }
    }
    for (HmcKernel<A> h : order) {
      h.startWarmup(warmup * count.get(h));
    }
    return order;
  }
}
