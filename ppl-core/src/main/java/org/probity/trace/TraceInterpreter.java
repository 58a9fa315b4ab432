package org.probity.trace;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.DuplicateAddressException;
import org.probity.core.InvalidWeightException;
import org.probity.core.Factor;
import org.probity.core.Handler;
import org.probity.core.Interpreter;
import org.probity.core.Machine;
import org.probity.core.Observe;
import org.probity.core.PList;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.Weights;
import org.probity.dist.Deterministic;
import org.probity.dist.DistributionException;
import org.probity.dist.Distribution;

/**
 * The tracing interpreter as a program transformation: runs a model against a previous trace and
 * yields a {@code Prob} of the {@link Update}. A choice takes, in order of preference, its
 * constrained value, its previous value (when the address is not to be resampled and the old value
 * has positive density under the site's current distribution), or a fresh draw, which becomes an
 * anonymous {@link Sample} node of the resulting program: so the randomness of a kernel built on it
 * is a sample step of the same monad and the Enumerator can enumerate it exactly. The run ends at
 * its first zero density (the trace then says where, {@link Trace#zeroSite}). A deterministic site
 * ({@link Deterministic}) is recorded with the value the run computes, never given, kept nor drawn.
 *
 * <p>Sites are named by the one loop ({@link Interpreter}). Between fresh draws the run's state is
 * copied into the continuation, so continuations may be re-run.
 */
final class TraceInterpreter {
  private static final Set<Address> NO_ADDRESSES = Set.of();

  private static final Choice[] NO_CHOICES = new Choice[0];

  private final Prob<?> program;
  private final Trace<?> oldTrace; // the previous trace, or null when the previous values are only a map
  private final Choice[] oldOrder; // its choices in order (distinct addresses): the i-th choice is looked up at i first
  private final Map<Address, Choice> oldMap; // null until needed when oldTrace is given
  private final Object[] given; // values given by position in oldOrder (null: not given), or null
  private volatile Map<Address, ?> constraints; // the given values by address; built from `given` when first needed
  private final Selection resample;
  private final boolean scored;
  private final boolean allowFresh;
  // Kernels' mode (Traces.tryUpdate): a run that builds a distribution with invalid parameters, or
  // is given a value where its density is infinite, ends with zero density instead of throwing.
  private boolean rejectInvalid;
  // Values given at addresses the run does not reach are dropped instead of refused (Traces.tryUpdateDropping).
  private boolean dropUnreached;

  TraceInterpreter(Prob<?> program, Map<Address, Choice> old, Map<Address, ?> constraints, Selection resample,
      boolean scored, boolean allowFresh) {
    this.program = program;
    this.oldTrace = null;
    this.oldOrder = NO_CHOICES;
    this.oldMap = old;
    this.given = null;
    this.constraints = constraints;
    this.resample = resample;
    this.scored = scored;
    this.allowFresh = allowFresh;
  }

  /**
   * Re-runs against a previous trace; {@code given} (null for none) holds the constrained values by
   * position in the trace's choices (null where not constrained), else {@code constraints} by address.
   */
  TraceInterpreter(Prob<?> program, Trace<?> old, Object[] given, Map<Address, ?> constraints, Selection resample,
      boolean scored, boolean allowFresh) {
    this.program = program;
    this.oldTrace = old;
    this.oldOrder = old.ordered();
    this.oldMap = null;
    this.given = given;
    this.constraints = given == null ? constraints : null;
    this.resample = resample;
    this.scored = scored;
    this.allowFresh = allowFresh;
  }

  private Choice oldChoice(Address a) {
    return oldTrace != null ? oldTrace.choice(a) : oldMap.get(a);
  }

  private Map<Address, ?> constraints() {
    Map<Address, ?> m = constraints;
    if (m == null) {
      Map<Address, Object> byAddress = new java.util.HashMap<>();
      for (int i = 0; i < given.length; i++) {
        if (given[i] != null) {
          byAddress.put(oldOrder[i].address(), given[i]);
        }
      }
      constraints = m = byAddress;
    }
    return m;
  }

  /** This interpreter in the rejecting mode of {@link Traces#tryUpdate}. */
  TraceInterpreter rejectingInvalid() {
    rejectInvalid = true;
    return this;
  }

  /** This interpreter dropping given values the run does not reach (see {@link Traces#tryUpdateDropping}). */
  TraceInterpreter droppingUnreached() {
    dropUnreached = true;
    return this;
  }

  /** The traced program; its result is null when fresh draws are not allowed and one was needed. */
  Prob<Update<Object>> program() {
    return new org.probity.core.Defer<>(() -> new Run(this).from(Machine.start(program)));
  }

  /** Runs without fresh draws: the update, or null when some choice would need a fresh draw. */
  @SuppressWarnings("unchecked")
  Update<Object> runDeterministic() {
    Prob<Update<Object>> p = new Run(this).from(Machine.start(program));
    return ((Pure<Update<Object>>) p).value();
  }

  /**
   * The handler of one stretch of a traced run, up to its end or its next fresh draw: the choices
   * so far and the running sums. A fresh draw stops it; the continuation copies it.
   */
  private static final class Run implements Handler<Prob<Update<Object>>> {
    final TraceInterpreter ti;
    PList<Choice> choices;
    int n; // the number of choices so far
    boolean aligned = true; // whether the i-th choice has had the address of the i-th old one, for all i < n
    PList<Address> fresh;
    double logPrior;
    double logLik;
    double logFresh;
    int observations;
    PList<Address> observed; // the addresses of named observations, checked against each other and the choices at the end
    String zero;
    ZeroCause cause;
    Prob<Update<Object>> pending; // the program returned when a fresh draw stops the loop

    Run(TraceInterpreter ti) {
      this.ti = ti;
    }

    Run copy() {
      Run r = new Run(ti);
      r.choices = choices;
      r.n = n;
      r.aligned = aligned;
      r.fresh = fresh;
      r.logPrior = logPrior;
      r.logLik = logLik;
      r.logFresh = logFresh;
      r.observations = observations;
      r.observed = observed;
      r.zero = zero;
      r.cause = cause;
      return r;
    }

    Prob<Update<Object>> from(Machine m) {
      if (!ti.rejectInvalid) {
        return Interpreter.run(m, this);
      }
      try {
        return Interpreter.run(m, this);
      } catch (DistributionException | InvalidWeightException e) {
        return invalid(e);
      }
    }

    /** Resumes after a fresh draw {@code v}: the continuation {@code k} of the site, then the rest of the run. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Prob<Update<Object>> resume(Machine after, Function k, Object v) {
      if (!ti.rejectInvalid) {
        return from(after.resume((Prob<?>) k.apply(v)));
      }
      Prob<?> next;
      try {
        next = (Prob<?>) k.apply(v);
      } catch (DistributionException | InvalidWeightException e) {
        return invalid(e);
      }
      return from(after.resume(next));
    }

    /** A proposed state where the model cannot even build its distributions: outside its support, zero density. */
    private Prob<Update<Object>> invalid(RuntimeException e) {
      zero = "invalid parameters after " + (choices == null ? "no choice" : "the choice at " + choices.head().address())
          + ": " + Weights.briefly(e.getMessage());
      cause = ZeroCause.INVALID_PARAMETERS;
      logLik = Double.NEGATIVE_INFINITY;
      return finish(null);
    }

    @Override
    public boolean claimsNames() {
      return false; // duplicates are found when the trace is built (a re-run aligned with its predecessor needs no set)
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      Address a = run.address();
      Distribution d = s.dist();
      Choice[] oldOrder = ti.oldOrder;
      // The i-th choice of a re-run usually has the address of the i-th old choice: then the old
      // choice and the given value are found by position, without hashing (addresses are distinct
      // in a trace, so this finds what a lookup by address would).
      boolean here = n < oldOrder.length && oldOrder[n].address().equals(a);
      aligned &= here;
      if (d instanceof Deterministic det) {
        // a deterministic site takes the value this run computes, whatever was given or kept
        Object v = det.value();
        choices = PList.cons(new Choice(a, d, v, 0.0), choices);
        n++;
        return (Prob<?>) ((Function) s.k()).apply(v);
      }
      Object g;
      boolean isGiven;
      if (here && ti.given != null) {
        g = ti.given[n];
        isGiven = g != null;
      } else {
        Map<Address, ?> cs = ti.constraints();
        g = cs.get(a); // one lookup in the common case; null values are still honoured
        isGiven = g != null || (!cs.isEmpty() && cs.containsKey(a));
      }
      Object x;
      double lp;
      Choice prev;
      if (isGiven) {
        x = g;
        lp = ti.rejectInvalid ? givenDensity(d, x, a) : Weights.choice(d, x, a);
      } else if (!ti.resample.contains(a) && (prev = here ? oldOrder[n] : ti.oldChoice(a)) != null
          && (lp = Values.densityOrZero(d, prev.value())) > Double.NEGATIVE_INFINITY) {
        x = prev.value();
        if (lp == Double.POSITIVE_INFINITY) {
          throw Weights.invalid(lp, a, d, x);
        }
      } else {
        if (!ti.allowFresh) {
          pending = new Pure<>(null);
          return Interpreter.STOP;
        }
        Run at = copy();
        Machine after = run.resume(s);
        Function k = s.k();
        pending = new Sample<Object, Update<Object>>(null, d, v -> {
          double lv = Weights.choice(d, v, a);
          Run r = at.copy();
          r.choices = PList.cons(new Choice(a, d, v, lv), r.choices);
          r.n++;
          r.fresh = PList.cons(a, r.fresh);
          r.logPrior += lv;
          r.logFresh += lv;
          if (lv == Double.NEGATIVE_INFINITY) {
            r.zero = site(a, d, v);
            r.cause = ZeroCause.OUTSIDE_SUPPORT;
            return r.finish(null);
          }
          return r.resume(after, k, v);
        });
        return Interpreter.STOP;
      }
      choices = PList.cons(new Choice(a, d, x, lp), choices);
      n++;
      logPrior += lp;
      if (lp == Double.NEGATIVE_INFINITY) {
        zero = site(a, d, x);
        cause = ZeroCause.OUTSIDE_SUPPORT;
        pending = finish(null);
        return Interpreter.STOP;
      }
      return (Prob<?>) ((Function) s.k()).apply(x);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      int index = observations++;
      if (o.address() != null) {
        observed = PList.cons(o.address(), observed);
      }
      double l = Weights.observe(o);
      logLik += l;
      if (l == Double.NEGATIVE_INFINITY) {
        Object where = o.address() != null ? o.address() : "observation #" + index;
        zero = "the observation " + where + " of " + Weights.briefly(o.value()) + " from " + Weights.briefly(o.dist());
        cause = ZeroCause.ZERO_DENSITY;
        pending = finish(null);
        return Interpreter.STOP;
      }
      return (Prob<?>) ((Observe) o).next().get();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      double l = Weights.factor(f);
      logLik += l;
      if (l == Double.NEGATIVE_INFINITY) {
        zero = "a factor (log weight -Infinity) after " + (choices == null ? "no choice" : "the choice at " + choices.head().address());
        cause = ZeroCause.ZERO_DENSITY;
        pending = finish(null);
        return Interpreter.STOP;
      }
      return (Prob<?>) ((Factor) f).next().get();
    }

    @Override
    public Prob<Update<Object>> result(Object value, Interpreter run) {
      return finish(value);
    }

    @Override
    public Prob<Update<Object>> stopped(Interpreter run) {
      return pending;
    }

    /**
     * The log density of a given (proposed) value in the rejecting mode: a value where the density
     * is infinite (a bound of the support) counts as outside the support, not as an error.
     */
    private static double givenDensity(Distribution<?> d, Object x, Address a) {
      try {
        return Weights.choice(d, x, a);
      } catch (InvalidWeightException e) {
        return Double.NEGATIVE_INFINITY;
      }
    }

    private static String site(Address a, Distribution<?> d, Object x) {
      return "the choice at " + a + " from " + Weights.briefly(d) + " (value " + Weights.briefly(x) + ")";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Prob<Update<Object>> finish(Object value) {
      Choice[] oldOrder = ti.oldOrder;
      Choice[] ordered = new Choice[n]; // the choices in order of execution, without an intermediate list
      int i = n;
      for (PList<Choice> c = choices; c != null; c = c.tail()) {
        ordered[--i] = c.head();
      }
      LinkedHashMap<Address, Choice> map = null;
      boolean complete = zero == null;
      if (aligned && n <= oldOrder.length && (ti.given != null || ti.constraints.isEmpty())) {
        // Every choice had the address of the old choice at its position, and those are distinct.
        if (ti.given != null && complete && !ti.dropUnreached) {
          for (int j = n; j < ti.given.length; j++) {
            if (ti.given[j] != null) {
              throw new ProbityException("a value was given for " + oldOrder[j].address()
                  + " but the run did not reach that address");
            }
          }
        }
      } else {
        map = new LinkedHashMap<>(Math.max(16, (int) (n / 0.75f) + 1));
        for (Choice c : ordered) {
          if (map.put(c.address(), c) != null) {
            throw new DuplicateAddressException(c.address());
          }
        }
        Map<Address, ?> cs = ti.given == null ? ti.constraints : ti.constraints();
        if (!cs.isEmpty() && complete && !ti.dropUnreached) {
          for (Address a : cs.keySet()) {
            if (!map.containsKey(a)) {
              throw new ProbityException("a value was given for " + a + " but the run did not reach that address");
            }
          }
        }
      }
      if (observed != null) {
        // The loop does not claim names here (claimsNames): a named observation may not reuse an
        // address, as in the Sampler (#14 item 4). Only runs with named observations pay for this.
        Set<Address> names = new HashSet<>(Math.max(16, (int) ((n + 8) / 0.75f) + 1));
        for (Choice c : ordered) {
          names.add(c.address());
        }
        for (PList<Address> p = observed; p != null; p = p.tail()) {
          if (!names.add(p.head())) {
            throw new DuplicateAddressException(p.head());
          }
        }
      }
      Set<Address> freshSet = fresh == null ? NO_ADDRESSES : new HashSet<>(PList.toListReversed(fresh));
      Trace<Object> t = new Trace<>((Prob) ti.program, ordered, map, value, logPrior, logLik, zero, cause);
      Update<Object> u = new Update<>(t, freshSet, logFresh);
      if (ti.scored) {
        return new Factor<>(Real.of(logLik), () -> new Pure<>(u));
      }
      return new Pure<>(u);
    }
  }
}
