package org.probity.ad;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.probity.random.Rngs;

/**
 * Random compositions: a small seeded generator builds expression trees over three variables
 * and constants from (domain-safe forms of) every op; each tree's tape gradient must match
 * finite differences ({@link GradientCheck#TOL}). A failing tree is shrunk greedily (replace a
 * node by one of its children or by a leaf while it still fails) and printed.
 */
class RandomExpressionGradientTest {
  private static final int TREES = 300;
  private static final int VARS = 3;
  private static final String[] UNARY = {
    "neg", "square", "exp", "log", "sqrt", "log1p", "expm1", "log1m", "log1mExp", "recip", "pow",
    "logistic", "log1pExp", "logLogistic", "tanh", "sin", "cos", "atan", "logGamma", "digamma", "plusC", "timesC", "rminusC"
  };
  private static final String[] BINARY = {
    "plus", "minus", "times", "div", "powR", "lse", "lde", "sum3", "dot", "lseV", "sumsq"
  };

  /** An expression: op name, children, and (for leaves) a variable index or a constant. */
  record Expr(String op, List<Expr> kids, int var, double c) {
    static Expr var(int i) {
      return new Expr("x", List.of(), i, 0);
    }

    static Expr constant(double c) {
      return new Expr("c", List.of(), -1, c);
    }

    int size() {
      return 1 + kids.stream().mapToInt(Expr::size).sum();
    }

    @Override
    public String toString() {
      if (op.equals("x")) {
        return "x" + var;
      }
      if (op.equals("c")) {
        return Double.toString(c);
      }
      return op + (kids.isEmpty() ? "" : kids.toString().replace('[', '(').replace(']', ')'));
    }

    /** Evaluates with domain-safe wrappers: e.g. log acts on 1 + a^2. */
    Real eval(Real[] xs) {
      if (op.equals("x")) {
        return xs[var];
      }
      if (op.equals("c")) {
        return Real.of(c);
      }
      Real a = kids.get(0).eval(xs);
      Real pos = a.square().plus(1); // >= 1
      switch (op) {
        case "neg": return a.negate();
        case "square": return a.square();
        case "exp": return a.exp();
        case "log": return pos.log();
        case "sqrt": return pos.sqrt();
        case "log1p": return a.square().log1p();
        case "expm1": return a.expm1();
        case "log1m": return a.logistic().times(0.9).log1m();
        case "log1mExp": return pos.negate().log1mExp();
        case "recip": return pos.reciprocal();
        case "pow": return pos.pow(1.5);
        case "logistic": return a.logistic();
        case "log1pExp": return a.log1pExp();
        case "logLogistic": return a.logLogistic();
        case "tanh": return a.tanh();
        case "sin": return a.sin();
        case "cos": return a.cos();
        case "atan": return a.atan();
        case "logGamma": return pos.logGamma();
        case "digamma": return pos.digamma();
        case "plusC": return a.plus(0.75);
        case "timesC": return a.times(-1.25);
        case "rminusC": return a.rminus(0.5);
        default: break;
      }
      Real b = kids.get(1).eval(xs);
      switch (op) {
        case "plus": return a.plus(b);
        case "minus": return a.minus(b);
        case "times": return a.times(b);
        case "div": return a.div(b.square().plus(1));
        case "powR": return pos.pow(b.tanh());
        case "lse": return Reals.logSumExp(a, b);
        case "lde": return Reals.logSumExp(a, b).plus(0.5).logDiffExp(b);
        case "sum3": return Reals.sum(a, b, a);
        case "dot": return Reals.dot(new Real[] {a, b}, new Real[] {b, a});
        case "lseV": return Reals.logSumExp(a, b, Real.of(0.25));
        case "sumsq": return Reals.sumOfSquares(a, b);
        default: throw new IllegalStateException(op);
      }
    }

    /** Smaller candidates: each child, and each child position replaced by a shrunk child or x0. */
    List<Expr> shrinks() {
      List<Expr> out = new ArrayList<>(kids);
      for (int i = 0; i < kids.size(); i++) {
        for (Expr smaller : kids.get(i).shrinks()) {
          List<Expr> ks = new ArrayList<>(kids);
          ks.set(i, smaller);
          out.add(new Expr(op, ks, var, c));
        }
      }
      return out;
    }
  }

  static Expr generate(UniformRandomProvider r, int depth) {
    if (depth == 0 || r.nextInt(5) == 0) {
      return r.nextInt(4) == 0 ? Expr.constant(Math.round((r.nextDouble() * 4 - 2) * 100) / 100.0) : Expr.var(r.nextInt(VARS));
    }
    if (r.nextBoolean()) {
      return new Expr(UNARY[r.nextInt(UNARY.length)], List.of(generate(r, depth - 1)), -1, 0);
    }
    return new Expr(BINARY[r.nextInt(BINARY.length)], List.of(generate(r, depth - 1), generate(r, depth - 1)), -1, 0);
  }

  /** Whether the tree is well-conditioned at the point (finite, moderate value and gradient). */
  static boolean admissible(Expr e, double[] x) {
    Grad.ValueAndGradient vg = Grad.grad(e::eval, x);
    if (!Double.isFinite(vg.value()) || Math.abs(vg.value()) > 1e6) {
      return false;
    }
    for (double g : vg.gradient()) {
      if (!Double.isFinite(g) || Math.abs(g) > 1e4) {
        return false;
      }
    }
    return true;
  }

  static String failure(Expr e, double[] x) {
    Function<Real[], Real> f = e::eval;
    return GradientCheck.mismatch(f, x, GradientCheck.TOL);
  }

  static Expr shrink(Expr e, double[] x) {
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Expr s : e.shrinks()) {
        if (s.size() < e.size() && admissible(s, x) && failure(s, x) != null) {
          e = s;
          progress = true;
          break;
        }
      }
    }
    return e;
  }

  @TestFactory
  Stream<DynamicTest> randomCompositions() {
    UniformRandomProvider r = Rngs.of(424242L);
    List<DynamicTest> tests = new ArrayList<>();
    int rejected = 0;
    while (tests.size() < TREES) {
      Expr e = generate(r, 4);
      double[] x = IntStream.range(0, VARS).mapToDouble(i -> r.nextDouble() * 3 - 1.5).toArray();
      if (!admissible(e, x)) {
        rejected++;
        continue;
      }
      tests.add(DynamicTest.dynamicTest(e + " at " + java.util.Arrays.toString(x), () -> {
        String bad = failure(e, x);
        if (bad != null) {
          Expr small = shrink(e, x);
          fail("gradient mismatch; shrunk expression: " + small + " -> " + failure(small, x) + "\noriginal: " + e);
        }
      }));
    }
    int rej = rejected;
    // the generator must mostly produce usable trees, or the test checks less than it claims
    tests.add(DynamicTest.dynamicTest("rejection rate below 50%", () -> assertTrue(rej < TREES, rej + " rejected")));
    return tests.stream();
  }
}
