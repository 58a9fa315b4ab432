package org.probity.semantics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.core.Address;
import org.probity.core.Factor;
import org.probity.core.Handler;
import org.probity.core.Independent;
import org.probity.core.Interpreter;
import org.probity.core.Machine;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Sample;
import org.probity.core.UnsupportedConstructException;
import org.probity.core.Weighted;
import org.probity.core.Weights;
import org.probity.core.ZeroWeightException;
import org.probity.dist.Deterministic;
import org.probity.dist.Discrete;
import org.probity.dist.SupportTooLargeException;
import org.probity.dist.Distribution;

/**
 * The exact semantics of programs whose random choices all have finite support: explores every
 * path depth-first (an explicit stack of suspended machines, no recursion), multiplying choice
 * probabilities, densities of observations and factors, and merges paths with equal results by
 * log-sum-exp. A path ends at its first zero weight.
 *
 * <p>This is the ground truth the proofs test against. Because inference algorithms are programs
 * too, enumerating {@code smc(model)} gives the exact distribution of the algorithm's output. A
 * choice from a distribution without finite support is an {@link UnsupportedConstructException}
 * naming the address; a program all of whose paths have zero weight is a
 * {@link ZeroWeightException} naming where the last path died. Like WebPPL's {@code Enumerate},
 * the search is bounded ({@link Limits}): a program with infinitely many paths (a recursive
 * geometric) or unbounded depth fails with an {@link EnumerationLimitException} instead of
 * running forever.
 */
public final class Enumerator {
  private Enumerator() {
  }

  /**
   * Bounds on the search: at most {@code maxExecutions} complete paths, at most {@code maxDepth}
   * choices along any path, and at most {@code maxSupport} values at any one choice (a larger
   * finite support, such as {@code discreteUniform(0, Integer.MAX_VALUE)}, is refused before it is
   * listed; see {@link org.probity.dist.SupportTooLargeException}). Each exceeded bound is an
   * {@link EnumerationLimitException} naming it.
   */
  public record Limits(long maxExecutions, int maxDepth, long maxSupport) {
    /**
     * At most 10^8 paths of at most 10^6 choices each, and at most 10^6 values at a choice
     * ({@link Discrete#MAX_ENUMERATED_SUPPORT}).
     */
    public static final Limits DEFAULT = new Limits(100_000_000L, 1_000_000, Discrete.MAX_ENUMERATED_SUPPORT);

    /** Validates the bounds. */
    public Limits {
      if (maxExecutions < 1 || maxDepth < 1 || maxSupport < 1) {
        throw new IllegalArgumentException("enumeration limits must be positive, got maxExecutions " + maxExecutions
            + ", maxDepth " + maxDepth + ", maxSupport " + maxSupport);
      }
    }

    /**
     * Bounds on paths and depth, with the default bound on a choice's support.
     *
     * @param maxExecutions the most complete paths
     * @param maxDepth the most choices along a path
     */
    public Limits(long maxExecutions, int maxDepth) {
      this(maxExecutions, maxDepth, Discrete.MAX_ENUMERATED_SUPPORT);
    }

    /**
     * These bounds with another bound on the values at one choice.
     *
     * @param maxSupport the most values listed at one choice
     * @return the new bounds
     */
    public Limits withMaxSupport(long maxSupport) {
      return new Limits(maxExecutions, maxDepth, maxSupport);
    }
  }

  /**
   * The normalised distribution of the program's result and its log evidence.
   *
   * @param program a program with finitely many execution paths
   * @param <A> the result type
   * @return the exact posterior distribution of the result
   */
  public static <A> Enumeration<A> enumerate(Prob<A> program) {
    return enumerate(program, Limits.DEFAULT);
  }

  /**
   * As {@link #enumerate(Prob)} with other bounds on the search.
   *
   * @param program a program with finitely many execution paths
   * @param limits the bounds on the search
   * @param <A> the result type
   * @return the exact posterior distribution of the result
   */
  public static <A> Enumeration<A> enumerate(Prob<A> program, Limits limits) {
    Search s = new Search(limits);
    List<Weighted<A>> raw = s.unnormalised(Machine.start(program));
    if (raw.isEmpty()) {
      throw new ZeroWeightException("every path of the program has zero weight (impossible observations or conditions)"
          + (s.zeroSite == null ? "" : "; the last path to die did so at " + s.zeroSite));
    }
    List<A> values = new ArrayList<>(raw.size());
    double[] lm = new double[raw.size()];
    for (int i = 0; i < raw.size(); i++) {
      values.add(raw.get(i).value());
      lm[i] = raw.get(i).logWeight();
    }
    return new Enumeration<>(values, lm);
  }

  /**
   * The log evidence of a finite program.
   *
   * @param program a program with finitely many execution paths
   * @return the log of the total mass of its paths
   */
  public static double logEvidence(Prob<?> program) {
    return enumerate(program).logEvidence();
  }

  /**
   * The unnormalised measure: each distinct result with the log of its total mass (paths of zero
   * mass are dropped). Results compare by value; arrays by content.
   *
   * @param program a program with finitely many execution paths
   * @param <A> the result type
   * @return each distinct result with its log mass, in first-seen order
   */
  public static <A> List<Weighted<A>> unnormalised(Prob<A> program) {
    return new Search(Limits.DEFAULT).unnormalised(Machine.start(program));
  }

  /** One enumeration: the limits, the paths completed so far, the last zero-weight site. */
  private static final class Search {
    final Limits limits;
    long executions;
    String zeroSite;

    Search(Limits limits) {
      this.limits = limits;
    }

    <A> List<Weighted<A>> unnormalised(Machine start) {
      Map<Object, Integer> index = new LinkedHashMap<>();
      List<A> values = new ArrayList<>();
      List<Double> mass = new ArrayList<>();
      Deque<Branch> todo = new ArrayDeque<>();
      todo.push(new Branch(start, 0.0, 0));
      Explore h = new Explore(this, todo);
      while (!todo.isEmpty()) {
        Branch b = todo.pop();
        h.logWeight = b.logWeight();
        h.depth = b.depth();
        h.done = false;
        Object v = Interpreter.run(b.machine(), h);
        if (!h.done) {
          continue;
        }
        if (++executions > limits.maxExecutions()) {
          throw new EnumerationLimitException("the Enumerator completed more than " + limits.maxExecutions()
              + " paths (the program may have infinitely many, e.g. a recursion without a bound); raise the limit with"
              + " Enumerator.enumerate(program, new Enumerator.Limits(maxExecutions, maxDepth)) or use a sampling-based inference");
        }
        Object key = key(v);
        Integer i = index.get(key);
        if (i == null) {
          index.put(key, values.size());
          @SuppressWarnings("unchecked")
          A a = (A) v;
          values.add(a);
          mass.add(h.logWeight);
        } else {
          mass.set(i, logAdd(mass.get(i), h.logWeight));
        }
      }
      List<Weighted<A>> out = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        out.add(new Weighted<>(values.get(i), mass.get(i)));
      }
      return out;
    }
  }

  /** A path to explore: the suspended program, its log weight so far and its number of choices. */
  private record Branch(Machine machine, double logWeight, int depth) {
  }

  /** The handler of one path: forks at choices and products, ends at zero weight. */
  private static final class Explore implements Handler<Object> {
    final Search search;
    final Deque<Branch> todo;
    double logWeight;
    int depth;
    boolean done;

    Explore(Search search, Deque<Branch> todo) {
      this.search = search;
      this.todo = todo;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      Address a = run.address();
      Distribution dist = s.dist();
      if (dist instanceof Deterministic det) {
        return (Prob<?>) ((Sample) s).k().apply(det.value()); // one value of mass 1: no fork
      }
      if (!dist.hasFiniteSupport()) {
        throw new UnsupportedConstructException("the Enumerator cannot enumerate the choice at " + a + " from "
            + Weights.briefly(dist) + ": its support is not finite (use a sampling-based inference, or a finite distribution)");
      }
      if (depth >= search.limits.maxDepth()) {
        throw new EnumerationLimitException("a path of the program made more than " + search.limits.maxDepth()
            + " choices (at " + a + "); raise the limit with Enumerator.enumerate(program, new Enumerator.Limits(maxExecutions,"
            + " maxDepth)) or use a sampling-based inference");
      }
      List support;
      try {
        support = dist.enumerateSupport(search.limits.maxSupport());
      } catch (SupportTooLargeException e) {
        throw new EnumerationLimitException("the Enumerator cannot enumerate the choice at " + a + ": " + e.getMessage()
            + "; or raise Enumerator.Limits.maxSupport");
      }
      for (int i = support.size() - 1; i >= 0; i--) {
        Object x = support.get(i);
        double lp = Weights.choice(dist, x, a);
        if (lp == Double.NEGATIVE_INFINITY) {
          continue;
        }
        todo.push(new Branch(run.resume((Prob<?>) ((Sample) s).k().apply(x)), Weights.total(logWeight + lp, a), depth + 1));
      }
      return Interpreter.STOP;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      double l = Weights.observe(o);
      if (l == Double.NEGATIVE_INFINITY) {
        search.zeroSite = "the observation " + (o.address() == null ? "(anonymous)" : o.address()) + " of "
            + Weights.briefly(o.value()) + " from " + Weights.briefly(o.dist());
        return Interpreter.STOP;
      }
      logWeight = Weights.total(logWeight + l, o.address() == null ? "an observation" : o.address());
      return (Prob<?>) ((Observe) o).next().get();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      double l = Weights.factor(f);
      if (l == Double.NEGATIVE_INFINITY) {
        search.zeroSite = "a factor (or condition) of log weight -Infinity";
        return Interpreter.STOP;
      }
      logWeight = Weights.total(logWeight + l, "a factor");
      return (Prob<?>) ((Factor) f).next().get();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> independent(Independent<?, ?> ind, Interpreter run) {
      // each part is enumerated on its own (in its scope #k[i]/...), then their product
      Machine[] parts = run.partsClaiming(ind);
      List<List<Weighted<Object>>> dists = new ArrayList<>();
      for (Machine part : parts) {
        List<Weighted<Object>> d = search.unnormalised(part);
        if (d.isEmpty()) {
          return Interpreter.STOP;
        }
        dists.add(d);
      }
      int[] pos = new int[parts.length];
      while (true) {
        Object[] vals = new Object[parts.length];
        double l = logWeight;
        for (int i = 0; i < pos.length; i++) {
          Weighted<Object> w = dists.get(i).get(pos[i]);
          vals[i] = w.value();
          l += w.logWeight();
        }
        l = Weights.total(l, "an independent product");
        todo.push(new Branch(run.resume((Prob<?>) ((java.util.function.Function) ind.k())
            .apply(Collections.unmodifiableList(Arrays.asList(vals)))), l, depth));
        int j = pos.length - 1;
        while (j >= 0 && ++pos[j] == dists.get(j).size()) {
          pos[j] = 0;
          j--;
        }
        if (j < 0) {
          break;
        }
      }
      return Interpreter.STOP;
    }

    @Override
    public Object result(Object value, Interpreter run) {
      done = true;
      return value;
    }

    @Override
    public Object stopped(Interpreter run) {
      return null;
    }
  }

  static double logAdd(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double m = Math.max(a, b);
    return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
  }

  /** A key with value equality for results (arrays compare by content). */
  static Object key(Object v) {
    if (v != null && v.getClass().isArray()) {
      return new ArrayKey(v);
    }
    return v == null ? NullKey.NULL : v;
  }

  private enum NullKey { NULL }

  private record ArrayKey(Object array) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ArrayKey k && Arrays.deepEquals(new Object[] {array}, new Object[] {k.array});
    }

    @Override
    public int hashCode() {
      return Arrays.deepHashCode(new Object[] {array});
    }
  }
}
