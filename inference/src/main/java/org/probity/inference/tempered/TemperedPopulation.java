package org.probity.inference.tempered;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.probity.core.InvalidWeightException;
import org.probity.trace.Trace;

/**
 * A weighted population of traces of a static model at inverse temperature beta: particle i is a
 * trace x_i of the (untempered) model with log weight w_i, and the population with its running log
 * evidence L represents the unnormalised measure exp(L) * (1/n) * sum_i exp(w_i) * delta(x_i),
 * whose expectation is the tempered target gamma_beta(x) = p(x) * l(x)^beta (prior times
 * likelihood to the power beta; zero where the likelihood is zero, beta = 0 included). So
 * {@link #logEvidenceEstimate} estimates log Z(beta) (Del Moral, Doucet and Jasra 2006).
 *
 * <p>A particle with zero weight is dead: its trace may have stopped at the first impossible
 * observation, and it is never moved, reweighted into life or selected by resampling. The value
 * also carries the record of the stages so far. Immutable.
 *
 * @param <A> the model's result type
 */
public final class TemperedPopulation<A> {
  private final List<Trace<A>> traces;
  private final double[] logWeights;
  private final double beta;
  private final double logEvidence;
  private final List<Stage> stages;

  private TemperedPopulation(List<Trace<A>> traces, double[] logWeights, double beta, double logEvidence,
      List<Stage> stages) {
    this.traces = traces;
    this.logWeights = logWeights;
    this.beta = beta;
    this.logEvidence = logEvidence;
    this.stages = stages;
  }

  /**
   * A population of the given traces (of the untempered model) and log weights at inverse
   * temperature {@code beta}, with running log evidence {@code logEvidence} and the stages so far.
   *
   * @throws IllegalArgumentException if the lists are empty or of different lengths, beta is not in
   *     [0, 1], or the log evidence is NaN or +Infinity
   * @throws InvalidWeightException if a log weight is NaN or +Infinity
   */
  public static <A> TemperedPopulation<A> of(List<Trace<A>> traces, double[] logWeights, double beta,
      double logEvidence, List<Stage> stages) {
    if (traces.isEmpty() || traces.size() != logWeights.length) {
      throw new IllegalArgumentException("a tempered population needs at least 1 particle and one log weight per trace, got "
          + traces.size() + " traces and " + logWeights.length + " weights");
    }
    if (!(beta >= 0 && beta <= 1)) {
      throw new IllegalArgumentException("the inverse temperature must be in [0, 1], got " + beta);
    }
    if (Double.isNaN(logEvidence) || logEvidence == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("the running log evidence must be a number below +Infinity, got " + logEvidence);
    }
    for (int i = 0; i < logWeights.length; i++) {
      checkWeight(logWeights[i], i);
    }
    return new TemperedPopulation<>(List.copyOf(traces), logWeights.clone(), beta, logEvidence, List.copyOf(stages));
  }

  private static void checkWeight(double lw, int i) {
    if (Double.isNaN(lw) || lw == Double.POSITIVE_INFINITY) {
      throw new InvalidWeightException("particle " + i + " of the tempered population has log weight " + lw
          + " (weights must be numbers below +Infinity)");
    }
  }

  /** The number of particles. */
  public int size() {
    return traces.size();
  }

  /** The particles' traces, of the untempered model (unmodifiable). */
  public List<Trace<A>> traces() {
    return traces;
  }

  /** Particle i's trace. */
  public Trace<A> trace(int i) {
    return traces.get(i);
  }

  /** Particle i's log weight. */
  public double logWeight(int i) {
    return logWeights[i];
  }

  /** The log weights (a copy). */
  public double[] logWeights() {
    return logWeights.clone();
  }

  /** Whether particle i has zero weight. */
  public boolean dead(int i) {
    return logWeights[i] == Double.NEGATIVE_INFINITY;
  }

  /** Whether every particle has zero weight (the evidence estimate is then zero). */
  public boolean dead() {
    for (double w : logWeights) {
      if (w != Double.NEGATIVE_INFINITY) {
        return false;
      }
    }
    return true;
  }

  /** The inverse temperature of the population's target. */
  public double beta() {
    return beta;
  }

  /** The log evidence pushed out of the weights by resampling so far. */
  public double logEvidence() {
    return logEvidence;
  }

  /** The stages so far, stage 0 (the prior draw) first (unmodifiable). */
  public List<Stage> stages() {
    return stages;
  }

  /** The last stage, or null before the first. */
  public Stage lastStage() {
    return stages.isEmpty() ? null : stages.get(stages.size() - 1);
  }

  /** The largest log weight (negative infinity when every particle is dead). */
  private double maxLogWeight() {
    double m = Double.NEGATIVE_INFINITY;
    for (double w : logWeights) {
      if (w > m) {
        m = w;
      }
    }
    return m;
  }

  /** exp(w_i - max w): the weights relative to the largest (all zero when every particle is dead). */
  double[] relativeWeights() {
    double m = maxLogWeight();
    double[] r = new double[logWeights.length];
    if (m != Double.NEGATIVE_INFINITY) {
      for (int i = 0; i < r.length; i++) {
        r[i] = Math.exp(logWeights[i] - m);
      }
    }
    return r;
  }

  /** The normalised weights (summing to 1; all zero when every particle is dead). */
  public double[] normalisedWeights() {
    double[] r = relativeWeights();
    double s = 0;
    for (double x : r) {
      s += x;
    }
    if (s > 0) {
      for (int i = 0; i < r.length; i++) {
        r[i] /= s;
      }
    }
    return r;
  }

  /** Log of the mean weight (negative infinity when every particle is dead). */
  public double logMeanWeight() {
    double m = maxLogWeight();
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    double s = 0;
    for (double w : logWeights) {
      s += Math.exp(w - m);
    }
    return m + Math.log(s / logWeights.length);
  }

  /** The estimate of log Z(beta): the running log evidence plus the log mean weight. */
  public double logEvidenceEstimate() {
    double lm = logMeanWeight();
    return lm == Double.NEGATIVE_INFINITY ? lm : logEvidence + lm;
  }

  /** Kish's effective sample size (sum w)^2 / sum w^2; 0 when every particle is dead. */
  public double ess() {
    double[] r = relativeWeights();
    double s = 0;
    double s2 = 0;
    for (double x : r) {
      s += x;
      s2 += x * x;
    }
    return s2 == 0 ? 0.0 : s * s / s2;
  }

  /** This population with stage 0 recorded: the prior draw, its ESS and log mean weight. */
  TemperedPopulation<A> started() {
    return new TemperedPopulation<>(traces, logWeights, beta, logEvidence,
        List.of(Stage.prior(ess(), logEvidenceEstimate())));
  }

  /**
   * The population reweighted to the target at {@code nextBeta}: each live particle's log weight
   * grows by the incremental weight (nextBeta - beta) * log l(x_i), the log of
   * gamma_nextBeta(x_i) / gamma_beta(x_i); the traces are unchanged. A new stage is recorded with
   * the ESS and the estimate of log Z(nextBeta).
   *
   * @throws IllegalArgumentException if {@code nextBeta} is not in (beta, 1]
   */
  public TemperedPopulation<A> reweight(double nextBeta) {
    if (!(nextBeta > beta && nextBeta <= 1)) {
      throw new IllegalArgumentException("reweighting: the next inverse temperature must be in (" + beta + ", 1], got "
          + nextBeta);
    }
    double delta = nextBeta - beta;
    double[] lw = new double[logWeights.length];
    for (int i = 0; i < lw.length; i++) {
      lw[i] = dead(i) ? Double.NEGATIVE_INFINITY : logWeights[i] + delta * traces.get(i).logLikelihood();
      checkWeight(lw[i], i);
    }
    TemperedPopulation<A> q = new TemperedPopulation<>(traces, lw, nextBeta, logEvidence, stages);
    List<Stage> s = new ArrayList<>(stages);
    s.add(new Stage(stages.size(), nextBeta, q.ess(), false, q.logEvidenceEstimate(), Double.NaN, Double.NaN, 0));
    return new TemperedPopulation<>(traces, lw, nextBeta, logEvidence, Collections.unmodifiableList(s));
  }

  /**
   * The population of copies of the given ancestors, each with log weight 0, the mean weight
   * pushed into the running log evidence (so the measure's expectation is unchanged when the
   * ancestors are drawn by an unbiased resampling scheme); the last stage is marked resampled.
   */
  public TemperedPopulation<A> select(int[] ancestors) {
    double lm = logMeanWeight();
    if (lm == Double.NEGATIVE_INFINITY) {
      throw new IllegalStateException("cannot resample a population whose particles all have zero weight");
    }
    List<Trace<A>> ts = new ArrayList<>(ancestors.length);
    for (int a : ancestors) {
      if (dead(a)) {
        throw new IllegalArgumentException("resampling selected particle " + a + ", which has zero weight");
      }
      ts.add(traces.get(a));
    }
    List<Stage> s = new ArrayList<>(stages);
    if (!s.isEmpty()) {
      s.set(s.size() - 1, s.get(s.size() - 1).resampledStage());
    }
    double le = logEvidence + lm;
    if (Double.isNaN(le) || le == Double.POSITIVE_INFINITY) {
      throw new InvalidWeightException("the tempered SMC log evidence overflowed to " + le);
    }
    return new TemperedPopulation<>(Collections.unmodifiableList(ts), new double[ancestors.length], beta, le,
        Collections.unmodifiableList(s));
  }

  /**
   * The same weights with the particles' traces replaced by {@code moved} (traces of the untempered
   * model, one per particle, after MCMC moves), and the move statistics recorded in the last stage.
   */
  public TemperedPopulation<A> moved(List<Trace<A>> moved, double acceptance, double stepSize, int divergences) {
    if (moved.size() != traces.size()) {
      throw new IllegalArgumentException("moving: " + moved.size() + " traces for " + traces.size() + " particles");
    }
    List<Stage> s = new ArrayList<>(stages);
    if (!s.isEmpty()) {
      s.set(s.size() - 1, s.get(s.size() - 1).moved(acceptance, stepSize, divergences));
    }
    return new TemperedPopulation<>(List.copyOf(moved), logWeights, beta, logEvidence, Collections.unmodifiableList(s));
  }

  /**
   * Value equality: the same traces (by value), log weights, inverse temperature, running log
   * evidence and stages. (The Enumerator merges equal results of an independent part.)
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof TemperedPopulation<?> p && beta == p.beta && logEvidence == p.logEvidence
        && Arrays.equals(logWeights, p.logWeights) && traces.equals(p.traces) && stages.equals(p.stages);
  }

  @Override
  public int hashCode() {
    return Objects.hash(traces, Arrays.hashCode(logWeights), beta, logEvidence, stages);
  }

  @Override
  public String toString() {
    return "TemperedPopulation(n=" + size() + ", beta=" + beta + ", stages=" + stages.size() + ", logEvidence="
        + logEvidenceEstimate() + ", ess=" + ess() + ")";
  }
}
