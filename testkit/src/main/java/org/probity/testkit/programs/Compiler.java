package org.probity.testkit.programs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Defer;
import org.probity.core.FlatMap;
import org.probity.core.Independent;
import org.probity.core.Prob;
import org.probity.core.Pure;

/**
 * Compiles a generated {@link Program} to a core {@code Prob<Integer>}. Named choices and
 * observations get the address {@code name[s1][s2]...} where the integers are the scope: one per
 * enclosing recursion level (with its call site) and independent part, so that a name reached
 * several times in one run is still unique.
 *
 * <p>{@link #DEFERRED} wraps every node in a {@link Defer}, which must not change the meaning
 * ({@code defer} is transparent).
 */
public final class Compiler {
  private final Function<Supplier<Prob<Integer>>, Prob<Integer>> defer;
  private final boolean direct;

  private Compiler(Function<Supplier<Prob<Integer>>, Prob<Integer>> defer, boolean direct) {
    this.defer = defer;
    this.direct = direct;
  }

  /** The plain compiler: a bind is a {@code FlatMap}, a choice's own continuation returns its value. */
  public static final Compiler PLAIN = new Compiler(null, false);
  /** The compiler that wraps every node in {@code Defer}. */
  public static final Compiler DEFERRED = new Compiler(Defer::new, false);
  /**
   * The compiler that puts a bind's continuation into its choice, as {@code sample(dist, x -> rest)}
   * writes it: the choice's continuation returns the next effect directly, not a value (the same
   * measure; interpreters and effect handlers must not take that effect for the choice).
   */
  public static final Compiler DIRECT = new Compiler(null, true);

  /** The compiler that wraps every node with the given {@code defer} (for testing a defer under test). */
  public static Compiler deferringWith(Function<Supplier<Prob<Integer>>, Prob<Integer>> defer) {
    return new Compiler(defer, false);
  }

  /** Compiles a closed program (no free variables) with this compiler. */
  public Prob<Integer> apply(Program p) {
    return apply(p, new int[0], List.of());
  }

  /** Compiles a closed program (no free variables). */
  public static Prob<Integer> compile(Program p) {
    return PLAIN.apply(p, new int[0], List.of());
  }

  /** Compiles {@code p} with the given values of x_0.. x_(env.length-1) and address scope. */
  public Prob<Integer> apply(Program p, int[] env, List<Integer> scope) {
    return c(p, env.clone(), new Ctx(List.copyOf(scope), null));
  }

  /** Compiles {@code p} with free variables x0.. bound to {@code env}, named sites scoped by {@code scope}. */
  public static Prob<Integer> open(Program p, List<Integer> scope, int... env) {
    return PLAIN.apply(p, env, scope);
  }

  /** Compiles a continuation {@code p} (one free variable) at x0 = {@code x}. */
  public static Prob<Integer> apply(Program p, int x) {
    return PLAIN.apply(p, new int[] {x}, List.of());
  }

  /** The recursion currently running: its node, the variables at the node, its current depth. */
  private record Frame(Program.Recurse node, int[] env, int depth, Frame outer) {
  }

  private record Ctx(List<Integer> scope, Frame frame) {
    Ctx in(int... more) {
      List<Integer> s = new ArrayList<>(scope);
      for (int m : more) {
        s.add(m);
      }
      return new Ctx(List.copyOf(s), frame);
    }

    Address address(String name) {
      if (name == null) {
        return null;
      }
      Object[] parts = new Object[scope.size() + 1];
      parts[0] = name;
      for (int i = 0; i < scope.size(); i++) {
        parts[i + 1] = scope.get(i);
      }
      return Address.of(parts);
    }
  }

  private static int[] extend(int[] env, int v) {
    int[] e = Arrays.copyOf(env, env.length + 1);
    e[env.length] = v;
    return e;
  }

  private Prob<Integer> c(Program p, int[] env, Ctx ctx) {
    if (defer != null) {
      return defer.apply(() -> node(p, env, ctx));
    }
    return node(p, env, ctx);
  }

  private Prob<Integer> level(Program.Recurse r, int[] env, int depth, Frame outer, Ctx ctx) {
    Frame f = new Frame(r, env, depth, outer);
    return c(r.body(), extend(env, depth), new Ctx(ctx.scope(), f));
  }

  private Prob<Integer> node(Program p, int[] env, Ctx ctx) {
    if (p instanceof Program.Return r) {
      return new Pure<>(r.value().eval(env));
    } else if (p instanceof Program.Choice ch) {
      return ch.dist().sample(ctx.address(ch.name()));
    } else if (p instanceof Program.Bind b) {
      if (direct && b.first() instanceof Program.Choice ch) {
        return ch.dist().sample(ctx.address(ch.name()), x -> c(b.rest(), extend(env, x), ctx));
      }
      return new FlatMap<Integer, Integer>(c(b.first(), env, ctx), x -> c(b.rest(), extend(env, x), ctx));
    } else if (p instanceof Program.Branch br) {
      return br.condition().eval(env) != 0 ? c(br.then(), env, ctx) : c(br.otherwise(), env, ctx);
    } else if (p instanceof Program.Factor f) {
      return new org.probity.core.Factor<>(Real.of(f.scale() * f.value().eval(env)), () -> c(f.rest(), env, ctx));
    } else if (p instanceof Program.Condition cd) {
      Real w = cd.holds().eval(env) != 0 ? Real.ZERO : Real.NEGATIVE_INFINITY;
      return new org.probity.core.Factor<>(w, () -> c(cd.rest(), env, ctx));
    } else if (p instanceof Program.Observe o) {
      return o.dist().observe(ctx.address(o.name()), o.value().eval(env), () -> c(o.rest(), env, ctx));
    } else if (p instanceof Program.Recurse r) {
      return level(r, env, r.depth(), ctx.frame(), ctx.in(r.depth()));
    } else if (p instanceof Program.Call call) {
      Frame f = ctx.frame();
      if (f == null || f.depth() <= 0) {
        return new Pure<>(0);
      }
      return level(f.node(), f.env(), f.depth() - 1, f.outer(), ctx.in(call.site(), f.depth() - 1));
    } else if (p instanceof Program.Indep in) {
      List<Prob<Integer>> parts = new ArrayList<>();
      for (int i = 0; i < in.parts().size(); i++) {
        parts.add(c(in.parts().get(i), env, ctx.in(i)));
      }
      return new Independent<Integer, Integer>(parts,
          xs -> new Pure<>(xs.stream().mapToInt(Integer::intValue).sum()));
    }
    throw new IllegalStateException("unknown program node " + p);
  }
}
