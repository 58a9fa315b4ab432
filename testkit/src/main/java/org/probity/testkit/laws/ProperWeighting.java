package org.probity.testkit.laws;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;

/**
 * Exact checks of particle algorithms by enumerating the algorithm itself (every algorithm is a
 * program, so on a finite model the Enumerator gives the exact law of its output): unbiasedness of
 * the evidence estimate, E[Zhat] = Z (Del Moral, "Feynman-Kac formulae", 2004, Thm 7.4.2 for SMC;
 * immediate for importance sampling), and proper weighting, E[Zhat * sum_i wbar_i delta(x_i)] =
 * gamma, the unnormalised posterior (Naesseth, Lindsten and Schön, "Elements of sequential Monte
 * Carlo", 2019, Def. 2.2.1); and, for a step such as resampling, preservation of the population's
 * unnormalised measure in expectation (Douc, Cappé and Moulines, ISPA 2005).
 *
 * <p>The output {@code P} of an algorithm (an SMC population, a weighted sample, a list of
 * weighted runs) is read by two functions: its log evidence estimate log Zhat and its weighted
 * particles (result, log weight), particles with zero weight left out or not. The measure it
 * estimates is Zhat * sum_i wbar_i delta(x_i), wbar the normalised weights.
 */
public final class ProperWeighting {
  /**
   * Relative tolerance of the exact checks: sums of up to millions of products of probabilities,
   * whose rounding stays below 1e-11; a real bug moves them by orders of magnitude more.
   */
  public static final double RELATIVE_TOLERANCE = 1e-10;

  private ProperWeighting() {
  }

  /**
   * Throws an {@link AssertionError} unless the algorithm's evidence estimate is unbiased and its
   * particles are properly weighted for the finite {@code model} (within {@link #RELATIVE_TOLERANCE}
   * of the evidence), or the algorithm program itself carries weight.
   */
  public static <A, P> void check(Prob<A> model, Prob<P> algorithm, ToDoubleFunction<? super P> logEvidence,
      Function<? super P, ? extends List<Weighted<A>>> particles) {
    Exact<A> e = exact(model, algorithm, logEvidence, particles);
    double scale = Math.max(e.z(), Double.MIN_NORMAL);
    if (Math.abs(e.meanZ() - e.z()) > RELATIVE_TOLERANCE * scale) {
      throw new AssertionError("evidence estimate is biased: E[Zhat] = " + e.meanZ() + " but Z = " + e.z()
          + " (relative error " + Math.abs(e.meanZ() - e.z()) / scale + ")");
    }
    String d = difference(e.expected(), e.gamma(), scale);
    if (d != null) {
      throw new AssertionError(
          "not properly weighted: E[Zhat * weighted particles] differs from the unnormalised posterior at " + d);
    }
  }

  /**
   * The larger of the two relative errors |E[Zhat] - Z| / Z and max_x |E[Zhat * particle measure](x)
   * - gamma(x)| / Z: 0 up to rounding for a correct algorithm, so a test can also show by how much
   * a broken one misses.
   */
  public static <A, P> double error(Prob<A> model, Prob<P> algorithm, ToDoubleFunction<? super P> logEvidence,
      Function<? super P, ? extends List<Weighted<A>>> particles) {
    Exact<A> e = exact(model, algorithm, logEvidence, particles);
    double scale = Math.max(e.z(), Double.MIN_NORMAL);
    double err = Math.abs(e.meanZ() - e.z()) / scale;
    Set<A> keys = new LinkedHashSet<>(e.gamma().keySet());
    keys.addAll(e.expected().keySet());
    for (A k : keys) {
      err = Math.max(err, Math.abs(e.expected().getOrDefault(k, 0.0) - e.gamma().getOrDefault(k, 0.0)) / scale);
    }
    return err;
  }

  /**
   * Throws an {@link AssertionError} unless the random output {@code after} of a step applied to
   * {@code before} (resampling, a move) estimates, in expectation, the same unnormalised measure
   * as {@code before}: E[Zhat' sum_i wbar'_i delta(x'_i)] = Zhat sum_i wbar_i delta(x_i).
   */
  public static <A, P> void preservesMeasureInExpectation(P before, Prob<P> after,
      ToDoubleFunction<? super P> logEvidence, Function<? super P, ? extends List<Weighted<A>>> particles) {
    Map<A, Double> want = measure(Reading.of(before, logEvidence, particles), 1.0, new LinkedHashMap<>());
    double total = want.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<A, Double> got = new LinkedHashMap<>();
    for (Weighted<Reading<A>> o : Enumerator.enumerate(after.map(p -> Reading.of(p, logEvidence, particles))).weighted()) {
      measure(o.value(), Math.exp(o.logWeight()), got);
    }
    String d = difference(got, want, Math.max(total, Double.MIN_NORMAL));
    if (d != null) {
      throw new AssertionError("the step changes the population's measure in expectation at " + d);
    }
  }

  /** The exact evidence and unnormalised posterior, and the algorithm's expected Zhat and measure. */
  private record Exact<A>(double z, Map<A, Double> gamma, double meanZ, Map<A, Double> expected) {
  }

  private static <A, P> Exact<A> exact(Prob<A> model, Prob<P> algorithm, ToDoubleFunction<? super P> logEvidence,
      Function<? super P, ? extends List<Weighted<A>>> particles) {
    Map<A, Double> gamma = new LinkedHashMap<>();
    double z = 0;
    for (Weighted<A> w : Enumerator.unnormalised(model)) {
      gamma.merge(w.value(), w.weight(), Double::sum);
      z += w.weight();
    }
    // each output read at once into a small value: equal readings merge, and no output (with its
    // suspended programs) is kept alive by the enumeration
    Enumeration<Reading<A>> out = Enumerator.enumerate(algorithm.map(p -> Reading.of(p, logEvidence, particles)));
    if (Math.abs(out.logEvidence()) > RELATIVE_TOLERANCE) {
      throw new AssertionError("the algorithm itself carries weight (log " + out.logEvidence()
          + "): observations must be inside the model, not in the algorithm");
    }
    double meanZ = 0;
    Map<A, Double> expected = new LinkedHashMap<>();
    for (Weighted<Reading<A>> o : out.weighted()) {
      double pr = Math.exp(o.logWeight());
      meanZ += pr * Math.exp(o.value().logEvidence());
      measure(o.value(), pr, expected);
    }
    return new Exact<>(z, gamma, meanZ, expected);
  }

  /** An output as read: log Zhat and the weighted particles. */
  private record Reading<A>(double logEvidence, List<Weighted<A>> particles) {
    static <A, P> Reading<A> of(P output, ToDoubleFunction<? super P> logEvidence,
        Function<? super P, ? extends List<Weighted<A>>> particles) {
      double logZ = logEvidence.applyAsDouble(output);
      return new Reading<>(logZ, logZ == Double.NEGATIVE_INFINITY ? List.of() : List.copyOf(particles.apply(output)));
    }
  }

  /** Adds {@code pr} times the measure Zhat * sum_i wbar_i delta(x_i) of one output to {@code into}. */
  private static <A> Map<A, Double> measure(Reading<A> r, double pr, Map<A, Double> into) {
    if (r.logEvidence() == Double.NEGATIVE_INFINITY) {
      return into;
    }
    double m = Double.NEGATIVE_INFINITY;
    for (Weighted<A> w : r.particles()) {
      m = Math.max(m, w.logWeight());
    }
    if (m == Double.NEGATIVE_INFINITY) {
      return into;
    }
    double s = 0;
    for (Weighted<A> w : r.particles()) {
      s += Math.exp(w.logWeight() - m);
    }
    for (Weighted<A> w : r.particles()) {
      if (w.logWeight() > Double.NEGATIVE_INFINITY) {
        into.merge(w.value(), pr * Math.exp(r.logEvidence() + w.logWeight() - m) / s, Double::sum);
      }
    }
    return into;
  }

  /** Null when the measures agree within the relative tolerance of {@code scale}; else the first difference. */
  static <A> String difference(Map<A, Double> got, Map<A, Double> want, double scale) {
    Set<A> keys = new LinkedHashSet<>(want.keySet());
    keys.addAll(got.keySet());
    for (A k : keys) {
      double g = got.getOrDefault(k, 0.0);
      double w = want.getOrDefault(k, 0.0);
      if (Math.abs(g - w) > RELATIVE_TOLERANCE * scale) {
        return "value " + k + ": expected mass " + g + ", exact " + w + "\n  expected: " + got + "\n  exact:    " + want;
      }
    }
    return null;
  }
}
