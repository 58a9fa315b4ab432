package org.probity.inference.smc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Combinators;
import org.probity.core.Compiled;
import org.probity.core.Defer;
import org.probity.core.Independent;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.StateSpace;
import org.probity.core.Weighted;

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
  /** The particles (null while the population is flat: see {@link #ps()}). */
  private final Particle<A>[] particles;
  /**
   * A state-space population's particles as their states alone (null: the generic
   * representation). Flat or not, the population means the same particles.
   */
  private final FlatStates flat;
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
   * Nanoseconds per particle of the step that made this population, if it ran in sequence (NaN:
   * not measured), to decide whether the next step is worth running in parallel ({@link Blocks}).
   * Only scheduling depends on it, never a result.
   */
  private final double nanosPerParticle;
  private byte finished; // 0 unknown, 1 no, 2 yes: computed once (populations are immutable)
  private Weights weights; // computed once (null: not yet); a record, so safely published

  /** exp(logWeight_i - max) for every particle, the max and the sum of the exponentials. */
  private record Weights(double[] relative, double max, double sum) {
  }

  /** The materialised particles of a flat population (a record: safely published). */
  private record Materialized<A>(Particle<A>[] particles) {
  }

  private Population(Particle<A>[] particles, double[] logWeights, double logEvidence, int step, double nanos) {
    this.particles = particles;
    this.flat = null;
    this.n = particles.length;
    this.logWeights = logWeights;
    this.logEvidence = logEvidence;
    this.step = step;
    this.nanosPerParticle = nanos;
  }

  private Population(FlatStates flat, double[] logWeights, double logEvidence, int step, double nanos) {
    this.particles = null;
    this.flat = flat;
    this.n = flat.size();
    this.logWeights = logWeights;
    this.logEvidence = logEvidence;
    this.step = step;
    this.nanosPerParticle = nanos;
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
  private Particle<A> flatParticle(int i) {
    return flat.particle(i, logWeights[i]);
  }

  /** n particles about to run {@code model}, each with weight 1 (monad-bayes' {@code spawn}). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <A> Population<A> spawn(Prob<A> model, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a population needs at least 1 particle, got " + n);
    }
    StateSpace.Step<?, ?> st = StateSpace.stepOf(model);
    if (st != null && st.time() == 0) {
      // a state-space model from its start: every particle is the first step, from no state
      double[] zeros = new double[n];
      return new Population<>(FlatStates.start(st, n, zeros), zeros, 0.0, 0, Double.NaN);
    }
    Particle<A>[] ps = new Particle[n];
    Arrays.fill(ps, Particle.start(model));
    return new Population<>(ps, null, 0.0, 0, Double.NaN);
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
    return new Population<>(particles.toArray(new Particle[0]), null, logEvidence, step, Double.NaN);
  }

  /** Each particle replaced by {@code copies} copies with the same weight (the evidence estimate is unchanged). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Population<A> spawn(int copies) {
    if (copies < 1) {
      throw new IllegalArgumentException("spawn: copies must be at least 1, got " + copies);
    }
    if (flat != null) {
      double[] lw = new double[n * copies];
      for (int i = 0; i < lw.length; i++) {
        lw[i] = logWeights[i / copies];
      }
      return new Population<>(flat.spawn(copies), lw, logEvidence, step, Double.NaN);
    }
    Particle<A>[] ps = new Particle[particles.length * copies];
    double[] lw = logWeights == null ? null : new double[ps.length];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = particles[i / copies];
      if (lw != null) {
        lw[i] = logWeights[i / copies];
      }
    }
    return new Population<>(ps, lw, logEvidence, step, Double.NaN);
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

  /**
   * The results of the particles with positive weight, each with its log weight: with
   * {@link #logEvidenceEstimate} the weighted sample a finished population stands for.
   *
   * @throws IllegalArgumentException if one of them has not finished its program
   */
  public List<Weighted<A>> weightedResults() {
    List<Weighted<A>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Particle<A> p = particle(i);
      if (!p.dead()) {
        if (!p.finished()) {
          throw new IllegalArgumentException("a particle with positive weight has not finished its program (it is"
              + " suspended at step " + step + "); run the population to its end first");
        }
        out.add(new Weighted<>(p.value(), p.logWeight()));
      }
    }
    return out;
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

  /**
   * Whether every live particle's program has returned (finished, or weighed by its last
   * observation with nothing left to run): the population stands after its last observation.
   */
  public boolean returned() {
    if (flat != null) {
      return dead();
    }
    for (int i = 0; i < n; i++) {
      if (logWeight(i) != Double.NEGATIVE_INFINITY && !particles[i].returned()) {
        return false;
      }
    }
    return true;
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
      // weights are never NaN (Particle rejects it), so a plain comparison is a max, without
      // Math.max's handling of NaN and -0.0
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
    return weightedMean(i -> f.applyAsDouble((S) StateSpace.stateOf(particle(i).node())));
  }

  /** Log of the mean particle weight (negative infinity when all are zero). */
  public double logMeanWeight() {
    Weights c = weights();
    if (c.max() == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    return c.max() + Math.log(c.sum() / n);
  }

  /**
   * The estimate of the log evidence: running log evidence plus log mean weight.
   *
   * @throws org.probity.core.InvalidWeightException when the sum overflows to +Infinity (weights
   *     too large to represent, e.g. {@code factor(1e308)} twice), rather than returning it
   */
  public double logEvidenceEstimate() {
    return checkedEvidence(logEvidence + logMeanWeight());
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
        return new Population<>(flat, logWeights, Double.NEGATIVE_INFINITY, step, nanosPerParticle);
      }
      double[] lw = new double[n];
      for (int i = 0; i < n; i++) {
        lw[i] = logWeights[i] - lm;
      }
      return new Population<>(flat, lw, checkedEvidence(logEvidence + lm), step, nanosPerParticle);
    }
    if (lm == Double.NEGATIVE_INFINITY) {
      return new Population<>(particles, logWeights, Double.NEGATIVE_INFINITY, step, nanosPerParticle);
    }
    Particle<A>[] ps = new Particle[particles.length];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = particles[i].withLogWeight(logWeight(i) - lm);
    }
    return new Population<>(ps, null, checkedEvidence(logEvidence + lm), step, nanosPerParticle);
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
    return new Compiled<>(meaning, rng -> new Weighted<>(directly(rng, Sequential.DirectSteps::advance, next), 0.0));
  }

  /**
   * The meaning of a population step: the independent product, over blocks of {@link Blocks#BLOCK}
   * consecutive particles, of each block's particle programs run in sequence. (Its law is the
   * product over particles; the blocks only fix which generator each particle's draws come from.)
   */
  private Prob<Population<A>> blocks(IntFunction<Prob<Particle<A>>> move, double le, int nextStep) {
    int size = Blocks.BLOCK;
    List<Prob<List<Particle<A>>>> parts = new ArrayList<>((n + size - 1) / size);
    for (int b = 0; b < n; b += size) {
      List<Prob<Particle<A>>> block = new ArrayList<>(size);
      for (int i = b; i < Math.min(n, b + size); i++) {
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
    <B> Particle<B> apply(Sequential.DirectSteps steps, Particle<B> p, double logWeight);
  }

  /** How many parallel tasks the next step of this population is split into ({@link Blocks#plannedChunks}). */
  int plannedChunks() {
    return Blocks.plannedChunks(n, nanosPerParticle);
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
    Blocks.Outcome o = Blocks.forEach(n, nanosPerParticle, base, (g, from, to) -> {
      Sequential.DirectSteps steps = new Sequential.DirectSteps(g);
      for (int i = from; i < to; i++) {
        Particle<A> q = step.apply(steps, particles[i], logWeight(i));
        out[i] = q;
        lw[i] = q.logWeight();
      }
      return false;
    });
    FlatStates f = FlatStates.of(out, lw);
    return f != null ? new Population<>(f, lw, logEvidence, nextStep, o.nanosPerParticle())
        : new Population<>(out, lw, logEvidence, nextStep, o.nanosPerParticle());
  }

  /** {@link #directly} for a flat population (not at its last step): {@link FlatStates#step}. */
  private Population<A> directlyFlat(UniformRandomProvider rng, int nextStep) {
    FlatStates.Stepped s = flat.step(rng.nextLong(), logWeights, nanosPerParticle);
    return new Population<>(s.states(), s.logWeights(), logEvidence, nextStep, s.nanosPerParticle());
  }

  /** Runs every particle to the end of its program (no resampling on the way). */
  public Prob<Population<A>> finish() {
    double le = logEvidence;
    int s = step;
    Prob<Population<A>> meaning = new Defer<>(() -> blocks(i -> Sequential.finish(particle(i)), le, s));
    return new Compiled<>(meaning, rng -> new Weighted<>(directly(rng, Sequential.DirectSteps::finish, s), 0.0));
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
    if (flat != null && !flat.selectsDead(ancestors)) {
      FlatStates f = flat.select(ancestors);
      return new Population<>(f, f.zeros(), checkedEvidence(newLogEvidence), step, nanosPerParticle);
    }
    // a selected dead particle (only a user's ancestors can pick one) gets weight 1 at the
    // observation it died at, which only the generic representation can hold
    Particle<A>[] particles = ps();
    Particle<A>[] ps = new Particle[ancestors.length];
    for (int j = 0; j < ps.length; j++) {
      ps[j] = particles[ancestors[j]];
    }
    return new Population<>(ps, new double[ps.length], checkedEvidence(newLogEvidence), step, nanosPerParticle);
  }

  /**
   * A running log evidence, which must stay below +Infinity: weights so large that their product
   * overflows (factor(1e308) twice) are an error, not an evidence of +Infinity.
   */
  private static double checkedEvidence(double le) {
    if (Double.isNaN(le) || le == Double.POSITIVE_INFINITY) {
      throw new org.probity.core.InvalidWeightException("the SMC log evidence overflowed to " + le
          + " (factors or densities too large to represent)");
    }
    return le;
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
