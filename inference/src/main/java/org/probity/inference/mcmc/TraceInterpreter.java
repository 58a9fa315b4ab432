package org.probity.inference.mcmc;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Compiled;
import org.probity.core.Cont;
import org.probity.core.Defer;
import org.probity.core.DuplicateAddressException;
import org.probity.core.Factor;
import org.probity.core.FlatMap;
import org.probity.core.Independent;
import org.probity.core.InvalidWeightException;
import org.probity.core.Observe;
import org.probity.core.PList;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.dist.Distribution;

/**
 * The tracing interpreter as a program transformation: runs a model against a previous trace and
 * yields a {@code Prob} of the {@link Update}. A choice takes, in order of preference, its
 * constrained value, its previous value (when the address is not to be resampled and the old value
 * has positive density under the site's current distribution), or a fresh draw, which becomes an
 * anonymous {@link Sample} node of the resulting program: so the randomness of a kernel built on it
 * is a sample step of the same monad and the Enumerator can enumerate it exactly.
 *
 * <p>Addresses follow {@link org.probity.core.SiteNamer}'s conventions (named sites keep their
 * name, anonymous ones are {@code #k} in their scope, independent parts {@code #n[i]/...}). The
 * state is immutable between fresh draws, so continuations may be re-run.
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

  /** An enclosing independent product whose parts are being run one after the other. */
  private record Frame(Independent<?, ?> ind, int index, PList<Object> results, Cont stack, Address scope, int counter,
      Address base, Frame parent) {
  }

  /** The immutable state between two fresh draws. */
  private record State(Prob<?> node, Cont stack, Address scope, int counter, Frame frame, PList<Choice> choices,
      int n, boolean aligned, PList<Address> fresh, double logPrior, double logLik, double logFresh, int observations,
      String zero) {
  }

  /** The traced program; its result is null when fresh draws are not allowed and one was needed. */
  Prob<Update<Object>> program() {
    return new Defer<>(() -> run(new State(program, null, Address.ROOT, 0, null, null, 0, true, null, 0, 0, 0, 0, null)));
  }

  /** Runs without fresh draws: the update, or null when some choice would need a fresh draw. */
  @SuppressWarnings("unchecked")
  Update<Object> runDeterministic() {
    Prob<Update<Object>> p = run(new State(program, null, Address.ROOT, 0, null, null, 0, true, null, 0, 0, 0, 0, null));
    return ((Pure<Update<Object>>) p).value();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Prob<Update<Object>> run(State st) {
    Prob node = st.node();
    Cont stack = st.stack();
    Address scope = st.scope();
    int counter = st.counter();
    Frame frame = st.frame();
    PList<Choice> choices = st.choices();
    int n = st.n(); // the number of choices so far
    boolean aligned = st.aligned(); // whether the i-th choice has had the address of the i-th old one, for all i < n
    PList<Address> fresh = st.fresh();
    double logPrior = st.logPrior();
    double logLik = st.logLik();
    double logFresh = st.logFresh();
    int observations = st.observations();
    String zero = st.zero();
    while (true) {
      if (node instanceof Sample s) {
        Address a;
        if (s.address() == null) {
          a = scope.child("#" + counter++);
        } else {
          a = s.address();
        }
        Distribution d = s.dist();
        Object x;
        double lp;
        Choice prev;
        // The i-th choice of a re-run usually has the address of the i-th old choice: then the old
        // choice and the given value are found by position, without hashing (addresses are distinct
        // in a trace, so this finds what a lookup by address would).
        boolean here = n < oldOrder.length && Values.sameAddress(oldOrder[n].address(), a);
        aligned &= here;
        Object g;
        boolean isGiven;
        if (here && given != null) {
          g = given[n];
          isGiven = g != null;
        } else {
          Map<Address, ?> cs = constraints();
          g = cs.get(a); // one lookup in the common case; null values are still honoured
          isGiven = g != null || (!cs.isEmpty() && cs.containsKey(a));
        }
        if (isGiven) {
          x = g;
          try {
            lp = d.logDensity(x);
          } catch (ClassCastException e) {
            throw new ProbityException("the value " + Values.describe(x) + " given for " + a
                + " is not a value of its distribution " + d.name());
          }
          InvalidWeightException.check(lp, a, d, x);
        } else if (!resample.contains(a) && (prev = here ? oldOrder[n] : oldChoice(a)) != null
            && (lp = Values.densityOrZero(d, prev.value())) > Double.NEGATIVE_INFINITY) {
          x = prev.value();
          InvalidWeightException.check(lp, a, d, x);
        } else {
          if (!allowFresh) {
            return new Pure<>(null);
          }
          State at = new State(null, stack, scope, counter, frame, choices, n, aligned, fresh, logPrior, logLik,
              logFresh, observations, zero);
          java.util.function.Function k = s.k();
          return new Sample<Object, Update<Object>>(null, d, v -> {
            double lv = InvalidWeightException.check(d.logDensity(v), a, d, v);
            return run(new State((Prob) k.apply(v), at.stack(), at.scope(), at.counter(), at.frame(),
                PList.cons(new Choice(a, d, v, lv), at.choices()), at.n() + 1, at.aligned(), PList.cons(a, at.fresh()),
                at.logPrior() + lv, at.logLik(), at.logFresh() + lv, at.observations(),
                at.zero() == null && lv == Double.NEGATIVE_INFINITY ? site(a, d, v) : at.zero()));
          });
        }
        choices = PList.cons(new Choice(a, d, x, lp), choices);
        n++;
        logPrior += lp;
        if (zero == null && lp == Double.NEGATIVE_INFINITY) {
          zero = site(a, d, x);
        }
        node = (Prob) s.k().apply(x);
      } else if (node instanceof Observe o) {
        int index = observations++;
        // Messages are built only on failure: this loop is the MCMC hot path.
        double l = o.dist().logDensity(o.value());
        if (Double.isNaN(l) || l == Double.POSITIVE_INFINITY) {
          InvalidWeightException.check(l, o.address() != null ? o.address() : "observation #" + index, o.dist(), o.value());
        }
        logLik += l;
        if (zero == null && l == Double.NEGATIVE_INFINITY) {
          Object where = o.address() != null ? o.address() : "observation #" + index;
          zero = "the observation " + where + " of " + Values.describe(o.value()) + " from " + o.dist().name();
        }
        node = (Prob) o.next().get();
      } else if (node instanceof Factor f) {
        double l = f.logWeight().value();
        logLik += l;
        if (zero == null && l == Double.NEGATIVE_INFINITY) {
          zero = "a factor (log weight -Infinity) after " + (choices == null ? "no choice" : "the choice at " + choices.head().address());
        }
        node = (Prob) f.next().get();
      } else if (node instanceof FlatMap fm) {
        stack = Cont.push(fm.k(), stack);
        node = fm.first();
      } else if (node instanceof Pure p) {
        if (stack != null) {
          node = stack.head().apply(p.value());
          stack = stack.tail();
        } else if (frame != null) {
          PList<Object> results = PList.cons(p.value(), frame.results());
          int next = frame.index() + 1;
          List<? extends Prob<?>> parts = frame.ind().parts();
          if (next < parts.size()) {
            frame = new Frame(frame.ind(), next, results, frame.stack(), frame.scope(), frame.counter(), frame.base(),
                frame.parent());
            node = parts.get(next);
            scope = frame.base().child(next);
            counter = 0;
          } else {
            List<Object> values = Collections.unmodifiableList(PList.toListReversed(results));
            node = (Prob) ((java.util.function.Function) frame.ind().k()).apply(values);
            stack = frame.stack();
            scope = frame.scope();
            counter = frame.counter();
            frame = frame.parent();
          }
        } else {
          return finish(p.value(), choices, n, aligned, fresh, logPrior, logLik, logFresh, zero);
        }
      } else if (node instanceof Defer d) {
        node = (Prob) d.thunk().get();
      } else if (node instanceof Compiled c) {
        node = c.meaning();
      } else if (node instanceof Independent ind) {
        Address base = scope.child("#" + counter++);
        if (ind.parts().isEmpty()) {
          node = (Prob) ((java.util.function.Function) ind.k()).apply(List.of());
        } else {
          frame = new Frame(ind, 0, null, stack, scope, counter, base, frame);
          node = (Prob) ind.parts().get(0);
          stack = null;
          scope = base.child(0);
          counter = 0;
        }
      } else {
        throw new IllegalStateException("unknown node " + node);
      }
    }
  }

  private static String site(Address a, Distribution<?> d, Object x) {
    return "the choice at " + a + " from " + d.name() + " (value " + Values.describe(x) + ")";
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Prob<Update<Object>> finish(Object value, PList<Choice> choices, int n, boolean aligned, PList<Address> fresh,
      double logPrior, double logLik, double logFresh, String zero) {
    Choice[] ordered = new Choice[n]; // the choices in order of execution, without an intermediate list
    int i = n;
    for (PList<Choice> c = choices; c != null; c = c.tail()) {
      ordered[--i] = c.head();
    }
    LinkedHashMap<Address, Choice> map = null;
    if (aligned && n <= oldOrder.length && (given != null || constraints.isEmpty())) {
      // Every choice had the address of the old choice at its position, and those are distinct.
      if (given != null) {
        for (int j = n; j < given.length; j++) {
          if (given[j] != null) {
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
      Map<Address, ?> cs = given == null ? constraints : constraints();
      if (!cs.isEmpty()) {
        for (Address a : cs.keySet()) {
          if (!map.containsKey(a)) {
            throw new ProbityException("a value was given for " + a + " but the run did not reach that address");
          }
        }
      }
    }
    Set<Address> freshSet = fresh == null ? NO_ADDRESSES : new HashSet<>(PList.toListReversed(fresh));
    Trace<Object> t = new Trace<>((Prob) program, ordered, map, value, logPrior, logLik, zero);
    Update<Object> u = new Update<>(t, freshSet, logFresh);
    if (scored) {
      return new Factor<>(Real.of(logLik), () -> new Pure<>(u));
    }
    return new Pure<>(u);
  }
}
