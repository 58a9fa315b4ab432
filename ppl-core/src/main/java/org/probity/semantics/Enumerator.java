package org.probity.semantics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.core.Address;
import org.probity.core.Compiled;
import org.probity.core.Cont;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.FlatMap;
import org.probity.core.Independent;
import org.probity.core.InvalidWeightException;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.SiteNamer;
import org.probity.core.UnsupportedConstructException;
import org.probity.core.Weighted;
import org.probity.core.ZeroWeightException;
import org.probity.dist.Distribution;

/**
 * The exact semantics of programs whose random choices all have finite support: explores every
 * path depth-first (an explicit stack, no recursion), multiplying choice probabilities, densities
 * of observations and factors, and merges paths with equal results by log-sum-exp.
 *
 * <p>This is the ground truth the proofs test against. Because inference algorithms are programs
 * too, enumerating {@code smc(model)} gives the exact distribution of the algorithm's output. A
 * choice from a distribution without finite support is an {@link UnsupportedConstructException}
 * naming the address; a program all of whose paths have zero weight is a
 * {@link ZeroWeightException}.
 */
public final class Enumerator {
  private Enumerator() {
  }

  /** The normalised distribution of the program's result and its log evidence. */
  public static <A> Enumeration<A> enumerate(Prob<A> program) {
    List<Weighted<A>> raw = unnormalised(program);
    if (raw.isEmpty()) {
      throw new ZeroWeightException("every path of the program has zero weight (impossible observations or conditions)");
    }
    List<A> values = new ArrayList<>(raw.size());
    double[] lm = new double[raw.size()];
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < raw.size(); i++) {
      values.add(raw.get(i).value());
      lm[i] = raw.get(i).logWeight();
      m = Math.max(m, lm[i]);
    }
    double s = 0;
    for (double l : lm) {
      s += Math.exp(l - m);
    }
    return new Enumeration<>(values, lm, m + Math.log(s));
  }

  /** The log evidence of a finite program. */
  public static double logEvidence(Prob<?> program) {
    return enumerate(program).logEvidence();
  }

  /**
   * The unnormalised measure: each distinct result with the log of its total mass (paths of zero
   * mass are dropped). Results compare by value; arrays by content.
   */
  public static <A> List<Weighted<A>> unnormalised(Prob<A> program) {
    return unnormalised(program, SiteNamer.root());
  }

  private static <A> List<Weighted<A>> unnormalised(Prob<A> program, SiteNamer start) {
    Map<Object, Integer> index = new LinkedHashMap<>();
    List<A> values = new ArrayList<>();
    List<Double> mass = new ArrayList<>();
    Deque<Branch> todo = new ArrayDeque<>();
    todo.push(new Branch(program, null, 0.0, start));
    while (!todo.isEmpty()) {
      Branch b = todo.pop();
      explore(b, todo, (v, lw) -> {
        Object key = key(v);
        Integer i = index.get(key);
        if (i == null) {
          index.put(key, values.size());
          @SuppressWarnings("unchecked")
          A a = (A) v;
          values.add(a);
          mass.add(lw);
        } else {
          mass.set(i, logAdd(mass.get(i), lw));
        }
      });
    }
    List<Weighted<A>> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      out.add(new Weighted<>(values.get(i), mass.get(i)));
    }
    return out;
  }

  private record Branch(Prob<?> node, Cont stack, double logWeight, SiteNamer namer) {
  }

  private interface Sink {
    void accept(Object value, double logWeight);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void explore(Branch b, Deque<Branch> todo, Sink sink) {
    Prob node = b.node();
    Cont stack = b.stack();
    double lw = b.logWeight();
    SiteNamer namer = b.namer();
    while (true) {
      if (node instanceof Pure p) {
        if (stack == null) {
          sink.accept(p.value(), lw);
          return;
        }
        node = stack.head().apply(p.value());
        stack = stack.tail();
      } else if (node instanceof FlatMap fm) {
        stack = Cont.push(fm.k(), stack);
        node = fm.first();
      } else if (node instanceof Defer d) {
        node = (Prob) d.thunk().get();
      } else if (node instanceof Sample s) {
        Address a = namer.sampleSite(s.address());
        Distribution dist = s.dist();
        if (!dist.hasFiniteSupport()) {
          throw new UnsupportedConstructException("the Enumerator cannot enumerate the choice at " + a + " from " + dist.name()
              + ": its support is not finite (use a sampling-based inference, or a finite distribution)");
        }
        List support = dist.enumerateSupport();
        for (int i = support.size() - 1; i >= 0; i--) {
          Object x = support.get(i);
          double lp = dist.logDensity(x);
          if (lp == Double.NEGATIVE_INFINITY) {
            continue;
          }
          InvalidWeightException.check(lp, a, dist, x);
          todo.push(new Branch((Prob) s.k().apply(x), stack, lw + lp, namer.copy()));
        }
        return;
      } else if (node instanceof Observe o) {
        namer.observeSite(o.address());
        double l = InvalidWeightException.check(o.dist().logDensity(o.value()),
            o.address() == null ? "an observation" : o.address(), o.dist(), o.value());
        if (l == Double.NEGATIVE_INFINITY) {
          return;
        }
        lw += l;
        node = (Prob) o.next().get();
      } else if (node instanceof Factor f) {
        double l = f.logWeight().value();
        if (l == Double.NEGATIVE_INFINITY) {
          return;
        }
        lw += l;
        node = (Prob) f.next().get();
      } else if (node instanceof Compiled c) {
        node = c.meaning();
      } else if (node instanceof Independent ind) {
        List<Prob<?>> parts = ind.parts();
        List<List<Weighted<Object>>> dists = new ArrayList<>();
        // each part is enumerated in its own scope (#k[i]/...), with the names claimed so far, so
        // anonymous sites are named as the Sampler names them and a part reusing an earlier
        // named address is an error here too
        SiteNamer[] partNamers = namer.parts(parts.size());
        for (int i = 0; i < parts.size(); i++) {
          List<Weighted<Object>> d = unnormalised((Prob<Object>) parts.get(i), partNamers[i].copy());
          if (d.isEmpty()) {
            return;
          }
          dists.add(d);
        }
        int[] pos = new int[parts.size()];
        while (true) {
          Object[] vals = new Object[parts.size()];
          double l = lw;
          for (int i = 0; i < pos.length; i++) {
            Weighted<Object> w = dists.get(i).get(pos[i]);
            vals[i] = w.value();
            l += w.logWeight();
          }
          todo.push(new Branch((Prob) ind.k().apply(java.util.Collections.unmodifiableList(Arrays.asList(vals))), stack, l, namer.copy()));
          int j = pos.length - 1;
          while (j >= 0 && ++pos[j] == dists.get(j).size()) {
            pos[j] = 0;
            j--;
          }
          if (j < 0) {
            break;
          }
        }
        return;
      } else {
        throw new IllegalStateException("unknown node " + node);
      }
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
