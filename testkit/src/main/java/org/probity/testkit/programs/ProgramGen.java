package org.probity.testkit.programs;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.testkit.Gen;

/**
 * Generates random finite {@link Program}s: bind trees over Bernoulli, Categorical, uniform and
 * small Binomial choices, factors with finite weights, conditions, observations, branches on
 * earlier values, bounded recursion, named and anonymous addresses and independent products. The
 * size bounds the number of statements, so every generated program has a small finite number of
 * paths and the {@code Enumerator} handles it in milliseconds.
 *
 * @param freeVariables variables already in scope (1 for a continuation {@code x0 -> ...})
 * @param names whether choices and observations may be named ({@code prefix} + counter)
 * @param prefix the prefix of generated names (distinct prefixes give disjoint addresses)
 * @param recursion whether {@code Recurse} may appear
 * @param independent whether {@code Indep} may appear
 * @param conditions whether hard conditions may appear
 */
public record ProgramGen(int freeVariables, boolean names, String prefix, boolean recursion, boolean independent,
    boolean conditions) implements Gen<Program> {

  /** Closed programs with every construct. */
  public static ProgramGen models() {
    return new ProgramGen(0, true, "a", true, true, true);
  }

  /** Programs with one free variable x0 (continuations), names with the given prefix. */
  public static ProgramGen continuations(String prefix) {
    return new ProgramGen(1, true, prefix, true, true, true);
  }

  /** The same generator with another number of free variables. */
  public ProgramGen withFreeVariables(int k) {
    return new ProgramGen(k, names, prefix, recursion, independent, conditions);
  }

  /** The same generator without named sites (for programs run twice in one execution, e.g. replicate). */
  public ProgramGen anonymous() {
    return new ProgramGen(freeVariables, false, prefix, recursion, independent, conditions);
  }

  /** The same generator with another name prefix. */
  public ProgramGen withPrefix(String p) {
    return new ProgramGen(freeVariables, names, p, recursion, independent, conditions);
  }

  @Override
  public Program generate(UniformRandomProvider rng, int size) {
    return new Run(rng).program(freeVariables, Math.max(1, size), false);
  }

  private final class Run {
    final UniformRandomProvider rng;
    int counter;

    Run(UniformRandomProvider rng) {
      this.rng = rng;
    }

    String name() {
      return names && rng.nextInt(2) == 0 ? prefix + counter++ : null;
    }

    Program program(int k, int budget, boolean inRec) {
      if (budget <= 1) {
        return leaf(k, inRec);
      }
      int r = rng.nextInt(20);
      if (r < 8) {
        int first = 1 + rng.nextInt(Math.max(1, (budget - 1) / 3));
        return new Program.Bind(program(k, first, inRec), program(k + 1, budget - 1 - first, inRec));
      } else if (r < 11 && k > 0) {
        int half = Math.max(1, (budget - 1) / 2);
        return new Program.Branch(condition(k), program(k, half, inRec), program(k, half, inRec));
      } else if (r < 13) {
        double[] scales = {-1.5, -0.5, 0.5, 1.0};
        return new Program.Factor(scales[rng.nextInt(scales.length)], expr(k, 2), program(k, budget - 1, inRec));
      } else if (r < 14 && conditions && k > 0) {
        return new Program.Condition(condition(k), program(k, budget - 1, inRec));
      } else if (r < 16) {
        return new Program.Observe(dist(), expr(k, 2), name(), program(k, budget - 1, inRec));
      } else if (r < 17 && recursion && !inRec) {
        return new Program.Recurse(1 + rng.nextInt(2), recursiveBody(k + 1, Math.min(budget - 1, 5)));
      } else if (r < 18 && independent) {
        int half = Math.max(1, (budget - 1) / 2);
        return new Program.Indep(List.of(program(k, half, inRec), program(k, half, inRec)));
      }
      return leaf(k, inRec);
    }

    /** A body that recurses on one branch: x_k is the depth. */
    Program recursiveBody(int k, int budget) {
      Program choice = new Program.Choice(dist(), name());
      Program stop = new Program.Return(rng.nextInt(2) == 0 ? new Expr.Var(k - 1) : expr(k + 1, 2));
      Program go = new Program.Bind(new Program.Call(counter++), new Program.Return(
          new Expr.Add(new Expr.Var(k + 1), new Expr.Var(k))));
      if (budget > 3) {
        go = new Program.Factor(-0.5, new Expr.Var(k), go);
      }
      return new Program.Bind(choice, new Program.Branch(new Expr.Eq(new Expr.Var(k), new Expr.Const(0)), stop, go));
    }

    Program leaf(int k, boolean inRec) {
      int r = rng.nextInt(10);
      if (inRec && r == 0) {
        return new Program.Call(counter++);
      }
      if (r < 6) {
        return new Program.Choice(dist(), name());
      }
      return new Program.Return(expr(k, 2));
    }

    FiniteDist dist() {
      double[] ps = {0.2, 0.3, 0.5, 0.7, 0.9};
      switch (rng.nextInt(4)) {
        case 0:
          return FiniteDist.bernoulli(ps[rng.nextInt(ps.length)]);
        case 1: {
          int a = 1 + rng.nextInt(7);
          int b = 1 + rng.nextInt(9 - a);
          return FiniteDist.categorical(a / 10.0, b / 10.0, (10 - a - b) / 10.0);
        }
        case 2:
          return FiniteDist.uniform(2 + rng.nextInt(2));
        default:
          return FiniteDist.binomial(1 + rng.nextInt(2), ps[rng.nextInt(ps.length)]);
      }
    }

    Expr condition(int k) {
      Expr v = new Expr.Var(rng.nextInt(k));
      return rng.nextInt(2) == 0 ? v : new Expr.Eq(v, new Expr.Const(rng.nextInt(2)));
    }

    /** An expression that prefers variables, so results and weights depend on the choices. */
    Expr expr(int k, int depth) {
      int r = rng.nextInt(10);
      if (k == 0 || r == 0) {
        return new Expr.Const(rng.nextInt(3));
      }
      if (depth <= 0 || r < 6) {
        return new Expr.Var(rng.nextInt(k));
      }
      if (r < 8) {
        return new Expr.Add(expr(k, depth - 1), expr(k, depth - 1));
      }
      if (r < 9) {
        return new Expr.Times(2 + rng.nextInt(2), expr(k, depth - 1));
      }
      return new Expr.Eq(expr(k, depth - 1), new Expr.Const(rng.nextInt(2)));
    }
  }

  /** Draws {@code n} programs (for inspection and documentation). */
  public List<Program> sample(UniformRandomProvider rng, int n, int size) {
    List<Program> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(generate(rng, size));
    }
    return out;
  }
}
