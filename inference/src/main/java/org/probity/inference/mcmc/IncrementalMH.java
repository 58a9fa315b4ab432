package org.probity.inference.mcmc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.probity.core.Address;
import org.probity.core.Factor;
import org.probity.core.Handler;
import org.probity.core.Independent;
import org.probity.core.Interpreter;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.dist.DiscreteUniform;
import org.probity.trace.Choice;
import org.probity.trace.Selection;
import org.probity.trace.Trace;
import org.probity.trace.Traces;
import org.probity.trace.Update;

/**
 * Single-site lightweight MH ({@link SingleSiteMH}: a selected site picked uniformly, redrawn
 * from its prior, acceptance p(x')/p(x) |X|/|X'| q(stale)/q(fresh)) that re-runs only what the
 * change can affect, for a model that is an independent product of parts ({@code independent(n,
 * i -> ...)}, Gen's {@code Map} combinator) and its continuation on their results. The state keeps
 * each part's own trace and the continuation's trace; an update at a site of part j re-runs part j
 * alone (its structure may change: new addresses are drawn from their prior, as in lightweight
 * MH) and then the continuation, whose other inputs did not change (the parts share nothing, the
 * change hint Gen's {@code Map} uses). A sweep of N single-site updates over N parts of bounded
 * size therefore costs O(N) program steps, not the O(N^2) of re-running the whole model each time;
 * the parts' traces sit in a persistent array, so an accepted update copies about 2 sqrt(N)
 * references.
 *
 * <p>The picked site and its part are found from per-part counts of selected sites. The parts'
 * choices must have named addresses (an anonymous choice's name depends on its part's position);
 * on a model of another shape the kernel is {@link SingleSiteMH}. {@link #apply} is the same transition on
 * whole traces (it rebuilds the state, for the exactness proofs); {@link Chain} keeps the state
 * between steps and builds a whole trace only when asked.
 */
public final class IncrementalMH<A> implements Kernel<A> {
  private final Selection selection;

  /** Single-site MH over the selected addresses, re-running only the part of the picked site. */
  public IncrementalMH(Selection selection) {
    this.selection = selection;
  }

  /**
   * The state of a chain: the parts' traces, the continuation's trace, and the number of selected
   * sites of each part (the continuation last) with their running sums.
   */
  public static final class State<A> {
    private final Prob<A> model;
    private final Function<List<Object>, Prob<A>> k;
    private final PersistentArray<Trace<Object>> parts;
    private final Trace<A> tail;
    private final int[] prefix; // prefix[j] = selected sites in parts 0..j-1 (index N: the tail)
    private final double logJoint;

    State(Prob<A> model, Function<List<Object>, Prob<A>> k, PersistentArray<Trace<Object>> parts, Trace<A> tail,
        int[] prefix, double logJoint) {
      this.model = model;
      this.k = k;
      this.parts = parts;
      this.tail = tail;
      this.prefix = prefix;
      this.logJoint = logJoint;
    }

    /** The log joint density (the parts' and the continuation's). */
    public double logJoint() {
      return logJoint;
    }

    /** The model's output. */
    public A output() {
      return tail.output();
    }

    /** The number of parts. */
    public int size() {
      return parts.size();
    }

    /** The whole model's trace (one replay of the model: O(N) steps, so only when asked). */
    public Trace<A> trace() {
      Map<Address, Object> values = new java.util.LinkedHashMap<>();
      for (Trace<Object> p : parts) {
        values.putAll(p.values());
      }
      values.putAll(tail.values());
      return Traces.replay(model, values);
    }

    private int sites() {
      return prefix[prefix.length - 1];
    }
  }

  /**
   * The state of the model at {@code trace}.
   *
   * @throws IllegalArgumentException when the model is not an independent product whose parts
   *     name their choices
   */
  public State<A> start(Trace<A> trace) {
    State<A> s = tryStart(trace);
    if (s == null) {
      throw new IllegalArgumentException("incremental MH needs a model that is an independent product of parts"
          + " (independent(n, i -> ...)) and its continuation, whose parts name their choices; this one is not");
    }
    return s;
  }

  /** {@link #start}, or null when the model has another shape. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  State<A> tryStart(Trace<A> trace) {
    Prob<A> model = trace.program();
    Shape shape = Interpreter.run(model, new Shape());
    if (shape == null || shape.product == null) {
      return null;
    }
    Independent<Object, A> ind = (Independent) shape.product;
    Map<Address, Choice> choices = trace.choices();
    List<? extends Prob<Object>> ps = ind.parts();
    Object[] traces = new Object[ps.size()];
    List<Object> results = new ArrayList<>(ps.size());
    double lj = 0;
    for (int j = 0; j < traces.length; j++) {
      Trace<Object> t = Traces.scoreAt(ps.get(j), choices).orElse(null);
      if (t == null) {
        return null; // a part whose choices are anonymous (named by position) does not replay alone
      }
      for (Choice c : t.ordered()) {
        if (c.address().isAnonymous()) {
          return null;
        }
      }
      traces[j] = t;
      results.add(t.output());
      lj += t.logJoint();
    }
    Function<List<Object>, Prob<A>> k = (Function) ind.k();
    Trace<A> tail = Traces.scoreAt(k.apply(results), choices).orElse(null);
    if (tail == null || tail.ordered().length > 0 && tail.ordered()[0].address().isAnonymous()) {
      return null;
    }
    PersistentArray<Trace<Object>> parts = PersistentArray.of(traces);
    return new State<>(model, k, parts, tail, prefix(parts, tail), lj + tail.logJoint());
  }

  private int[] prefix(PersistentArray<Trace<Object>> parts, Trace<?> tail) {
    int[] p = new int[parts.size() + 2];
    for (int j = 0; j < parts.size(); j++) {
      p[j + 1] = p[j] + SingleSiteMH.selected(parts.get(j), selection).size();
    }
    p[parts.size() + 1] = p[parts.size()] + SingleSiteMH.selected(tail, selection).size();
    return p;
  }

  /** Which part (N: the continuation) holds the u-th selected site: a binary search of the prefix sums. */
  private static int partOf(int[] prefix, int u) {
    int lo = 0;
    int hi = prefix.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (prefix[mid] <= u) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** One transition of the state, as a program whose randomness is the site, the fresh draws and the coin. */
  public Prob<State<A>> step(State<A> x) {
    int n = x.sites();
    if (n == 0) {
      return new Pure<>(x);
    }
    return new Sample<Integer, State<A>>(null, DiscreteUniform.of(0, n - 1), u -> {
      int j = partOf(x.prefix, u);
      int nParts = x.parts.size();
      if (j == nParts) {
        Address a = SingleSiteMH.selected(x.tail, selection).get(u - x.prefix[j]);
        return Traces.regenerate(x.tail, one(a)).flatMap(up -> {
          double back = Traces.reverseLogFresh(x.tail, up.trace(), Set.of(), one(a));
          return finish(x, j, null, up.trace(), 0.0, back - up.logFresh());
        });
      }
      Trace<Object> part = x.parts.get(j);
      Address a = SingleSiteMH.selected(part, selection).get(u - x.prefix[j]);
      return Traces.regenerate(part, one(a)).flatMap(up -> {
        Trace<Object> y = up.trace();
        double corr = Traces.reverseLogFresh(part, y, Set.of(), one(a)) - up.logFresh();
        if (y.logJoint() == Double.NEGATIVE_INFINITY) {
          return new Pure<>(x);
        }
        PersistentArray<Trace<Object>> parts = x.parts.with(j, y);
        List<Object> results = new Outputs(parts);
        Prob<Update<A>> tailRun = Traces.update(x.k.apply(results), x.tail, Map.of(), Selection.none());
        return tailRun.flatMap(tu -> {
          double tailCorr = Traces.reverseLogFresh(x.tail, tu.trace(), Set.of(), Selection.none()) - tu.logFresh();
          return finish(x, j, parts, tu.trace(), y.logJoint() - part.logJoint(), corr + tailCorr);
        });
      });
    });
  }

  /** The selection of the one picked address (a predicate: no set is built at every step). */
  private static Selection one(Address a) {
    return Selection.matching("the picked site", a::equals);
  }

  /** The accept/reject step once the changed part (null: none) and the new continuation are known. */
  private Prob<State<A>> finish(State<A> x, int j, PersistentArray<Trace<Object>> parts, Trace<A> tail,
      double partDelta, double corr) {
    if (tail.logJoint() == Double.NEGATIVE_INFINITY || corr == Double.NEGATIVE_INFINITY) {
      return new Pure<>(x);
    }
    PersistentArray<Trace<Object>> ps = parts == null ? x.parts : parts;
    int[] prefix = x.prefix;
    int before = j < ps.size() ? x.prefix[j + 1] - x.prefix[j] : x.prefix[j + 1] - x.prefix[j];
    int after = SingleSiteMH.selected(j < ps.size() ? ps.get(j) : tail, selection).size();
    int tailBefore = x.prefix[ps.size() + 1] - x.prefix[ps.size()];
    int tailAfter = j < ps.size() ? SingleSiteMH.selected(tail, selection).size() : after;
    if (after != before || tailAfter != tailBefore) {
      prefix = prefix(ps, tail); // the structure of a part changed: recount (O(N), only then)
    }
    int n = x.sites();
    int n2 = prefix[prefix.length - 1];
    double lj = x.logJoint + partDelta + (tail.logJoint() - x.tail.logJoint());
    double logAlpha = partDelta + (tail.logJoint() - x.tail.logJoint()) + Math.log(n) - Math.log(n2) + corr;
    if (Double.isNaN(logAlpha)) {
      throw new org.probity.core.InvalidWeightException("incremental MH: the acceptance ratio is NaN at part " + j);
    }
    State<A> y = new State<>(x.model, x.k, ps, tail, prefix, lj);
    if (logAlpha >= 0) {
      return new Pure<>(y);
    }
    return new Sample<Boolean, State<A>>(null, org.probity.dist.Bernoulli.of(Math.exp(logAlpha)),
        b -> new Pure<>(b ? y : x));
  }

  /** The transition on whole traces: the state of the trace, one step, the trace of the result (the same trace when rejected). */
  @Override
  public Prob<Trace<A>> apply(Trace<A> trace) {
    State<A> x = tryStart(trace);
    if (x == null) {
      return new SingleSiteMH<A>(selection).apply(trace); // another shape: the same kernel, re-running everything
    }
    return step(x).flatMap(y -> new Pure<>(y == x ? trace : y.trace()));
  }

  /** The parts' outputs, a view of the persistent array (immutable, as the array). */
  private static final class Outputs extends java.util.AbstractList<Object> implements java.util.RandomAccess {
    private final PersistentArray<Trace<Object>> parts;

    Outputs(PersistentArray<Trace<Object>> parts) {
      this.parts = parts;
    }

    @Override
    public Object get(int i) {
      return parts.get(i).output();
    }

    @Override
    public int size() {
      return parts.size();
    }
  }

  /** Finds the independent product the model starts with (null product: it starts with something else). */
  private static final class Shape implements Handler<Shape> {
    Independent<?, ?> product;

    @Override
    public boolean claimsNames() {
      return false;
    }

    @Override
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      return Interpreter.STOP;
    }

    @Override
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      return Interpreter.STOP;
    }

    @Override
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      return Interpreter.STOP;
    }

    @Override
    public Prob<?> independent(Independent<?, ?> ind, Interpreter run) {
      if (run.stack() == null && !ind.parts().isEmpty()) {
        product = ind; // the whole program: the product, then its own continuation
      }
      return Interpreter.STOP;
    }

    @Override
    public Shape result(Object value, Interpreter run) {
      return this;
    }

    @Override
    public Shape stopped(Interpreter run) {
      return this;
    }
  }
}
