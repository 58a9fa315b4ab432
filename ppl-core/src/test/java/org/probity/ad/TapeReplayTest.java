package org.probity.ad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A tape recorded as a program ({@link Tape#record}) and replayed at new leaf values gives the value
 * and gradient of re-running the computation bit for bit, for every scalar operation of
 * {@link Real} (each operand a variable or a constant) and the fused log-density nodes; guards
 * ({@link Real#test}) refuse a replay whose branch would differ; a value read or a node without an
 * operation code makes the recording unreplayable. The fused nodes match finite differences.
 */
class TapeReplayTest {
  /** Functions of (x, y) with x in (0.1, 0.9) and y in (0.5, 3) (each op's domain reached by composition). */
  static Map<String, Function<Real[], Real>> operations() {
    Map<String, Function<Real[], Real>> ops = new LinkedHashMap<>();
    ops.put("plus", v -> v[0].plus(v[1]));
    ops.put("plusC", v -> v[0].plus(1.5));
    ops.put("cPlus", v -> Real.of(1.5).plus(v[1]));
    ops.put("minus", v -> v[0].minus(v[1]));
    ops.put("minusC", v -> v[0].minus(0.3));
    ops.put("cMinus", v -> Real.of(0.3).minus(v[1]));
    ops.put("rminus", v -> v[0].rminus(2.5));
    ops.put("oneMinus", v -> v[0].oneMinus());
    ops.put("rdiv", v -> v[1].rdiv(3.0));
    ops.put("times", v -> v[0].times(v[1]));
    ops.put("timesC", v -> v[0].times(-1.7));
    ops.put("cTimes", v -> Real.of(-1.7).times(v[1]));
    ops.put("div", v -> v[0].div(v[1]));
    ops.put("divC", v -> v[0].div(3.0));
    ops.put("cDiv", v -> Real.of(3.0).div(v[1]));
    ops.put("negate", v -> v[0].negate());
    ops.put("square", v -> v[0].square());
    ops.put("sqrt", v -> v[1].sqrt());
    ops.put("exp", v -> v[0].exp());
    ops.put("log", v -> v[1].log());
    ops.put("log1p", v -> v[0].log1p());
    ops.put("expm1", v -> v[0].expm1());
    ops.put("powC", v -> v[1].pow(2.7));
    ops.put("pow", v -> v[1].pow(v[0]));
    ops.put("abs", v -> v[0].minus(0.5).abs());
    ops.put("logistic", v -> v[1].logistic());
    ops.put("logit", v -> v[0].logit());
    ops.put("normalCdf", v -> v[1].normalCdf());
    ops.put("log1pExp", v -> v[1].negate().log1pExp());
    ops.put("logLogistic", v -> v[1].logLogistic());
    ops.put("log1m", v -> v[0].log1m());
    ops.put("log1mExp", v -> v[1].negate().log1mExp());
    ops.put("logDiffExp", v -> v[1].logDiffExp(v[0]));
    ops.put("logDiffExpC", v -> v[1].logDiffExp(Real.NEGATIVE_INFINITY));
    ops.put("reciprocal", v -> v[1].reciprocal());
    ops.put("tanh", v -> v[1].tanh());
    ops.put("sin", v -> v[1].sin());
    ops.put("cos", v -> v[1].cos());
    ops.put("atan", v -> v[1].atan());
    ops.put("logGamma", v -> v[1].logGamma());
    ops.put("digamma", v -> v[1].digamma());
    ops.put("normal", v -> Reals.normalLogDensity(v[0], v[1], v[1].plus(v[0])));
    ops.put("normalConstSigma", v -> Reals.normalLogDensity(v[0], v[1], Real.of(1.3)));
    ops.put("normalConstX", v -> Reals.normalLogDensity(Real.of(0.2), v[0], v[1]));
    ops.put("normalOnlyX", v -> Reals.normalLogDensity(v[0], Real.of(0.4), Real.of(2.0)));
    ops.put("cauchy", v -> Reals.cauchyLogDensity(v[0], v[1], v[1].plus(v[0])));
    ops.put("cauchyConstScale", v -> Reals.cauchyLogDensity(v[0], v[1], Real.of(5)));
    ops.put("sum", v -> Reals.sum(v[0], v[1].square(), v[0].exp()));
    ops.put("composition", v -> v[0].times(v[1]).plus(v[1].exp().log1p()).div(v[0].plus(2)).square());
    return ops;
  }

  private static double[] point(SplittableRandom r) {
    return new double[] {r.nextDouble(0.1, 0.9), r.nextDouble(0.5, 3)};
  }

  @Test
  void replayEqualsRerunBitForBitForEveryOperation() {
    SplittableRandom r = new SplittableRandom(12);
    for (Map.Entry<String, Function<Real[], Real>> e : operations().entrySet()) {
      Function<Real[], Real> f = e.getValue();
      Tape t = new Tape();
      t.record();
      Real[] x = t.variables(point(r));
      Real out = f.apply(x);
      assertTrue(t.endRecording(), e.getKey() + " records a replayable program");
      int[] leaves = {x[0].index(), x[1].index()};
      for (int k = 0; k < 20; k++) {
        double[] p = point(r);
        assertTrue(t.replay(leaves, p), e.getKey());
        Grad.ValueAndGradient rerun = Grad.grad(f, p);
        double[] adj = t.adjoints(out);
        assertEquals(rerun.value(), t.value(out), 0.0, e.getKey() + " value");
        assertArrayEquals(rerun.gradient(), new double[] {adj[leaves[0]], adj[leaves[1]]}, 0.0, e.getKey() + " gradient");
      }
    }
  }

  /** A tape recording log|x| at x = 1 through a tested branch on the sign of x; its leaf and output. */
  record Branching(Tape tape, int[] leaves, Real out) {
    static Branching record() {
      Function<Real[], Real> f = v -> v[0].test(a -> a > 0) ? v[0].log() : v[0].negate().log();
      Tape t = new Tape();
      t.record();
      Real[] x = t.variables(new double[] {1.0});
      Real out = f.apply(x);
      assertTrue(t.endRecording());
      return new Branching(t, new int[] {x[0].index()}, out);
    }
  }

  @Test
  void aGuardRefusesAReplayOnTheOtherBranch() {
    Branching b = Branching.record();
    Tape t = b.tape();
    Real out = b.out();
    int[] leaves = b.leaves();
    assertTrue(t.replay(leaves, new double[] {2.0}));
    assertEquals(Math.log(2.0), t.value(out), 0.0);
    assertEquals(0.5, t.adjoints(out)[leaves[0]], 0.0);
    assertFalse(t.replay(leaves, new double[] {-2.0}), "the test's outcome differs: no replay");
  }

  @Test
  void aValueReadOrAnOpaqueNodeMakesTheRecordingUnreplayable() {
    Tape t = new Tape();
    t.record();
    Real x = t.variable(0.5);
    Real y = x.value() > 0 ? x.log() : x.negate().log(); // a decision the tape cannot see
    assertFalse(t.endRecording());
    assertFalse(t.replayable());
    assertThrows(IllegalStateException.class, () -> t.replay(new int[] {x.index()}, new double[] {-1}));
    assertEquals(Math.log(0.5), y.value(), 0.0);

    Tape u = new Tape();
    u.record();
    Real[] v = u.variables(new double[] {1, 2});
    Reals.node(v, 3.0, new double[] {1, 1}); // no operation code
    assertFalse(u.endRecording());

    Tape w = new Tape();
    w.record();
    Real z = w.variable(1.0);
    Real.values(new Real[] {z});
    assertFalse(w.endRecording(), "Real.values reads the values");

    Tape s = new Tape();
    s.record();
    Real a = s.variable(1.0);
    a.untrackedValue();
    a.exp();
    assertTrue(s.endRecording(), "an untracked read is not a decision");
    a.exp(); // a node pushed after the recording ended
    assertFalse(s.replayable());
  }

  @Test
  void fusedLogDensitiesMatchFiniteDifferences() {
    SplittableRandom r = new SplittableRandom(3);
    for (int k = 0; k < 50; k++) {
      double[] p = {r.nextDouble(-3, 3), r.nextDouble(-2, 2), r.nextDouble(0.2, 4)};
      assertNull(GradientCheck.mismatch(v -> Reals.normalLogDensity(v[0], v[1], v[2]), p, GradientCheck.TOL));
      assertNull(GradientCheck.mismatch(v -> Reals.cauchyLogDensity(v[0], v[1], v[2]), p, GradientCheck.TOL));
      assertNull(GradientCheck.mismatch(v -> Reals.normalLogDensity(v[0], v[1], Real.of(1.7)), p, GradientCheck.TOL));
      assertNull(GradientCheck.mismatch(v -> Reals.cauchyLogDensity(Real.of(0.3), v[1], v[2]), p, GradientCheck.TOL));
      // the values are the densities
      double z = (p[0] - p[1]) / p[2];
      assertEquals(-0.5 * z * z - Math.log(p[2]) - 0.5 * Math.log(2 * Math.PI),
          Reals.normalLogDensity(Real.of(p[0]), Real.of(p[1]), Real.of(p[2])).value(), 1e-12);
      assertEquals(-Math.log(Math.PI * p[2] * (1 + z * z)),
          Reals.cauchyLogDensity(Real.of(p[0]), Real.of(p[1]), Real.of(p[2])).value(), 1e-12);
    }
  }
}
