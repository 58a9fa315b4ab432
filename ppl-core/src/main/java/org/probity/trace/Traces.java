package org.probity.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Tape;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.Weights;
import org.probity.semantics.Density;
import org.probity.semantics.Sampler;

/**
 * Gen's generative-function interface on any program (Cusumano-Towner et al., "Gen: a
 * general-purpose probabilistic programming system with programmable inference", PLDI 2019;
 * Gen.jl's {@code gen_fn_interface.jl}): {@link #simulate}, {@link #generate}, {@link #update},
 * {@link #regenerate}, {@link #assess}, {@link #project} and {@link #choiceGradients}, plus the
 * lower-level operations kernels are built from: run a program recording its choices
 * ({@link #prior}, {@link #posterior}), re-run it against a previous trace keeping some values and
 * resampling others ({@link #update(Trace, Map, Selection)}), and the reverse-move term of the
 * acceptance ratio for programs with stochastic control flow ({@link #reverseLogFresh}; the
 * fresh/stale terms of Wingate, Stuhlmueller and Goodman, AISTATS 2011).
 *
 * <p>Results are {@code Prob}s whose only randomness is the fresh draws, so they run under the
 * Sampler and enumerate exactly under the Enumerator; the forms taking a generator run them.
 * Scores are doubles; {@link #score} and {@link #choiceGradients} give the differentiable
 * ({@code Real}) scoring mode.
 */
public final class Traces {
  private Traces() {
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

  // ---- Gen's interface ----

  /** A trace with the log weight of how it was made (Gen's {@code generate} and {@code update} weights). */
  public record Weighted<A>(Trace<A> trace, double logWeight) {
  }

  /**
   * An updated trace, the log weight of the move and the discarded values: the previous values of
   * the constrained addresses that changed and of the addresses the new run no longer reaches.
   */
  public record Updated<A>(Trace<A> trace, double logWeight, Map<Address, Object> discard) {
    /** Copies the discard. */
    public Updated {
      discard = Collections.unmodifiableMap(new LinkedHashMap<>(discard));
    }
  }

  /** Gen's {@code simulate}: the program traced, every choice from its prior (same as {@link #prior}). */
  public static <A> Prob<Trace<A>> simulate(Prob<A> program) {
    return prior(program);
  }

  /** {@link #simulate(Prob)} run with a generator. */
  public static <A> Trace<A> simulate(Prob<A> program, UniformRandomProvider rng) {
    return sample(program, rng);
  }

  /**
   * Gen's {@code generate}: a trace whose choices at the addresses of {@code constraints} take
   * the given values, the others drawn from their prior, with log weight log p(t) - log q(t), q
   * being the prior draws of the unconstrained choices: the constrained choices' log densities plus
   * the log likelihood. A constraint the run never reaches is an error naming the address.
   */
  public static <A> Prob<Weighted<A>> generate(Prob<A> program, Map<Address, ?> constraints) {
    return update(program, Map.of(), constraints, Selection.all(), false).map(u -> {
      Trace<A> t = u.trace();
      double w = t.logJoint() == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : t.logJoint() - u.logFresh();
      return new Weighted<>(t, w);
    });
  }

  /** {@link #generate(Prob, Map)} run with a generator. */
  public static <A> Weighted<A> generate(Prob<A> program, Map<Address, ?> constraints, UniformRandomProvider rng) {
    return Sampler.run(generate(program, constraints), rng).value();
  }

  /**
   * Gen's {@code update}: the trace re-run with the constrained addresses set to new values, the
   * other previous values kept where still valid and new addresses drawn from their prior; log
   * weight log [p(t') q(stale)] - log [p(t) q(fresh)], the stale term being the prior density of
   * the previous choices the new run drops or redraws (so it is the log acceptance ratio of a
   * Metropolis-Hastings move that proposes these constraints deterministically).
   */
  public static <A> Prob<Updated<A>> updateTrace(Trace<A> trace, Map<Address, ?> constraints) {
    return update(trace, constraints, Selection.none()).map(u -> updated(trace, u, constraints.keySet(), Selection.none()));
  }

  /** {@link #updateTrace(Trace, Map)} run with a generator. */
  public static <A> Updated<A> updateTrace(Trace<A> trace, Map<Address, ?> constraints, UniformRandomProvider rng) {
    return Sampler.run(updateTrace(trace, constraints), rng).value();
  }

  /**
   * Gen's {@code regenerate}: the trace re-run with the selected addresses drawn afresh from their
   * prior; log weight log [p(t') q(t | t')] - log [p(t) q(t' | t)], the acceptance ratio of
   * lightweight MH on the selection (Wingate et al. 2011).
   */
  public static <A> Prob<Updated<A>> regenerateTrace(Trace<A> trace, Selection selection) {
    return regenerate(trace, selection).map(u -> updated(trace, u, Set.of(), selection));
  }

  /** {@link #regenerateTrace(Trace, Selection)} run with a generator. */
  public static <A> Updated<A> regenerateTrace(Trace<A> trace, Selection selection, UniformRandomProvider rng) {
    return Sampler.run(regenerateTrace(trace, selection), rng).value();
  }

  private static <A> Updated<A> updated(Trace<A> from, Update<A> u, Set<Address> constrained, Selection resample) {
    Trace<A> to = u.trace();
    double w;
    if (to.logJoint() == Double.NEGATIVE_INFINITY) {
      w = Double.NEGATIVE_INFINITY;
    } else if (from.logJoint() == Double.NEGATIVE_INFINITY) {
      w = Double.POSITIVE_INFINITY;
    } else {
      w = to.logJoint() - from.logJoint() - u.logFresh() + reverseLogFresh(from, to, constrained, resample);
    }
    Map<Address, Object> discard = new LinkedHashMap<>();
    for (Choice c : from.ordered()) {
      if (c.isDeterministic()) {
        continue; // recomputed, not a choice that was replaced
      }
      Choice d = to.choice(c.address());
      if (d == null || !Values.same(d.value(), c.value())) {
        discard.put(c.address(), c.value());
      }
    }
    return new Updated<>(to, w, discard);
  }

  /**
   * Gen's {@code assess}: the log joint density of the program at exactly the given choices
   * (choices plus observations and factors). A choice without a value, or a value the run never
   * uses, is an error naming the address.
   */
  public static double assess(Prob<?> program, Map<Address, ?> values) {
    return Density.replay(program, values).logJoint().value();
  }

  /**
   * Gen's {@code project}: the log density of the selected choices of the trace plus its log
   * likelihood (the observations, which Probity keeps out of the choices, always count).
   */
  public static double project(Trace<?> trace, Selection selection) {
    double s = trace.logLikelihood();
    for (Choice c : trace.ordered()) {
      if (selection.contains(c.address())) {
        s += c.logDensity();
      }
    }
    return s;
  }

  /**
   * The differentiable scoring mode: the program replayed at {@code values}, which may be tape
   * nodes ({@code Real}, {@code Real[]} on a {@link Tape}), so its log prior and log likelihood carry
   * their gradients.
   */
  public static <A> Density.Result<A> score(Prob<A> program, Map<Address, ?> values) {
    return Density.replay(program, values);
  }

  /**
   * Gen's {@code choice_gradients}: the gradient of the trace's log joint density with respect to
   * the values of the selected choices, which must be continuous ({@code Real} gives a Double,
   * {@code Real[]} a double[]), by reverse-mode differentiation of a replay.
   *
   * @throws ProbityException if a selected choice is not continuous, naming it
   */
  public static Map<Address, Object> choiceGradients(Trace<?> trace, Selection selection) {
    Tape tape = new Tape();
    Map<Address, Object> values = new LinkedHashMap<>();
    Map<Address, Object> vars = new LinkedHashMap<>();
    for (Choice c : trace.ordered()) {
      Object v = c.value();
      if (c.isDeterministic()) {
        continue; // the replay recomputes it from the other values
      }
      if (selection.contains(c.address())) {
        Object x;
        if (v instanceof Real r) {
          x = tape.variable(r.value());
        } else if (v instanceof Real[] rs) {
          x = tape.variables(Real.values(rs));
        } else {
          throw new ProbityException("choiceGradients: the selected choice at " + c.address() + " from "
              + Weights.briefly(c.dist()) + " is not continuous (value " + Weights.briefly(v) + ")");
        }
        vars.put(c.address(), x);
        values.put(c.address(), x);
      } else {
        values.put(c.address(), v);
      }
    }
    Real lj = Tape.recording(() -> Density.replay(trace.program(), values).logJoint());
    double[] adj = tape.gradient(lj);
    Map<Address, Object> out = new LinkedHashMap<>();
    for (Map.Entry<Address, Object> e : vars.entrySet()) {
      if (e.getValue() instanceof Real r) {
        out.put(e.getKey(), adj[r.index()]);
      } else {
        Real[] rs = (Real[]) e.getValue();
        double[] g = new double[rs.length];
        for (int i = 0; i < rs.length; i++) {
          g[i] = adj[rs[i].index()];
        }
        out.put(e.getKey(), g);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  // ---- the operations kernels are built from ----

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
  public static <A> Prob<Update<A>> update(Trace<A> trace, Object[] given, Selection resample) {
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

  /**
   * {@link #update(Trace, Map, Selection)} for MCMC proposals: a proposed state at which the model
   * builds a distribution with invalid parameters ({@code DistributionException}), or gives a
   * proposed value an infinite density (a bound of its support), is not an error but an update of
   * zero density, its trace saying where and why ({@link Trace#zeroSite}, {@link Trace#zeroCause}),
   * so that the kernel rejects it and counts the rejection.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <A> Prob<Update<A>> tryUpdate(Trace<A> trace, Map<Address, ?> constraints, Selection resample) {
    return (Prob) new TraceInterpreter(trace.program(), trace, null, constraints, resample, false, true)
        .rejectingInvalid().program();
  }

  /** {@link #tryUpdate(Trace, Map, Selection)} with the constrained values by position, as {@link #update(Trace, Object[], Selection)}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <A> Prob<Update<A>> tryUpdate(Trace<A> trace, Object[] given, Selection resample) {
    return (Prob) new TraceInterpreter(trace.program(), trace, given, null, resample, false, true)
        .rejectingInvalid().program();
  }

  /**
   * {@link #tryUpdate(Trace, Object[], Selection)} where a value given at an address the run does
   * not reach is dropped rather than refused: for a kernel that moves several sites at once and
   * rejects a proposal whose run does not keep them all (the random walk, when moving one site
   * makes another disappear), so that the proposal is judged, not an error.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <A> Prob<Update<A>> tryUpdateDropping(Trace<A> trace, Object[] given, Selection resample) {
    return (Prob) new TraceInterpreter(trace.program(), trace, given, null, resample, false, true)
        .rejectingInvalid().droppingUnreached().program();
  }

  /** {@link #regenerate} in the rejecting mode of {@link #tryUpdate(Trace, Map, Selection)}. */
  public static <A> Prob<Update<A>> tryRegenerate(Trace<A> trace, Selection resample) {
    return tryUpdate(trace, Map.of(), resample);
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
   * {@link #updateDeterministic} in the rejecting mode of {@link #tryUpdate(Trace, Map, Selection)}:
   * a run that builds a distribution with invalid parameters, or gives a constrained value an
   * infinite density, is an update of zero density saying where and why ({@link Trace#zeroCause})
   * (enumerative Gibbs' candidates).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <A> Optional<Update<A>> tryUpdateDeterministic(Trace<A> trace, Map<Address, ?> constraints) {
    return Optional.ofNullable((Update) new TraceInterpreter(trace.program(), trace, null, constraints,
        Selection.none(), false, false).rejectingInvalid().runDeterministic());
  }

  /**
   * Scores a program at the values of a previous trace (which may be a trace of another program,
   * as when assessing a backward proposal): the trace, or empty when the program reaches an
   * address that {@code values} lacks (or whose value has zero density there).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <A> Optional<Trace<A>> scoreAt(Prob<A> program, Map<Address, Choice> values) {
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
  public static double reverseLogFresh(Trace<?> from, Trace<?> to, Object[] given, Set<Address> constrained,
      Selection resample) {
    double s = 0;
    Choice[] cs = from.ordered();
    for (int i = 0; i < cs.length; i++) {
      Choice c = cs[i];
      Address a = c.address();
      if (c.isDeterministic()) {
        continue; // recomputed by the reverse move, no draw to reproduce
      }
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
