package org.probity.semantics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.dist.Categorical;
import org.probity.dist.Distribution;
import org.probity.dist.Empirical;

/**
 * The exact distribution of a finite program's result, as the {@link Enumerator} computes it: the
 * normalised probability of each distinct result and the log evidence (log of the total
 * unnormalised mass).
 */
public final class Enumeration<A> {
  private final List<A> values;
  private final double[] probs;
  private final double logEvidence;
  private volatile Empirical<A> empirical; // the distribution view, built on first use

  /**
   * The distribution with unnormalised log masses {@code logMass}; normalised by the largest mass
   * first, so the probabilities sum to 1 to rounding whatever the size of the log evidence.
   */
  Enumeration(List<A> values, double[] logMass) {
    this.values = Collections.unmodifiableList(new ArrayList<>(values));
    this.probs = new double[logMass.length];
    double m = Double.NEGATIVE_INFINITY;
    for (double l : logMass) {
      m = Math.max(m, l);
    }
    double s = 0;
    for (int i = 0; i < logMass.length; i++) {
      probs[i] = Math.exp(logMass[i] - m);
      s += probs[i];
    }
    for (int i = 0; i < probs.length; i++) {
      probs[i] /= s;
    }
    this.logEvidence = m + Math.log(s);
  }

  /**
   * Log of the total unnormalised mass (the model evidence).
   *
   * @return the log evidence
   */
  public double logEvidence() {
    return logEvidence;
  }

  /**
   * The evidence itself.
   *
   * @return the evidence
   */
  public double evidence() {
    return Math.exp(logEvidence);
  }

  /**
   * The distinct results, in the order first reached.
   *
   * @return the results (unmodifiable)
   */
  public List<A> support() {
    return values;
  }

  /**
   * Normalised probability of each distinct result.
   *
   * @return the probabilities by result (unmodifiable)
   */
  public Map<A, Double> probabilities() {
    Map<A, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < probs.length; i++) {
      m.put(values.get(i), probs[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Probability of one result (0 when it cannot occur); arrays compare by content.
   *
   * @param value a result
   * @return its probability
   */
  public double probability(A value) {
    Object key = Enumerator.key(value);
    for (int i = 0; i < probs.length; i++) {
      if (Enumerator.key(values.get(i)).equals(key)) {
        return probs[i];
      }
    }
    return 0.0;
  }

  /**
   * Posterior expectation of {@code f}.
   *
   * @param f a function of the result
   * @return its expectation
   */
  public double expectation(ToDoubleFunction<? super A> f) {
    double s = 0;
    for (int i = 0; i < probs.length; i++) {
      s += probs[i] * f.applyAsDouble(values.get(i));
    }
    return s;
  }

  /**
   * Probability of an event.
   *
   * @param event the event, a predicate on results
   * @return its probability
   */
  public double probabilityOf(java.util.function.Predicate<? super A> event) {
    return expectation(a -> event.test(a) ? 1.0 : 0.0);
  }

  /**
   * The results with their normalised log probabilities.
   *
   * @return the weighted results
   */
  public List<Weighted<A>> weighted() {
    List<Weighted<A>> out = new ArrayList<>();
    for (int i = 0; i < probs.length; i++) {
      out.add(new Weighted<>(values.get(i), Math.log(probs[i])));
    }
    return out;
  }

  /**
   * This distribution as a {@link Distribution} of its results, for nested inference (a model
   * that reasons about another model, e.g. a listener reasoning about a speaker): usable with
   * {@code sample} and {@code observe}, sampling a result with its probability, the log mass of a
   * result being the log of its normalised probability (negative infinity for any other value).
   * (An {@code Enumeration} is not itself a {@code Distribution} only because its
   * {@link #support()} lists the results, where a distribution's support is a constraint.)
   *
   * @return the distribution over the results, with finite support (the Enumerator enumerates it)
   */
  public Empirical<A> asDistribution() {
    Empirical<A> e = empirical;
    if (e == null) {
      e = Empirical.ofWeights(values, probs);
      empirical = e;
    }
    return e;
  }

  /**
   * This distribution as a program (a categorical choice of a result), for composition.
   *
   * @return the program
   */
  public Prob<A> toProb() {
    return new org.probity.core.Sample<Integer, A>(null, Categorical.of(probs), i -> new org.probity.core.Pure<>(values.get(i)));
  }

  /** The values with their probabilities (six decimals: exact answers), after the log evidence (four significant digits). */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Enumeration: " + probs.length + (probs.length == 1 ? " value" : " values")
        + ", log evidence " + Rounded.decimals(logEvidence) + "\n");
    sb.append(String.format(java.util.Locale.ROOT, "  %-30s %s%n", "value", "probability"));
    for (int i = 0; i < probs.length; i++) {
      sb.append(String.format(java.util.Locale.ROOT, "  %-30s %.6f%n",
          org.probity.core.InvalidWeightException.describe(values.get(i)), probs[i]));
    }
    return sb.toString();
  }
}
