package org.probity.ad;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.probity.random.Rngs;

/**
 * Property test: for every {@link Real} operation and every {@link Reals} vector operation, at
 * random points of its domain from a seeded generator, the tape gradient matches
 * Richardson-extrapolated central differences within {@link GradientCheck#TOL} relative; each
 * point is checked with all operands on the tape and with every non-empty subset of operands on
 * the tape and the others constants (mixing constants and variables).
 */
class RealGradientPropertyTest {
  private static final int POINTS = 25;

  /** An operation under test: its arity, body, and a generator of points in its domain. */
  record Op(String name, int arity, Function<Real[], Real> f, Function<UniformRandomProvider, double[]> domain) {
  }

  static double uniform(UniformRandomProvider r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  static Function<UniformRandomProvider, double[]> box(int n, double lo, double hi) {
    return r -> {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = uniform(r, lo, hi);
      }
      return x;
    };
  }

  static Op unary(String name, Function<Real, Real> f, double lo, double hi) {
    return new Op(name, 1, xs -> f.apply(xs[0]), box(1, lo, hi));
  }

  static Op binary(String name, java.util.function.BinaryOperator<Real> f, Function<UniformRandomProvider, double[]> dom) {
    return new Op(name, 2, xs -> f.apply(xs[0], xs[1]), dom);
  }

  static List<Op> scalarOps() {
    List<Op> ops = new ArrayList<>();
    ops.add(unary("negate", Real::negate, -5, 5));
    ops.add(unary("square", Real::square, -5, 5));
    ops.add(unary("sqrt", Real::sqrt, 0.2, 10));
    ops.add(unary("exp", Real::exp, -5, 5));
    ops.add(unary("log", Real::log, 0.2, 10));
    ops.add(unary("log1p", Real::log1p, -0.8, 10));
    ops.add(unary("expm1", Real::expm1, -5, 5));
    ops.add(unary("log1m", Real::log1m, -10, 0.8));
    ops.add(unary("log1mExp", Real::log1mExp, -10, -0.2));
    ops.add(unary("reciprocal", Real::reciprocal, 0.3, 5));
    ops.add(unary("pow(2.5)", x -> x.pow(2.5), 0.2, 5));
    ops.add(unary("pow(3) of negative", x -> x.pow(3), -5, -0.2));
    ops.add(unary("pow(-1.5)", x -> x.pow(-1.5), 0.3, 5));
    ops.add(unary("abs (away from 0)", Real::abs, 0.1, 5));
    ops.add(unary("abs of negative", Real::abs, -5, -0.1));
    ops.add(unary("logistic", Real::logistic, -20, 20));
    ops.add(unary("log1pExp", Real::log1pExp, -20, 20));
    ops.add(unary("logLogistic", Real::logLogistic, -20, 20));
    ops.add(unary("tanh", Real::tanh, -5, 5));
    ops.add(unary("sin", Real::sin, -5, 5));
    ops.add(unary("cos", Real::cos, -5, 5));
    ops.add(unary("atan", Real::atan, -5, 5));
    ops.add(unary("logGamma", Real::logGamma, 0.3, 20));
    ops.add(unary("digamma", Real::digamma, 0.3, 20));
    ops.add(unary("plus(c)", x -> x.plus(1.7), -5, 5));
    ops.add(unary("minus(c)", x -> x.minus(1.7), -5, 5));
    ops.add(unary("rminus(c)", x -> x.rminus(1.7), -5, 5));
    ops.add(unary("times(c)", x -> x.times(-2.3), -5, 5));
    ops.add(unary("div(c)", x -> x.div(-2.3), -5, 5));
    ops.add(binary("plus", Real::plus, box(2, -5, 5)));
    ops.add(binary("minus", Real::minus, box(2, -5, 5)));
    ops.add(binary("times", Real::times, box(2, -5, 5)));
    ops.add(binary("div", Real::div, r -> new double[] {uniform(r, -5, 5), uniform(r, 0.3, 5) * (r.nextBoolean() ? 1 : -1)}));
    ops.add(binary("pow(Real)", Real::pow, r -> new double[] {uniform(r, 0.2, 5), uniform(r, -2, 3)}));
    ops.add(binary("max", Real::max, r -> new double[] {uniform(r, 1, 5), uniform(r, -5, 0)}));
    ops.add(binary("max (second larger)", Real::max, r -> new double[] {uniform(r, -5, 0), uniform(r, 1, 5)}));
    ops.add(binary("min", Real::min, r -> new double[] {uniform(r, 1, 5), uniform(r, -5, 0)}));
    ops.add(binary("logSumExp(a, b)", Reals::logSumExp, box(2, -30, 30)));
    ops.add(binary("logDiffExp", Real::logDiffExp, r -> {
      double b = uniform(r, -20, 20);
      return new double[] {b + uniform(r, 0.05, 10), b};
    }));
    ops.add(binary("x * x (shared operand)", (a, b) -> a.times(a).plus(b.times(a)), box(2, -5, 5)));
    return ops;
  }

  static List<Op> vectorOps() {
    List<Op> ops = new ArrayList<>();
    ops.add(new Op("Reals.logSumExp", 5, Reals::logSumExp, box(5, -30, 30)));
    ops.add(new Op("Reals.sum", 5, Reals::sum, box(5, -5, 5)));
    double[] c = {0.3, -1.2, 2.0, 0.0, 0.7};
    ops.add(new Op("Reals.dot(Real[], double[])", 5, xs -> Reals.dot(xs, c), box(5, -5, 5)));
    ops.add(new Op("Reals.dot(Real[], Real[])", 6, xs -> Reals.dot(slice(xs, 0, 3), slice(xs, 3, 6)), box(6, -5, 5)));
    ops.add(new Op("Reals.dot(x, x)", 3, xs -> Reals.dot(xs, xs), box(3, -5, 5)));
    ops.add(new Op("Reals.sumOfSquares", 4, Reals::sumOfSquares, box(4, -5, 5)));
    DMatrixRMaj x = randomMatrix(7, 3, 11);
    double[] weights = {0.5, -1, 2, 0.25, 1.5, -0.75, 1};
    ops.add(new Op("Reals.matVec (then weighted sum)", 3, w -> Reals.dot(Reals.matVec(x, w), weights), box(3, -2, 2)));
    ops.add(new Op("Reals.matVec (then logSumExp)", 3, w -> Reals.logSumExp(Reals.matVec(x, w)), box(3, -2, 2)));
    double[] y = {0.3, -1.1, 2.4, 0.0, 1.7, -0.4, 0.9};
    ops.add(new Op("Reals.normalLogLikelihood", 8,
        xs -> Reals.normalLogLikelihood(y, slice(xs, 0, 7), xs[7]),
        r -> {
          double[] p = box(8, -2, 2).apply(r);
          p[7] = uniform(r, 0.3, 3);
          return p;
        }));
    ops.add(new Op("Reals.normalLogLikelihood (shared mean node)", 2,
        xs -> {
          Real m = xs[0].times(2).plus(1);
          Real[] means = new Real[y.length];
          java.util.Arrays.fill(means, m);
          return Reals.normalLogLikelihood(y, means, xs[1].exp());
        }, box(2, -1, 1)));
    ops.add(new Op("Reals.normalLinearLogLikelihood", 5,
        xs -> Reals.normalLinearLogLikelihood(x, slice(xs, 0, 3), xs[3], xs[4], y),
        r -> {
          double[] p = box(5, -2, 2).apply(r);
          p[4] = uniform(r, 0.5, 3);
          return p;
        }));
    int[] labels = {1, 0, 0, 1, 1, 0, 1};
    double[] labelsD = {1, 0, 0, 1, 1, 0, 1};
    ops.add(new Op("Reals.bernoulliLogitLogLikelihood(int[])", 4,
        xs -> Reals.bernoulliLogitLogLikelihood(x, slice(xs, 0, 3), xs[3], labels), box(4, -3, 3)));
    ops.add(new Op("Reals.bernoulliLogitLogLikelihood(double[])", 4,
        xs -> Reals.bernoulliLogitLogLikelihood(x, slice(xs, 0, 3), xs[3], labelsD), box(4, -3, 3)));
    ops.add(new Op("Reals.bernoulliLogitLogLikelihood(y, logits)", 7,
        xs -> Reals.bernoulliLogitLogLikelihood(labels, xs), box(7, -30, 30)));
    return ops;
  }

  static Real[] slice(Real[] xs, int from, int to) {
    return java.util.Arrays.copyOfRange(xs, from, to);
  }

  static DMatrixRMaj randomMatrix(int n, int p, long seed) {
    UniformRandomProvider r = Rngs.of(seed);
    DMatrixRMaj m = new DMatrixRMaj(n, p);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = uniform(r, -1.5, 1.5);
    }
    return m;
  }

  /** The op restricted to the operands in {@code mask} (the others fixed at constants). */
  static Function<Real[], Real> restrict(Op op, double[] point, int mask) {
    return vs -> {
      Real[] args = new Real[op.arity()];
      int k = 0;
      for (int j = 0; j < op.arity(); j++) {
        args[j] = (mask & (1 << j)) != 0 ? vs[k++] : Real.of(point[j]);
      }
      return op.f().apply(args);
    };
  }

  static double[] select(double[] point, int mask) {
    return java.util.stream.IntStream.range(0, point.length).filter(j -> (mask & (1 << j)) != 0)
        .mapToDouble(j -> point[j]).toArray();
  }

  static Stream<DynamicContainer> check(List<Op> ops, long seed) {
    return ops.stream().map(op -> DynamicContainer.dynamicContainer(op.name(), Stream.of(DynamicTest.dynamicTest(POINTS + " random points", () -> {
      UniformRandomProvider r = Rngs.split(seed, op.name().hashCode());
      int full = (1 << op.arity()) - 1;
      for (int t = 0; t < POINTS; t++) {
        double[] point = op.domain().apply(r);
        List<Integer> masks = new ArrayList<>();
        if (op.arity() <= 3) {
          for (int m = 1; m <= full; m++) {
            masks.add(m);
          }
        } else {
          masks.add(full);
          masks.add(1 + r.nextInt(full)); // one random mixture of constants and variables
        }
        for (int mask : masks) {
          String bad = GradientCheck.mismatch(restrict(op, point, mask), select(point, mask), GradientCheck.TOL);
          assertNull(bad, () -> op.name() + " with operands " + Integer.toBinaryString(mask) + " on the tape: " + bad);
        }
      }
    }))));
  }

  @TestFactory
  Stream<DynamicContainer> everyScalarOperation() {
    return check(scalarOps(), 20240601L);
  }

  @TestFactory
  Stream<DynamicContainer> everyVectorOperation() {
    return check(vectorOps(), 20240602L);
  }
}
