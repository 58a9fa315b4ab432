package org.probity.inference.mcmc;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.semantics.Sampler;

/**
 * Traced versions of programs, the operations kernels are built from: run a program recording its
 * choices ({@link #prior}, {@link #posterior}), re-run it against a previous trace keeping some
 * values and resampling others ({@link #update}, {@link #regenerate}, Gen's update/regenerate,
 * Cusumano-Towner et al. PLDI 2019), and the reverse-move term of the acceptance ratio for
 * programs with stochastic control flow ({@link #reverseLogFresh}; the fresh/stale terms of
 * Wingate, Stuhlmueller and Goodman, AISTATS 2011).
 *
 * <p>All results are {@code Prob}s whose only randomness is the fresh draws, so they run under
 * the Sampler and enumerate exactly under the Enumerator.
 */
public final class Traced {
  private Traced() {
  }

  /** The program, traced: every choice drawn from its prior; the likelihood is recorded, not weighted. */
  public static <A> Prob<Trace<A>> prior(Prob<A> program) {
    return update(program, Map.of(), Map.of(), Selection.all(), false).map(Update::trace);
  }

  /**
   * The program, traced and scored: like {@link #prior} but weighted by the likelihood, so that
   * {@code Enumerator.enumerate(posterior(model))} is the exact posterior over traces.
   */
  public static <A> Prob<Trace<A>> posterior(Prob<A> program) {
    return update(program, Map.of(), Map.of(), Selection.all(), true).map(Update::trace);
  }

  /** Draws one trace of the program from its prior with the given generator. */
  public static <A> Trace<A> sample(Prob<A> program, UniformRandomProvider rng) {
    return Sampler.run(prior(program), rng).value();
  }

  /**
   * Re-runs the trace's program: addresses in {@code constraints} take the given values; every other
   * address keeps its previous value when it is not in {@code resample}, was reached before and its
   * value has positive density under the site's current distribution; all remaining choices are
   * drawn afresh from their distributions (the fresh draws are the randomness of the result).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <A> Prob<Update<A>> update(Trace<A> trace, Map<Address, ?> constraints, Selection resample) {
    return (Prob) new TraceInterpreter(trace.program(), trace, null, constraints, resample, false, true).program();
  }

  /**
   * {@link #update} with the constrained values given by position: {@code given[i]} is the new value
   * of the trace's i-th choice, null where that choice is not constrained (the kernels' fast path:
   * no map of the proposal is built).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <A> Prob<Update<A>> update(Trace<A> trace, Object[] given, Selection resample) {
    return (Prob) new TraceInterpreter(trace.program(), trace, given, null, resample, false, true).program();
  }

  /**
   * {@link #update} of another program at the values of {@code previous} (null for none): as when a
   * trace of a program's prefix is extended to a longer prefix (resample-move SMC).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <A> Prob<Update<A>> update(Prob<A> program, Trace<?> previous, Map<Address, ?> constraints,
      Selection resample) {
    if (previous == null) {
      return update(program, Map.of(), constraints, resample, false);
    }
    return (Prob) new TraceInterpreter(program, previous, null, constraints, resample, false, true).program();
  }

  /** Re-runs the trace's program with the selected addresses drawn afresh (Gen's regenerate). */
  public static <A> Prob<Update<A>> regenerate(Trace<A> trace, Selection resample) {
    return update(trace, Map.of(), resample);
  }

  /**
   * {@link #update} when no fresh draw is needed: the update, or empty when some choice would have
   * to be drawn afresh (a new address, or a previous value outside the new support).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <A> Optional<Update<A>> updateDeterministic(Trace<A> trace, Map<Address, ?> constraints) {
    return Optional.ofNullable((Update) new TraceInterpreter(trace.program(), trace, null, constraints,
        Selection.none(), false, false).runDeterministic());
  }

  /**
   * Scores a program at the values of a previous trace (which may be a trace of another program,
   * as when assessing a backward proposal): the trace, or empty when the program reaches an
   * address that {@code values} lacks (or whose value has zero density there).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <A> Optional<Trace<A>> assess(Prob<A> program, Map<Address, Choice> values) {
    Update u = new TraceInterpreter(program, values, Map.of(), Selection.none(), false, false).runDeterministic();
    return Optional.ofNullable(u == null ? null : (Trace<A>) u.trace());
  }

  /**
   * Replays the program at the given values, which must be exactly the choices of one run: the
   * trace, with an error naming the address when a value is missing or unused.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <A> Trace<A> replay(Prob<A> program, Map<Address, ?> values) {
    Update u = new TraceInterpreter(program, Map.of(), values, Selection.none(), false, false).runDeterministic();
    if (u == null) {
      throw new ProbityException("replay: the program reached a choice with no given value (values given for "
          + values.keySet() + ")");
    }
    return (Trace<A>) u.trace();
  }

  /**
   * The log density of the fresh draws of the reverse move: how a re-run of {@code to} with the
   * addresses in {@code constrained} given (by the backward proposal) and those in {@code resample}
   * drawn afresh reproduces {@code from}. Each choice of {@code from} is either given, resampled or
   * stale/invalid in {@code to} (then its log density in {@code from} counts, the stale term), or
   * kept, in which case its value must be the one in {@code to}; if not, the reverse move cannot
   * reproduce {@code from} and the result is negative infinity (the move must be rejected).
   */
  public static double reverseLogFresh(Trace<?> from, Trace<?> to, Set<Address> constrained, Selection resample) {
    return reverseLogFresh(from, to, null, constrained, resample);
  }

  /**
   * {@link #reverseLogFresh} with the constrained addresses given as the positions of {@code from}'s
   * choices where {@code given} is not null (when {@code given} is not null; else {@code constrained}).
   */
  static double reverseLogFresh(Trace<?> from, Trace<?> to, Object[] given, Set<Address> constrained,
      Selection resample) {
    double s = 0;
    Choice[] cs = from.ordered();
    for (int i = 0; i < cs.length; i++) {
      Choice c = cs[i];
      Address a = c.address();
      if (given != null ? given[i] != null : constrained.contains(a)) {
        continue;
      }
      if (resample.contains(a)) {
        s += c.logDensity();
        continue;
      }
      Choice d = to.choiceNear(i, a);
      if (d != null && Values.densityOrZero(c.dist(), d.value()) > Double.NEGATIVE_INFINITY) {
        if (!Values.same(d.value(), c.value())) {
          return Double.NEGATIVE_INFINITY;
        }
        continue;
      }
      s += c.logDensity();
    }
    return s;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <A> Prob<Update<A>> update(Prob<A> program, Map<Address, Choice> old, Map<Address, ?> constraints,
      Selection resample, boolean scored) {
    return (Prob) new TraceInterpreter(program, old, constraints, resample, scored, true).program();
  }
}
