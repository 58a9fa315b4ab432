package org.probity.inference.smc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Combinators;
import org.probity.core.Observe;
import org.probity.core.InvalidWeightException;
import org.probity.core.Cont;
import org.probity.core.Compiled;
import org.probity.core.Defer;
import org.probity.core.Independent;
import org.probity.core.Weighted;
import org.probity.random.Rngs;
import org.probity.dist.Distribution;
import org.probity.random.Xoroshiro128PlusPlus;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.StateSpace;

/**
 * A weighted population of suspended programs, monad-bayes' {@code Population} (Scibior, Kammar
 * and Ghahramani, ICFP 2018): particles with log weights plus the running log evidence that
 * normalisation has pushed out of them. The unnormalised measure it represents is
 * exp(logEvidence) * (1/n) * sum_i exp(logWeight_i) * delta(particle_i), so the evidence
 * estimate is exp(logEvidence) times the mean particle weight; {@link #pushEvidence} and
 * resampling leave that measure's expectation unchanged, which is why SMC's evidence estimate is
 * unbiased (Del Moral, 2004).
 *
 * <p>Every operation is a value-level function or a program ({@code Prob<Population>}) whose
 * randomness (particle moves, resampling draws) is made of {@code sample} nodes, so sequential
 * Monte Carlo is built by composing them (see {@link Smc}).
 *
 * @param <A> the programs' result type
 */
public final class Population<A> {
  /**
   * Particles per part of a step's independent product: the particles of one block advance in
   * sequence on one generator split from (seed, block index). Seeding a generator per particle
   * was a fifth of a step; per block of 64 it is nothing, and the result still depends only on
   * the seed and the population size, never on the number of threads.
   */
  static final int BLOCK = 64;
  /** The fewest blocks one parallel task advances (1024 particles); smaller populations advance in sequence. */
  private static final int MIN_CHUNK_BLOCKS = 16;
  /**
   * The least work, in estimated nanoseconds, worth one parallel task. Waking a ForkJoin worker
   * and moving the particles' data between cores' caches cost more than a cheap model's step: a
   * state-space HMM step of 10^4 particles (about 150 us) ran 10% slower on two cores than on one.
   */
  private static final double MIN_TASK_NANOS = 250_000;

  /** The particles (null while the population is {@link Flat}: see {@link #ps()}). */
  private final Particle<A>[] particles;
  /**
   * A state-space population's particles as their states alone (null: the generic
   * representation). Flat or not, the population means the same particles.
   */
  private final Flat flat;
  private final int n;
  private volatile Materialized<A> materialized; // the particles of a flat population, built once when asked
  /**
   * The particles' log weights, when the population keeps them in an array (null: each particle's
   * record holds its weight). The array is authoritative: after resampling the selected ancestors
   * are shared, not copied with weight 0, and after a compiled step the weights are read from one
   * contiguous array rather than from ten thousand scattered records. {@link #particle} gives the
   * view with the array's weight.
   */
  private final double[] logWeights;
  private final double logEvidence;
  private final int step;
  /**
   * Nanoseconds per particle of the last step measured in sequence (NaN: none yet), to decide
   * whether the next step is worth running in parallel. Only scheduling depends on it, never a
   * result; a racy read gives a stale or zero estimate, which only means a sequential step.
   */
  private double nanosPerParticle = Double.NaN;
  private byte finished; // 0 unknown, 1 no, 2 yes: computed once (populations are immutable)
  private Weights weights; // computed once (null: not yet); a record, so safely published

  /** exp(logWeight_i - max) for every particle, the max and the sum of the exponentials. */
  private record Weights(double[] relative, double max, double sum) {
  }

  /**
   * Every particle between the same two steps of one {@link StateSpace} model (the same model,
   * observations and time, given by {@code cursor}) with the same continuation stack, so that only
   * the states differ: particle i is {@code Defer(cursor.withState(states[i]))} on {@code stack},
   * unless it died, when it is {@code dead[i]} (its weight is then zero). Advancing such a
   * population reads and writes arrays of states instead of following each particle's objects.
   */
  private record Flat(StateSpace.Step<?, ?> cursor, Cont stack, Object[] states, Particle<?>[] dead, double[] zeros) {
    /** n zero log weights, shared along a run (never written, like every weight array here). */
    double[] zeros(int n) {
      return zeros != null && zeros.length == n ? zeros : new double[n];
    }
  }

  /** The materialised particles of a flat population (a record: safely published). */
  private record Materialized<A>(Particle<A>[] particles) {
  }

  private Population(Particle<A>[] particles, double logEvidence, int step) {
    this(particles, null, logEvidence, step);
  }

  private Population(Particle<A>[] particles, double[] logWeights, double logEvidence, int step) {
    this.particles = particles;
    this.flat = null;
    this.n = particles.length;
    this.logWeights = logWeights;
    this.logEvidence = logEvidence;
    this.step = step;
  }

  private Population(Flat flat, double[] logWeights, double logEvidence, int step) {
    this.particles = null;
    this.flat = flat;
    this.n = flat.states().length;
    this.logWeights = logWeights;
    this.logEvidence = logEvidence;
    this.step = step;
  }

  /** The particles, materialised once if the population is flat. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Particle<A>[] ps() {
    if (particles != null) {
      return particles;
    }
    Materialized<A> m = materialized;
    if (m == null) {
      Particle<A>[] out = new Particle[n];
      for (int i = 0; i < n; i++) {
        out[i] = flatParticle(i);
      }
      m = new Materialized<>(out);
      materialized = m;
    }
    return m.particles();
  }

  /** Particle i of a flat population, with its weight. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Particle<A> flatParticle(int i) {
    if (flat.dead() != null && flat.dead()[i] != null) {
      return ((Particle<A>) flat.dead()[i]).withLogWeight(logWeights[i]);
    }
    StateSpace.Step cursor = flat.cursor();
    return new Particle<>(new Defer<>(cursor.withState(flat.states()[i])), flat.stack(), logWeights[i], null);
  }

  /** n particles about to run {@code model}, each with weight 1 (monad-bayes' {@code spawn}). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <A> Population<A> spawn(Prob<A> model, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a population needs at least 1 particle, got " + n);
    }
    if (model instanceof Defer<A> d && d.thunk() instanceof StateSpace.Step<?, ?> st && st.time() == 0) {
      // a state-space model from its start: every particle is the first step, from no state
      double[] zeros = new double[n];
      return new Population<>(new Flat(st, null, new Object[n], null, zeros), zeros, 0.0, 0);
    }
    Particle<A>[] ps = new Particle[n];
    Arrays.fill(ps, Particle.start(model));
    return new Population<>(ps, 0.0, 0);
  }

  /** A population of the given particles (in order), running log evidence and step count. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <A> Population<A> of(List<Particle<A>> particles, double logEvidence, int step) {
    if (particles.isEmpty()) {
      throw new IllegalArgumentException("a population needs at least 1 particle");
    }
    if (Double.isNaN(logEvidence) || logEvidence == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("population log evidence must be a number below +Infinity, got " + logEvidence);
    }
    return new Population<>(particles.toArray(new Particle[0]), logEvidence, step);
  }

  /** Each particle replaced by {@code copies} copies with the same weight (the evidence estimate is unchanged). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Population<A> spawn(int copies) {
    if (copies < 1) {
      throw new IllegalArgumentException("spawn: copies must be at least 1, got " + copies);
    }
    if (flat != null) {
      Object[] states = new Object[n * copies];
      Particle<?>[] dead = flat.dead() == null ? null : new Particle<?>[n * copies];
      double[] lw = new double[n * copies];
      for (int i = 0; i < states.length; i++) {
        states[i] = flat.states()[i / copies];
        lw[i] = logWeights[i / copies];
        if (dead != null) {
          dead[i] = flat.dead()[i / copies];
        }
      }
      return new Population<>(new Flat(flat.cursor(), flat.stack(), states, dead, null), lw, logEvidence, step);
    }
    Particle<A>[] ps = new Particle[particles.length * copies];
    double[] lw = logWeights == null ? null : new double[ps.length];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = particles[i / copies];
      if (lw != null) {
        lw[i] = logWeights[i / copies];
      }
    }
    return new Population<>(ps, lw, logEvidence, step);
  }

  /** Whether the particles are held as the states of one state-space model (for tests). */
  boolean isFlat() {
    return flat != null;
  }

  /** Number of particles. */
  public int size() {
    return n;
  }

  /** The particles (unmodifiable). */
  public List<Particle<A>> particles() {
    if (flat != null) {
      return Collections.unmodifiableList(Arrays.asList(ps()));
    }
    if (logWeights == null) {
      return Collections.unmodifiableList(Arrays.asList(particles));
    }
    List<Particle<A>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(particle(i));
    }
    return Collections.unmodifiableList(out);
  }

  /** Particle i. */
  public Particle<A> particle(int i) {
    if (flat != null) {
      Materialized<A> m = materialized;
      return m != null ? m.particles()[i] : flatParticle(i);
    }
    return logWeights == null ? particles[i] : particles[i].withLogWeight(logWeights[i]);
  }

  private double logWeight(int i) {
    return logWeights == null ? particles[i].logWeight() : logWeights[i];
  }

  /** The log evidence pushed out of the particle weights so far. */
  public double logEvidence() {
    return logEvidence;
  }

  /** How many times the population has been advanced. */
  public int step() {
    return step;
  }

  /** The particles' log weights (a copy). */
  public double[] logWeights() {
    double[] w = new double[n];
    for (int i = 0; i < w.length; i++) {
      w[i] = logWeight(i);
    }
    return w;
  }

  /** Whether every particle has finished its program or has zero weight. */
  public boolean finished() {
    if (finished == 0) {
      // a flat population's live particles stand between two steps: it has finished only if all are dead
      boolean all = flat != null ? dead() : true;
      for (int i = 0; flat == null && i < n; i++) {
        if (logWeight(i) != Double.NEGATIVE_INFINITY && !particles[i].finished()) {
          all = false;
          break;
        }
      }
      finished = all ? (byte) 2 : (byte) 1;
    }
    return finished == 2;
  }

  /** Whether every particle has zero weight (the evidence estimate is then 0). */
  public boolean dead() {
    for (int i = 0; i < n; i++) {
      if (logWeight(i) != Double.NEGATIVE_INFINITY) {
        return false;
      }
    }
    return true;
  }

  /**
   * exp(logWeight_i - max_j logWeight_j) for every particle, computed once per population (each
   * exponential once, however many of logMeanWeight, ess, resample and user code ask).
   */
  private Weights weights() {
    Weights c = weights;
    if (c == null) {
      double[] lw = logWeights == null ? logWeights() : logWeights;
      // weights are never NaN (Particle rejects it), so a comparison is a max (Math.max's NaN and
      // -0.0 handling cost a third of this method)
      double m = Double.NEGATIVE_INFINITY;
      for (double x : lw) {
        if (x > m) {
          m = x;
        }
      }
      double[] r = new double[lw.length];
      double s = 0;
      if (m != Double.NEGATIVE_INFINITY) {
        for (int i = 0; i < r.length; i++) {
          double e = Math.exp(lw[i] - m);
          r[i] = e;
          s += e;
        }
      }
      c = new Weights(r, m, s);
      weights = c;
    }
    return c;
  }

  /** The normalised weights (summing to 1; all 0 when every particle has zero weight). */
  public double[] normalisedWeights() {
    Weights c = weights();
    double[] w = new double[c.relative().length];
    if (c.sum() > 0) {
      for (int i = 0; i < w.length; i++) {
        w[i] = c.relative()[i] / c.sum();
      }
    }
    return w;
  }

  /**
   * The self-normalised estimate sum_i w_i f(particle_i) / sum_i w_i over the current weights
   * (NaN when every weight is zero), without copying the weights or the particles.
   */
  public double expectation(ToDoubleFunction<? super Particle<A>> f) {
    return weightedMean(i -> f.applyAsDouble(particle(i)));
  }

  /** sum_i w_i g(i) / sum_i w_i, skipping zero weights; NaN when all are zero. */
  private double weightedMean(IntToDoubleFunction g) {
    Weights c = weights();
    if (c.sum() == 0) {
      return Double.NaN;
    }
    double[] r = c.relative();
    double s = 0;
    for (int i = 0; i < r.length; i++) {
      if (r[i] != 0) {
        s += r[i] * g.applyAsDouble(i);
      }
    }
    return s / c.sum();
  }

  /**
   * For a population of a state-space model ({@link StateSpace}) after step t: the filtering
   * expectation E[f(z_{t-1}) | y_0..y_{t-1}] estimated from the weighted particles' current states.
   * After the last step the particles have finished and f is applied to their programs' results:
   * the final state when the state-space program is the whole model, but the mapped value if its
   * result was mapped (use {@link #expectation} or {@link SmcResult#expectation} then). NaN when
   * every weight is zero.
   *
   * @throws IllegalArgumentException if a particle with positive weight is not between two steps
   *     of a state-space model
   */
  @SuppressWarnings("unchecked")
  public <S> double filteringExpectation(ToDoubleFunction<? super S> f) {
    if (flat != null) {
      if (flat.cursor().time() == 0) {
        throw new IllegalArgumentException("filteringExpectation: the state-space model has not taken its first step");
      }
      Object[] states = flat.states();
      return weightedMean(i -> f.applyAsDouble((S) states[i]));
    }
    Particle<A>[] ps = particles;
    return weightedMean(i -> f.applyAsDouble((S) StateSpace.stateOf(ps[i].node())));
  }

  /** Log of the mean particle weight (negative infinity when all are zero). */
  public double logMeanWeight() {
    Weights c = weights();
    if (c.max() == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    return c.max() + Math.log(c.sum() / n);
  }

  /** The estimate of the log evidence: running log evidence plus log mean weight. */
  public double logEvidenceEstimate() {
    return logEvidence + logMeanWeight();
  }

  /** Kish's effective sample size (sum w)^2 / sum w^2; 0 when every weight is zero. */
  public double ess() {
    Weights c = weights();
    if (c.sum() == 0) {
      return 0.0;
    }
    double s2 = 0;
    for (double w : c.relative()) {
      s2 += w * w;
    }
    return c.sum() * c.sum() / s2;
  }

  /**
   * Normalisation: moves the mean weight into the running log evidence, leaving particle weights
   * with mean 1 (monad-bayes' {@code pushEvidence}). A population whose weights are all zero gets
   * log evidence negative infinity and keeps its particles, so the error can name where they died.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Population<A> pushEvidence() {
    double lm = logMeanWeight();
    if (lm == 0.0) {
      return this;
    }
    if (flat != null) {
      if (lm == Double.NEGATIVE_INFINITY) {
        return new Population<>(flat, logWeights, Double.NEGATIVE_INFINITY, step);
      }
      double[] lw = new double[n];
      for (int i = 0; i < n; i++) {
        lw[i] = logWeights[i] - lm;
      }
      return timed(new Population<>(flat, lw, logEvidence + lm, step));
    }
    if (lm == Double.NEGATIVE_INFINITY) {
      return new Population<>(particles, Double.NEGATIVE_INFINITY, step);
    }
    Particle<A>[] ps = new Particle[particles.length];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = particles[i].withLogWeight(logWeight(i) - lm);
    }
    return timed(new Population<>(ps, logEvidence + lm, step));
  }

  /** One SMC step: every particle runs, independently and in parallel, to its next suspension. */
  public Prob<Population<A>> advance() {
    return advance(null);
  }

  /** One SMC step drawing the particles' choices from {@code proposal} (null for their priors). */
  public Prob<Population<A>> advance(Proposal proposal) {
    int next = step + 1;
    double le = logEvidence;
    // The meaning is built only by interpreters that need it (not by the Sampler's compiled path).
    Prob<Population<A>> meaning = new Defer<>(() -> blocks(i -> Sequential.advance(particle(i), proposal, next), le, next));
    if (proposal != null) {
      return meaning;
    }
    if (flat != null && !flat.cursor().isLast()) {
      return new Compiled<>(meaning, rng -> new Weighted<>(directlyFlat(rng, next), 0.0));
    }
    return new Compiled<>(meaning, rng -> new Weighted<>(directly(rng, Sequential::advanceDirect, next), 0.0));
  }

  /**
   * The meaning of a population step: the independent product, over blocks of {@link #BLOCK}
   * consecutive particles, of each block's particle programs run in sequence. (Its law is the
   * product over particles; the blocks only fix which generator each particle's draws come from.)
   */
  private Prob<Population<A>> blocks(IntFunction<Prob<Particle<A>>> move, double le, int nextStep) {
    List<Prob<List<Particle<A>>>> parts = new ArrayList<>((n + BLOCK - 1) / BLOCK);
    for (int b = 0; b < n; b += BLOCK) {
      List<Prob<Particle<A>>> block = new ArrayList<>(BLOCK);
      for (int i = b; i < Math.min(n, b + BLOCK); i++) {
        block.add(move.apply(i));
      }
      parts.add(Combinators.sequence(block));
    }
    return new Independent<List<Particle<A>>, Population<A>>(parts, lists -> {
      List<Particle<A>> ps = new ArrayList<>(n);
      for (List<Particle<A>> l : lists) {
        ps.addAll(l);
      }
      return new Pure<>(of(ps, le, nextStep));
    });
  }

  /** One step of every particle in plain Java: the Sampler's path of {@link #advance()}. */
  private interface Step {
    <B> Particle<B> apply(Particle<B> p, double logWeight, UniformRandomProvider rng);
  }

  /** Advances the particles [from, to) of one block on the block's generator; returns whether any died. */
  private interface BlockStep {
    boolean run(UniformRandomProvider g, int from, int to);
  }

  /**
   * How many tasks the next step of this population is split into: one until a step has been
   * timed, and whenever the step is too cheap to share out.
   */
  int plannedChunks() {
    int blocks = (n + BLOCK - 1) / BLOCK;
    double perParticle = nanosPerParticle;
    if (blocks < 2 * MIN_CHUNK_BLOCKS || !(perParticle * n >= 2 * MIN_TASK_NANOS)) {
      return 1;
    }
    return (int) Math.min(Math.min(blocks / MIN_CHUNK_BLOCKS, perParticle * n / MIN_TASK_NANOS),
        4 * Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs {@code body} on every block of {@link #BLOCK} particles, block b on the generator split
   * from (base, b), in {@link #plannedChunks} tasks; returns whether any block reported a death
   * and puts the step's nanoseconds per particle in {@code timing[0]} (measured when sequential,
   * carried over when parallel). A stream costs a microsecond even for one task, so one task is a
   * plain loop. The result does not depend on the chunking.
   */
  private boolean forEachBlock(long base, BlockStep body, double[] timing) {
    int blocks = (n + BLOCK - 1) / BLOCK;
    int chunks = plannedChunks();
    boolean[] died = new boolean[chunks];
    IntConsumer chunk = c -> {
      Xoroshiro128PlusPlus g = new Xoroshiro128PlusPlus(0);
      for (int b = (int) ((long) blocks * c / chunks), bend = (int) ((long) blocks * (c + 1) / chunks); b < bend; b++) {
        g.reseed(Rngs.childSeed(base, b));
        died[c] |= body.run(g, b * BLOCK, Math.min(n, (b + 1) * BLOCK));
      }
    };
    if (chunks == 1) {
      long t0 = System.nanoTime();
      chunk.accept(0);
      timing[0] = (System.nanoTime() - t0) / (double) n;
    } else {
      IntStream.range(0, chunks).parallel().forEach(chunk);
      timing[0] = nanosPerParticle;
    }
    for (boolean d : died) {
      if (d) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs {@code step} on every particle, the particles of block b in sequence with the generator
   * split from (a draw of {@code rng}, b): the same generators the Sampler gives the parts of the
   * meaning's Independent node, so the result is bit-identical to interpreting the meaning,
   * whatever the number of threads.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Population<A> directly(UniformRandomProvider rng, Step step, int nextStep) {
    long base = rng.nextLong();
    Particle<A>[] particles = ps();
    Particle<A>[] out = new Particle[n];
    double[] lw = new double[n];
    double[] timing = new double[1];
    forEachBlock(base, (g, from, to) -> {
      for (int i = from; i < to; i++) {
        Particle<A> q = step.apply(particles[i], logWeight(i), g);
        out[i] = q;
        lw[i] = q.logWeight();
      }
      return false;
    }, timing);
    Flat f = flatten(out, lw);
    Population<A> next = f != null ? new Population<>(f, lw, logEvidence, nextStep) : new Population<>(out, lw, logEvidence, nextStep);
    next.nanosPerParticle = timing[0];
    return next;
  }

  /**
   * The flat form of particles that all stand between the same two steps of one state-space model
   * on the same stack (dead ones aside), or null. Called after a generic step, so a state-space
   * model reached after some deterministic prelude (or whose result is mapped) becomes flat too.
   */
  private static Flat flatten(Particle<?>[] ps, double[] lw) {
    StateSpace.Step<?, ?> first = null;
    Cont stack = null;
    for (Particle<?> p : ps) {
      if (p.node() instanceof Defer<?> d && d.thunk() instanceof StateSpace.Step<?, ?> st && p.suspendedAt() == null) {
        first = st;
        stack = p.stack();
        break;
      }
    }
    if (first == null) {
      return null;
    }
    Object[] states = new Object[ps.length];
    Particle<?>[] dead = null;
    for (int i = 0; i < ps.length; i++) {
      Particle<?> p = ps[i];
      if (lw[i] == Double.NEGATIVE_INFINITY) {
        if (dead == null) {
          dead = new Particle<?>[ps.length];
        }
        dead[i] = p;
      } else if (p.node() instanceof Defer<?> d && d.thunk() instanceof StateSpace.Step<?, ?> st && st.sameTimeAs(first)
          && sameStack(p.stack(), stack) && p.suspendedAt() == null) {
        states[i] = st.state();
      } else {
        return null;
      }
    }
    return new Flat(first.withState(null), stack, states, dead, null);
  }

  /** Whether two continuation stacks hold the same continuations (the same objects, in order). */
  private static boolean sameStack(Cont a, Cont b) {
    while (a != b) {
      if (a == null || b == null || a.head() != b.head()) {
        return false;
      }
      a = a.tail();
      b = b.tail();
    }
    return true;
  }

  /**
   * {@link #directly} for a flat population (not at its last step): the same generators, the same
   * draws in the same order and the same weights as {@link Sequential#advanceDirect} on each
   * particle, read from and written to arrays of states.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Population<A> directlyFlat(UniformRandomProvider rng, int nextStep) {
    long base = rng.nextLong();
    StateSpace.Step cursor = flat.cursor();
    Object y = cursor.observation();
    Function<Object, Distribution> transition = cursor.transitionAt();
    Function<Object, Distribution> emission = cursor.emissionAt();
    Object[] in = flat.states();
    double[] inW = logWeights;
    Object[] out = new Object[n];
    double[] lw = new double[n];
    double[] timing = new double[1];
    boolean died = forEachBlock(base, (g, from, to) -> {
      boolean any = false;
      for (int i = from; i < to; i++) {
        double w = inW[i];
        Object s = in[i];
        if (w == Double.NEGATIVE_INFINITY) { // a dead particle stays put (and draws nothing)
          out[i] = s;
          lw[i] = w;
          continue;
        }
        Distribution d = transition.apply(s);
        if (d == null) {
          d = cursor.distFrom(s); // throws the clear error
        }
        Object z = d.sample(g);
        Distribution e = emission.apply(z);
        if (e == null) {
          e = cursor.emission(z); // throws the clear error
        }
        double l = e.logDensity(y);
        double v = w + l;
        if (Double.isNaN(l) || l == Double.POSITIVE_INFINITY) {
          cursor.logLikelihood(e); // throws the clear error
        }
        if (v == Double.POSITIVE_INFINITY) {
          InvalidWeightException.check(v, "observation " + cursor.time() + " of a state-space model", e, y);
        }
        out[i] = z;
        lw[i] = v;
        any |= l == Double.NEGATIVE_INFINITY;
      }
      return any;
    }, timing);
    Particle<?>[] dead = flat.dead() == null ? null : flat.dead().clone();
    if (died) {
      // a particle that died now stays at the observation it died at, for the zero-weight error
      if (dead == null) {
        dead = new Particle<?>[n];
      }
      for (int i = 0; i < n; i++) {
        if (lw[i] == Double.NEGATIVE_INFINITY && inW[i] != Double.NEGATIVE_INFINITY) {
          Observe site = cursor.withState(in[i]).observeNode(out[i]);
          dead[i] = new Particle<>(site, flat.stack(), Double.NEGATIVE_INFINITY, site);
        }
      }
    }
    Population<A> next = new Population<>(new Flat(cursor.successor(), flat.stack(), out, dead, flat.zeros()), lw, logEvidence, nextStep);
    next.nanosPerParticle = timing[0];
    return next;
  }

  /** Runs every particle to the end of its program (no resampling on the way). */
  public Prob<Population<A>> finish() {
    double le = logEvidence;
    int s = step;
    Prob<Population<A>> meaning = new Defer<>(() -> blocks(i -> Sequential.finish(particle(i)), le, s));
    return new Compiled<>(meaning, rng -> new Weighted<>(directly(rng, Sequential::finishDirect, s), 0.0));
  }

  /**
   * Resampling with a scheme: normalise, draw n ancestors, and return the unweighted population
   * of their copies (weights 1; the evidence stays in the running log evidence). The ancestor
   * draw is one {@code sample} of the outer program. A population with all weights zero is
   * returned as it is.
   */
  public Prob<Population<A>> resample(Resampler resampler) {
    double lm = logMeanWeight();
    if (lm == Double.NEGATIVE_INFINITY) {
      return new Pure<>(pushEvidence());
    }
    // the cached exp(logWeight - max): resamplers take unnormalised weights (never modified)
    double[] w = weights().relative();
    double le = logEvidence + lm;
    return new Sample<int[], Population<A>>(null, resampler.ancestors(w, n), a -> new Pure<>(select(a, le)));
  }

  /** Multinomial resampling. */
  public Prob<Population<A>> resampleMultinomial() {
    return resample(Resampler.MULTINOMIAL);
  }

  /** Systematic resampling. */
  public Prob<Population<A>> resampleSystematic() {
    return resample(Resampler.SYSTEMATIC);
  }

  /** Stratified resampling. */
  public Prob<Population<A>> resampleStratified() {
    return resample(Resampler.STRATIFIED);
  }

  /** Residual resampling. */
  public Prob<Population<A>> resampleResidual() {
    return resample(Resampler.RESIDUAL);
  }

  /** The population of copies of the given ancestors, each with weight 1 (log weight 0). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Population<A> select(int[] ancestors) {
    return select(ancestors, logEvidence);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Population<A> select(int[] ancestors, double newLogEvidence) {
    if (flat != null && !selectsDead(ancestors)) {
      Object[] from = flat.states();
      Object[] states = new Object[ancestors.length];
      for (int j = 0; j < states.length; j++) {
        states[j] = from[ancestors[j]];
      }
      double[] zeros = flat.zeros(states.length);
      return timed(new Population<>(new Flat(flat.cursor(), flat.stack(), states, null, zeros), zeros, newLogEvidence, step));
    }
    // a selected dead particle (only a user's ancestors can pick one) gets weight 1 at the
    // observation it died at, which only the generic representation can hold
    Particle<A>[] particles = ps();
    Particle<A>[] ps = new Particle[ancestors.length];
    for (int j = 0; j < ps.length; j++) {
      ps[j] = particles[ancestors[j]];
    }
    return timed(new Population<>(ps, new double[ps.length], newLogEvidence, step));
  }

  /** {@code p} with this population's step timing (a resampled or normalised population steps alike). */
  private Population<A> timed(Population<A> p) {
    p.nanosPerParticle = nanosPerParticle;
    return p;
  }

  /** Whether any of the ancestors is a dead particle of this flat population. */
  private boolean selectsDead(int[] ancestors) {
    if (flat.dead() == null) {
      return false;
    }
    for (int a : ancestors) {
      if (flat.dead()[a] != null) {
        return true;
      }
    }
    return false;
  }

  /** Where the particles died, for the zero-weight error: the step and up to three distinct sites. */
  public String zeroWeightReport() {
    Set<String> sites = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      Particle<A> p = particle(i);
      if (p.dead() && sites.size() < 3) {
        sites.add(p.suspendedAt() == null ? "(no site)" : Particle.describe(p.suspendedAt()));
      }
    }
    return "all " + n + " particles have zero weight at SMC step " + step
        + "; they died at " + String.join("; ", sites)
        + " (the observations are impossible under the particles' proposals: check the data and the model's support, or use more particles)";
  }

  @Override
  public String toString() {
    return "Population(n=" + n + ", step=" + step + ", logEvidence=" + logEvidence
        + ", ess=" + ess() + ")";
  }
}
