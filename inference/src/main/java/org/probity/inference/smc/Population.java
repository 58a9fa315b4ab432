package org.probity.inference.smc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Compiled;
import org.probity.core.Defer;
import org.probity.core.Independent;
import org.probity.core.Weighted;
import org.probity.random.Rngs;
import org.probity.random.Xoroshiro128PlusPlus;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;

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
  /** The fewest particles one parallel task advances; smaller populations advance in sequence. */
  private static final int MIN_CHUNK = 1024;

  private final Particle<A>[] particles;
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
  private byte finished; // 0 unknown, 1 no, 2 yes: computed once (populations are immutable)
  private Weights weights; // computed once (null: not yet); a record, so safely published

  /** exp(logWeight_i - max) for every particle, the max and the sum of the exponentials. */
  private record Weights(double[] relative, double max, double sum) {
  }

  private Population(Particle<A>[] particles, double logEvidence, int step) {
    this(particles, null, logEvidence, step);
  }

  private Population(Particle<A>[] particles, double[] logWeights, double logEvidence, int step) {
    this.particles = particles;
    this.logWeights = logWeights;
    this.logEvidence = logEvidence;
    this.step = step;
  }

  /** n particles about to run {@code model}, each with weight 1 (monad-bayes' {@code spawn}). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <A> Population<A> spawn(Prob<A> model, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a population needs at least 1 particle, got " + n);
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

  /** Number of particles. */
  public int size() {
    return particles.length;
  }

  /** The particles (unmodifiable). */
  public List<Particle<A>> particles() {
    if (logWeights == null) {
      return Collections.unmodifiableList(Arrays.asList(particles));
    }
    List<Particle<A>> out = new ArrayList<>(particles.length);
    for (int i = 0; i < particles.length; i++) {
      out.add(particle(i));
    }
    return Collections.unmodifiableList(out);
  }

  /** Particle i. */
  public Particle<A> particle(int i) {
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
    double[] w = new double[particles.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = logWeight(i);
    }
    return w;
  }

  /** Whether every particle has finished its program or has zero weight. */
  public boolean finished() {
    if (finished == 0) {
      boolean all = true;
      for (int i = 0; i < particles.length; i++) {
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
    for (int i = 0; i < particles.length; i++) {
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
      double m = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < particles.length; i++) {
        m = Math.max(m, logWeight(i));
      }
      double[] r = new double[particles.length];
      double s = 0;
      if (m != Double.NEGATIVE_INFINITY) {
        for (int i = 0; i < r.length; i++) {
          r[i] = Math.exp(logWeight(i) - m);
          s += r[i];
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

  /** Log of the mean particle weight (negative infinity when all are zero). */
  public double logMeanWeight() {
    Weights c = weights();
    if (c.max() == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    return c.max() + Math.log(c.sum() / particles.length);
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
    if (lm == Double.NEGATIVE_INFINITY) {
      return new Population<>(particles, Double.NEGATIVE_INFINITY, step);
    }
    if (lm == 0.0) {
      return this;
    }
    Particle<A>[] ps = new Particle[particles.length];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = particles[i].withLogWeight(logWeight(i) - lm);
    }
    return new Population<>(ps, logEvidence + lm, step);
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
    Prob<Population<A>> meaning = new Defer<>(() -> {
      List<Prob<Particle<A>>> parts = new ArrayList<>(particles.length);
      for (int i = 0; i < particles.length; i++) {
        parts.add(Sequential.advance(particle(i), proposal, next));
      }
      return new Independent<Particle<A>, Population<A>>(parts, ps -> new Pure<>(of(ps, le, next)));
    });
    if (proposal != null) {
      return meaning;
    }
    return new Compiled<>(meaning, rng -> new Weighted<>(directly(rng, Sequential::advanceDirect, next), 0.0));
  }

  /** One step of every particle in plain Java: the Sampler's path of {@link #advance()}. */
  private interface Step {
    <B> Particle<B> apply(Particle<B> p, double logWeight, UniformRandomProvider rng);
  }

  /**
   * Runs {@code step} on every particle, particle i with the generator split from (a draw of
   * {@code rng}, i): the same generators the Sampler gives the parts of an Independent node, so
   * the result is bit-identical to interpreting the meaning, whatever the number of threads.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Population<A> directly(UniformRandomProvider rng, Step step, int nextStep) {
    long base = rng.nextLong();
    int n = particles.length;
    Particle<A>[] out = new Particle[n];
    double[] lw = new double[n];
    // Chunks of at least MIN_CHUNK particles: waking ForkJoin workers every step costs tens of
    // microseconds, more than advancing a few hundred particles (small populations ran 5-30x
    // slower in parallel than in sequence). The result does not depend on the chunking.
    int chunks = Math.max(1, Math.min(n / MIN_CHUNK, 4 * Runtime.getRuntime().availableProcessors()));
    IntStream idx = IntStream.range(0, chunks);
    if (chunks > 1) {
      idx = idx.parallel();
    }
    idx.forEach(c -> {
      // one generator per chunk, re-seeded per particle: particle i's stream is Rngs.split(base, i)
      Xoroshiro128PlusPlus g = new Xoroshiro128PlusPlus(0);
      for (int i = (int) ((long) n * c / chunks), end = (int) ((long) n * (c + 1) / chunks); i < end; i++) {
        g.reseed(Rngs.childSeed(base, i));
        out[i] = step.apply(particles[i], logWeight(i), g);
        lw[i] = out[i].logWeight();
      }
    });
    return new Population<>(out, lw, logEvidence, nextStep);
  }

  /** Runs every particle to the end of its program (no resampling on the way). */
  public Prob<Population<A>> finish() {
    double le = logEvidence;
    int s = step;
    Prob<Population<A>> meaning = new Defer<>(() -> {
      List<Prob<Particle<A>>> parts = new ArrayList<>(particles.length);
      for (int i = 0; i < particles.length; i++) {
        parts.add(Sequential.finish(particle(i)));
      }
      return new Independent<Particle<A>, Population<A>>(parts, ps -> new Pure<>(of(ps, le, s)));
    });
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
    return new Sample<int[], Population<A>>(null, resampler.ancestors(w, particles.length),
        a -> new Pure<>(new Population<>(particles, le, step).select(a)));
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
    Particle<A>[] ps = new Particle[ancestors.length];
    for (int j = 0; j < ps.length; j++) {
      ps[j] = particles[ancestors[j]];
    }
    return new Population<>(ps, new double[ps.length], logEvidence, step);
  }

  /** Where the particles died, for the zero-weight error: the step and up to three distinct sites. */
  public String zeroWeightReport() {
    Set<String> sites = new LinkedHashSet<>();
    for (int i = 0; i < particles.length; i++) {
      Particle<A> p = particle(i);
      if (p.dead() && sites.size() < 3) {
        sites.add(p.suspendedAt() == null ? "(no site)" : Particle.describe(p.suspendedAt()));
      }
    }
    return "all " + particles.length + " particles have zero weight at SMC step " + step
        + "; they died at " + String.join("; ", sites)
        + " (the observations are impossible under the particles' proposals: check the data and the model's support, or use more particles)";
  }

  @Override
  public String toString() {
    return "Population(n=" + particles.length + ", step=" + step + ", logEvidence=" + logEvidence
        + ", ess=" + ess() + ")";
  }
}
