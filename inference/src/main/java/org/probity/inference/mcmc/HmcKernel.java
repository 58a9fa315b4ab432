package org.probity.inference.mcmc;

import java.util.Arrays;
import java.util.List;
import org.probity.ad.DomainException;
import org.probity.ad.LogDensityFunction;
import org.probity.bijection.OutOfSupportException;
import org.probity.core.InvalidWeightException;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.dist.DistributionException;
import org.probity.dist.Plate;
import org.probity.dist.Uniform;
import org.probity.inference.diagnostics.StanCsv;
import org.probity.inference.hmc.AdaptationConfig;
import org.probity.inference.hmc.DenseMetric;
import org.probity.inference.hmc.DiagonalMetric;
import org.probity.inference.hmc.HamiltonianKernel;
import org.probity.inference.hmc.HmcConfig;
import org.probity.inference.hmc.HmcEngine;
import org.probity.inference.hmc.InitializationException;
import org.probity.inference.hmc.Metric;
import org.probity.inference.hmc.MetricKind;
import org.probity.inference.hmc.Nuts;
import org.probity.inference.hmc.StaticHmc;
import org.probity.inference.hmc.Transition;
import org.probity.inference.hmc.Warmup;
import org.probity.random.Rngs;
import org.probity.random.Xoroshiro128PlusPlus;
import org.probity.trace.Choice;
import org.probity.trace.FixedRun;
import org.probity.trace.LogDensity;
import org.probity.trace.Selection;
import org.probity.trace.StructureChangeException;
import org.probity.trace.Trace;
import org.probity.trace.Values;

/**
 * NUTS or static HMC as a kernel on traces (Stan's samplers, package
 * {@code org.probity.inference.hmc}): one transition moves the selected continuous choices of the
 * trace together, as one point on the unconstrained scale ({@link LogDensity}: each site through
 * the bijection of its support, log-Jacobians included, so simplex, ordered, Cholesky-factor and
 * vector sites move as one block), while every other choice (discrete ones, and continuous ones
 * outside the selection) is held at its value in the current trace. Those held values are re-read
 * from the trace at every transition, so the kernel composes with kernels that move them:
 * {@code Kernels.cycle(HmcKernel.nuts(), Kernels.gibbs("z"))} is NUTS-within-Gibbs.
 *
 * <p>Its randomness is one anonymous sample step per transition (two uniforms that seed the
 * transition's own generator), so it runs under the Sampler like every kernel and a chain is
 * reproducible from its seed. The transition's momenta, tree directions and multinomial choices
 * come from that generator.
 *
 * <p>The kernel a user builds is an immutable template. {@link #forChain} gives a chain its own
 * copy, which keeps the engine's state (the point, step size and metric) between transitions;
 * after {@link #startWarmup}(n) the copy adapts as Stan's warm-up does (step-size search, dual
 * averaging towards the target acceptance statistic, windowed metric estimation, for n of its own
 * transitions), and {@link #endWarmup} fixes the dual-averaged step size. Without
 * {@code startWarmup} (or with n = 0) nothing adapts: the given step size and the identity metric
 * are used. {@code forChain} on an adapted copy gives a frozen copy with the same step size and
 * metric, which is how {@code Mcmc.resume} continues a run. Applying the template itself runs one
 * transition on a fresh, non-adapting copy.
 *
 * <p>A point where the model throws a domain error (a distribution parameter out of range, an
 * invalid weight) has log density negative infinity: the trajectory diverges there, as in Stan.
 * A run whose continuous addresses or their shapes change with the moved values is refused with a
 * {@link StructureChangeException} naming the address.
 */
public final class HmcKernel<A> implements Kernel<A> {
  /** Two uniforms per transition: 106 random bits that seed the transition's generator. */
  private static final Plate SEED = Plate.iid(Uniform.of(0, 1), 2);

  private final Selection selection;
  private final HmcConfig settings;
  private final Chain chain;

  private HmcKernel(Selection selection, HmcConfig settings, Chain chain) {
    if (selection == null || settings == null) {
      throw new IllegalArgumentException("HMC kernel: selection and settings must not be null");
    }
    this.selection = selection;
    this.settings = settings;
    this.chain = chain;
  }

  /**
   * NUTS on every continuous choice, with Stan's defaults (diagonal metric, delta 0.8, depth 10).
   *
   * @param <A> the model's return type
   * @return the kernel
   */
  public static <A> HmcKernel<A> nuts() {
    return nuts(Selection.all());
  }

  /**
   * NUTS on the selected continuous choices, with Stan's defaults.
   *
   * @param <A> the model's return type
   * @param selection the addresses moved (their continuous choices)
   * @return the kernel
   */
  public static <A> HmcKernel<A> nuts(Selection selection) {
    return new HmcKernel<>(selection, HmcConfig.defaults(), null);
  }

  /**
   * Static HMC on the selected continuous choices.
   *
   * @param <A> the model's return type
   * @param selection the addresses moved (their continuous choices)
   * @param integrationTime the integration time (Stan's {@code int_time}; cmdstan's default 2 pi)
   * @return the kernel
   */
  public static <A> HmcKernel<A> staticHmc(Selection selection, double integrationTime) {
    return new HmcKernel<>(selection, HmcConfig.defaults().staticHmc(integrationTime), null);
  }

  /**
   * A Hamiltonian kernel with the engine settings of {@code settings}: engine, maximum depth,
   * divergence threshold, integration time, initial step size, metric kind and adaptation; its
   * chains, warm-up, draws, seed, threads and initialisation settings are not used (the chain
   * runner has its own).
   *
   * @param <A> the model's return type
   * @param selection the addresses moved (their continuous choices)
   * @param settings the engine settings
   * @return the kernel
   */
  public static <A> HmcKernel<A> of(Selection selection, HmcConfig settings) {
    return new HmcKernel<>(selection, settings, null);
  }

  /** The selection of moved addresses. */
  public Selection selection() {
    return selection;
  }

  /** The engine settings (see {@link #of}). */
  public HmcConfig settings() {
    return settings;
  }

  /** With this target acceptance statistic (Stan's {@code adapt delta}, default 0.8). */
  public HmcKernel<A> delta(double delta) {
    return template(settings.delta(delta));
  }

  /** With this maximum tree depth for NUTS (default 10). */
  public HmcKernel<A> maxDepth(int depth) {
    return template(settings.maxDepth(depth));
  }

  /** With this kind of metric (default diagonal). */
  public HmcKernel<A> metric(MetricKind kind) {
    return template(settings.metric(kind));
  }

  /** With this initial step size (default 1; the only one used without warm-up). */
  public HmcKernel<A> stepSize(double stepSize) {
    return template(settings.stepSize(stepSize));
  }

  /** With this step-size jitter (Stan's {@code stepsize_jitter}, default 0; see {@link HmcConfig#stepSizeJitter}). */
  public HmcKernel<A> stepSizeJitter(double jitter) {
    return template(settings.stepSizeJitter(jitter));
  }

  /** With these adaptation settings. */
  public HmcKernel<A> adaptation(AdaptationConfig adaptation) {
    return template(settings.adaptation(adaptation));
  }

  private HmcKernel<A> template(HmcConfig s) {
    if (chain != null) {
      throw new IllegalStateException("change the settings of the kernel you build, not of a chain's copy");
    }
    return new HmcKernel<>(selection, s, null);
  }

  /** Whether this is NUTS (else static HMC). */
  public boolean isNuts() {
    return settings.engine() == HmcEngine.NUTS;
  }

  @Override
  public Kernel<A> forChain() {
    if (chain == null) {
      return new HmcKernel<>(selection, settings, new Chain(this, settings.stepSize(), null));
    }
    Chain c = new Chain(this, chain.stepSize(), chain.metric());
    return new HmcKernel<>(selection, settings, c);
  }

  /**
   * Starts warm-up of a chain's copy for {@code iterations} of its transitions (0: no adaptation);
   * called by the chain runner before the first transition.
   *
   * @throws IllegalStateException on the template, or once the copy has made a transition
   */
  public void startWarmup(int iterations) {
    if (iterations < 0) {
      throw new IllegalArgumentException("warm-up iterations must be >= 0, got " + iterations);
    }
    requireChain("startWarmup");
    chain.startWarmup(iterations);
  }

  @Override
  public void endWarmup() {
    if (chain != null) {
      chain.endWarmup();
    }
  }

  @Override
  public Prob<Trace<A>> apply(Trace<A> trace) {
    Chain c = chain != null ? chain : new Chain(this, settings.stepSize(), null);
    return new Sample<double[], Trace<A>>(null, SEED, u -> new Pure<>(c.transition(trace, seed(u))));
  }

  /**
   * One transition of this chain's copy without building the new trace: the randomness the kernel's
   * program draws ({@code SEED}), then the engine's move. The same chain, bit for bit, as running
   * {@link #apply} under the Sampler; {@link #currentTrace} gives the trace of the point.
   *
   * @param start the chain's trace, read on the first transition only
   * @return whether the point moved
   */
  boolean transitionInPlace(Trace<A> start, org.apache.commons.rng.UniformRandomProvider rng) {
    requireChain("transitionInPlace");
    return chain.transitionInPlace(start, seed(SEED.sample(rng)));
  }

  /** The model's run at this chain's copy's current point, without a trace (null when it cannot be had so). */
  FixedRun<A> currentRun() {
    requireChain("currentRun");
    @SuppressWarnings("unchecked")
    FixedRun<A> r = (FixedRun<A>) chain.currentRun();
    return r;
  }

  /**
   * The choices of this chain's copy's current point by position: without running the model where
   * {@link KeptDraws} applies, else from {@link #currentRun} or the trace.
   */
  Columns.Source currentColumns() {
    requireChain("currentColumns");
    return chain.currentColumns();
  }

  /** The model's output at this chain's copy's current point (without a run where {@link KeptDraws} applies). */
  @SuppressWarnings("unchecked")
  A currentOutput() {
    requireChain("currentOutput");
    return (A) chain.currentOutput();
  }

  /** The number of this chain's copy's draws read by {@link KeptDraws}, without a run of the model (for tests). */
  long drawsWithoutRun() {
    return chain == null || chain.kept == null ? 0 : chain.kept.reads();
  }

  /** The trace of this chain's copy's current point (after {@link #transitionInPlace}). */
  @SuppressWarnings("unchecked")
  Trace<A> currentTrace() {
    requireChain("currentTrace");
    return (Trace<A>) chain.currentTrace();
  }

  private static long seed(double[] u) {
    return Rngs.mix64(Double.doubleToRawLongBits(u[0])) ^ Double.doubleToRawLongBits(u[1]);
  }

  private void requireChain(String what) {
    if (chain == null) {
      throw new IllegalStateException(what + " applies to a chain's copy of the kernel (forChain()), not to the"
          + " template a user builds");
    }
  }

  /** The sampler parameters of this copy's last transition, or null before the first. */
  public Transition lastTransition() {
    return chain == null ? null : chain.last;
  }

  /** The number of transitions this copy has made. */
  public long transitions() {
    return chain == null ? 0 : chain.count;
  }

  /** The step size this copy uses now (adapted, or as given). */
  public double stepSize() {
    return chain == null ? settings.stepSize() : chain.stepSize();
  }

  /** The metric this copy uses now, or null before its first transition when none was inherited. */
  public Metric metric() {
    return chain == null ? null : chain.metric();
  }

  /** Log-density-and-gradient evaluations by this copy's engine so far. */
  public long gradientEvaluations() {
    return chain == null || chain.engine == null ? 0 : chain.engine.integrator().gradientEvaluations();
  }

  /** The log-density view of the current trace (null before the first transition). */
  public LogDensity density() {
    return chain == null ? null : chain.density;
  }

  /**
   * The sampler as a Stan CSV header names it: NUTS with this copy's step size, maximum depth and
   * the diagonal of its inverse metric; static HMC as {@code hmc} with engine {@code static}.
   */
  public StanCsv.Algorithm algorithm() {
    Metric m = metric();
    String kind = settings.metric() == MetricKind.DENSE ? "dense_e" : "diag_e";
    if (isNuts()) {
      return StanCsv.Algorithm.nuts(stepSize(), settings.maxDepth(), kind, diagonal(m));
    }
    return StanCsv.Algorithm.named("hmc", new java.util.LinkedHashMap<>(java.util.Map.of(
        "engine", "static", "int_time", settings.integrationTime(), "metric", kind, "stepsize", stepSize())));
  }

  private static double[] diagonal(Metric m) {
    if (m instanceof DiagonalMetric d) {
      return d.inverseMetric();
    }
    if (m instanceof DenseMetric d) {
      double[][] a = d.inverseMetric();
      double[] out = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i][i];
      }
      return out;
    }
    return new double[0];
  }

  @Override
  public String toString() {
    return (isNuts() ? "NUTS" : "static HMC") + " on " + selection;
  }

  /** One chain's state: the log-density view, the engine at the current point, warm-up. */
  private static final class Chain {
    final HmcKernel<?> kernel;
    final Xoroshiro128PlusPlus rng = new Xoroshiro128PlusPlus(0);
    final Target target = new Target();
    double initialStepSize;
    Metric initialMetric;
    LogDensity density;
    HamiltonianKernel engine;
    Warmup warmup;
    int warmupLength;
    boolean adapting;
    boolean warmupStarted;
    Trace<?> current;
    double[] theta;
    FlatState<?> run; // the flat run of the last point asked for (currentRun)
    boolean runCurrent; // whether run is the run at theta
    int[] positions; // the run's position of each moved site
    LogDensity runDensity; // the view those positions belong to
    KeptDraws kept; // draws without a run, once a run has shown they can be had so (null: run the model)
    LogDensity keptFor; // the view kept was settled for (null: not yet)
    Columns.Source draw; // the current point's choices read by kept (null: not read, or kept does not apply there)
    Transition last;
    long count;

    Chain(HmcKernel<?> kernel, double stepSize, Metric metric) {
      this.kernel = kernel;
      this.initialStepSize = stepSize;
      this.initialMetric = metric;
    }

    double stepSize() {
      return engine != null ? engine.stepSize() : initialStepSize;
    }

    Metric metric() {
      return engine != null ? engine.metric() : initialMetric;
    }

    void startWarmup(int n) {
      if (count > 0) {
        throw new IllegalStateException("startWarmup after the chain's first transition");
      }
      warmupLength = n;
      adapting = n > 0;
    }

    void endWarmup() {
      if (adapting && warmupStarted) {
        warmup.finish();
      }
      adapting = false;
    }

    @SuppressWarnings("unchecked")
    <A> Trace<A> transition(Trace<A> x, long seed) {
      moveTo(x);
      if (!advance(seed)) {
        return x;
      }
      Trace<A> y = (Trace<A>) density.trace(theta);
      current = y;
      return y;
    }

    /**
     * One transition from the engine's point without building the new trace (the chain runner's
     * fast path): the same numbers as {@link #transition}, which builds the trace of the new
     * point; {@link #currentTrace} builds it when asked.
     */
    boolean transitionInPlace(Trace<?> start, long seed) {
      if (theta == null) {
        moveTo(start);
      }
      return advance(seed);
    }

    /**
     * The trace of the engine's point, built from it once (from {@link #currentRun} when it has one,
     * else by {@link LogDensity#trace}).
     */
    Trace<?> currentTrace() {
      if (current == null) {
        FixedRun<?> r = currentRun();
        current = r != null ? r.trace() : density.trace(theta);
      }
      return current;
    }

    // The current point's choices by position: read by KeptDraws where it applies, else from a run.
    Columns.Source currentColumns() {
      Columns.Source d = keptDraw();
      if (d != null) {
        return d;
      }
      FixedRun<?> r = currentRun();
      return r != null ? Columns.Source.of(r) : Columns.Source.of(currentTrace());
    }

    // The model's output at the current point, as currentColumns reads the choices.
    Object currentOutput() {
      if (keptDraw() != null) {
        return kept.output();
      }
      FixedRun<?> r = currentRun();
      return r != null ? r.output() : currentTrace().output();
    }

    // The current point's choices by KeptDraws, or null (then the model is run); the first run of a
    // view is offered to KeptDraws as its template.
    private Columns.Source keptDraw() {
      if (draw != null || current != null || runCurrent) {
        return draw;
      }
      if (keptFor == density) {
        draw = kept == null ? null : kept.at(theta);
        return draw;
      }
      FixedRun<?> r = currentRun();
      if (r != null && runDensity == density) {
        if (!KeptDraws.eligible(r)) {
          keptFor = density;
          kept = null;
        } else if (density.followsRecording(theta)) {
          keptFor = density;
          kept = new KeptDraws(density, positions, r);
        } // else try again at the next draw's run
      }
      return null;
    }

    /**
     * The model's run at the engine's point as a flat run ({@link FixedRun}: the values by position,
     * the output and the sums of a trace, without building one): a re-run of the model with the
     * moved sites' values by position from the last run; the first time, and if a re-run's structure
     * differs, from the trace {@link LogDensity#trace} builds. Null if the moved sites cannot be
     * placed in the run.
     */
    FixedRun<?> currentRun() {
      if (runCurrent) {
        return run.current;
      }
      if (run != null && runDensity == density) {
        Object[] moved = density.constrainedValues(theta);
        Object[] given = new Object[run.current.size()];
        for (int k = 0; k < moved.length; k++) {
          given[positions[k]] = moved[k];
        }
        if (run.moveTo(given)) {
          runCurrent = true;
          return run.current;
        }
      }
      current = density.trace(theta);
      startRun(current);
      runCurrent = run != null;
      return run == null ? null : run.current;
    }

    // The flat run of trace t, with the position of every moved site (none when one is missing).
    private void startRun(Trace<?> t) {
      runDensity = density;
      run = FlatState.of(t);
      FixedRun<?> r = run.current;
      java.util.Map<org.probity.core.Address, Integer> at = new java.util.HashMap<>();
      for (int i = 0; i < r.size(); i++) {
        at.put(r.address(i), i);
      }
      List<LogDensity.Site> sites = density.layout();
      positions = new int[sites.size()];
      for (int k = 0; k < positions.length; k++) {
        Integer i = at.get(sites.get(k).address());
        if (i == null) {
          run = null;
          return;
        }
        positions[k] = i;
      }
    }

    // One transition of the engine from its point; whether the point moved (theta is then the new one).
    private boolean advance(long seed) {
      rng.reseed(seed);
      Transition t;
      if (adapting) {
        if (warmup == null) {
          warmup = new Warmup(engine, kernel.settings.metric(), kernel.settings.adaptation(), warmupLength);
        }
        if (!warmupStarted) {
          warmup.start();
          warmupStarted = true;
        }
        t = warmup.transition();
      } else {
        t = engine.transition();
      }
      last = t;
      count++;
      double[] next = engine.position();
      if (Arrays.equals(next, theta)) {
        return false;
      }
      theta = next;
      current = null;
      runCurrent = false;
      draw = null;
      return true;
    }

    /** Puts the engine at the point of {@code x}, rebuilding the view when the held values changed. */
    private void moveTo(Trace<?> x) {
      if (x == current) {
        return;
      }
      if (density == null || !sameStructure(density, x)) {
        LogDensity next = LogDensity.of(x.program(), x, kernel.selection);
        if (next.dimension() == 0) {
          throw kernel.selection.missing(x, kernel.toString(), "selects no continuous choice");
        }
        if (density != null && next.dimension() != density.dimension()) {
          throw new StructureChangeException(kernel + ": the moved continuous choices changed from "
              + describe(density) + " to " + describe(next) + "; a Hamiltonian kernel needs the same continuous"
              + " addresses and shapes in every state (use MH kernels for models whose continuous structure"
              + " depends on their discrete choices)");
        }
        density = next;
        target.view = next;
        if (engine == null) {
          build(next.dimension());
        }
      }
      theta = density.unconstrain(x);
      try {
        engine.setPosition(theta);
      } catch (InitializationException e) {
        ProbityException p = new ProbityException(kernel + " cannot move from this trace: "
            + Coordinates.failure(density, e));
        p.initCause(e);
        throw p;
      }
      current = x;
      runCurrent = false;
      draw = null;
    }

    private void build(int n) {
      HmcConfig s = kernel.settings;
      Metric m = initialMetric != null ? initialMetric : s.metric().identity(n);
      engine = s.engine() == HmcEngine.NUTS
          ? new Nuts(target, m, initialStepSize, s.maxDepth(), s.maxDeltaH(), rng)
          : new StaticHmc(target, m, initialStepSize, s.integrationTime(), rng);
      engine.setStepSizeJitter(s.stepSizeJitter());
    }

    /** Whether {@code x} holds the same values as the view at its fixed addresses and has the same moved sites. */
    private static boolean sameStructure(LogDensity d, Trace<?> x) {
      List<LogDensity.Site> sites = d.layout();
      if (x.size() != sites.size() + d.fixed().size()) {
        return false;
      }
      for (LogDensity.Site s : sites) {
        Choice c = x.choice(s.address());
        if (c == null || !c.dist().support().equals(s.support())) {
          return false;
        }
      }
      for (java.util.Map.Entry<org.probity.core.Address, Object> e : d.fixed().entrySet()) {
        Choice c = x.choice(e.getKey());
        if (c == null || !Values.same(c.value(), e.getValue())) {
          return false;
        }
      }
      return true;
    }

    private static String describe(LogDensity d) {
      return d.layout().stream().map(s -> s.address() + ":" + s.dimension()).toList().toString();
    }
  }

  /**
   * The engine's target: the current view, with a domain error inside the model (a distribution
   * parameter out of range, a weight that is NaN) read as log density negative infinity, as Stan
   * rejects a point whose log density throws a domain error.
   */
  private static final class Target implements LogDensityFunction {
    LogDensity view;

    @Override
    public int dimension() {
      return view.dimension();
    }

    @Override
    public double logDensity(double[] theta) {
      try {
        double lp = view.logDensity(theta);
        return Double.isNaN(lp) ? Double.NEGATIVE_INFINITY : lp;
      } catch (DistributionException | DomainException | OutOfSupportException | InvalidWeightException e) {
        return Double.NEGATIVE_INFINITY;
      }
    }

    @Override
    public double logDensityAndGradient(double[] theta, double[] gradient) {
      try {
        double lp = view.logDensityAndGradient(theta, gradient);
        return Double.isNaN(lp) ? Double.NEGATIVE_INFINITY : lp;
      } catch (DistributionException | DomainException | OutOfSupportException | InvalidWeightException e) {
        return Double.NEGATIVE_INFINITY;
      }
    }
  }
}
