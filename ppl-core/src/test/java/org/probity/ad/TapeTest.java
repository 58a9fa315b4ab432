package org.probity.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.probity.random.Rngs;

/** The tape's cost model (vectorised likelihoods are O(1) nodes) and its one-tape rule. */
class TapeTest {
  static final int N = 10_000;
  static final int P = 5;

  static DMatrixRMaj design(UniformRandomProvider r) {
    DMatrixRMaj x = new DMatrixRMaj(N, P);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] = r.nextDouble() * 2 - 1;
    }
    return x;
  }

  @Test
  void logisticRegressionOverTenThousandRowsIsOneNode() {
    UniformRandomProvider r = Rngs.of(7);
    DMatrixRMaj x = design(r);
    int[] y = new int[N];
    for (int i = 0; i < N; i++) {
      y[i] = r.nextBoolean() ? 1 : 0;
    }
    Tape t = new Tape();
    Real[] w = t.variables(new double[] {0.1, -0.2, 0.3, 0.0, 0.5});
    Real b = t.variable(0.2);
    int before = t.size();
    Real ll = Reals.bernoulliLogitLogLikelihood(x, w, b, y);
    assertEquals(before + 1, t.size());
    // and its gradient agrees with the node-by-node construction
    double[] fused = t.gradient(ll, w);
    Tape t2 = new Tape();
    Real[] w2 = t2.variables(Real.values(w));
    Real b2 = t2.variable(b.value());
    Real[] eta = Reals.matVec(x, w2);
    Real[] terms = new Real[N];
    for (int i = 0; i < N; i++) {
      Real e = eta[i].plus(b2);
      terms[i] = y[i] == 1 ? e.logLogistic() : e.negate().logLogistic();
    }
    Real slow = Reals.sum(terms);
    assertEquals(slow.value(), ll.value(), 1e-9 * Math.abs(slow.value()));
    double[] naive = t2.gradient(slow, w2);
    for (int j = 0; j < P; j++) {
      assertEquals(naive[j], fused[j], 1e-9 * (1 + Math.abs(naive[j])));
    }
  }

  @Test
  void normalLikelihoodsOverTenThousandRowsAreOneNode() {
    UniformRandomProvider r = Rngs.of(8);
    DMatrixRMaj x = design(r);
    double[] y = new double[N];
    for (int i = 0; i < N; i++) {
      y[i] = r.nextDouble() * 4 - 2;
    }
    Tape t = new Tape();
    Real[] w = t.variables(new double[P]);
    Real b = t.variable(0.1);
    Real sigma = t.variable(1.3);
    int before = t.size();
    Reals.normalLinearLogLikelihood(x, w, b, sigma, y);
    assertEquals(before + 1, t.size());
    Real mu = t.variable(0.2);
    Real[] means = new Real[N];
    Arrays.fill(means, mu);
    before = t.size();
    Real ll = Reals.normalLogLikelihood(y, means, sigma);
    assertEquals(before + 1, t.size());
    // d/dmu = sum (y - mu) / sigma^2 through the N repeated parents
    double expected = Arrays.stream(y).map(v -> (v - 0.2) / (1.3 * 1.3)).sum();
    assertEquals(expected, t.gradient(ll, new Real[] {mu})[0], 1e-9 * Math.abs(expected));
  }

  @Test
  void mixingTwoTapesThrows() {
    Tape a = new Tape();
    Tape b = new Tape();
    Real x = a.variable(1);
    Real y = b.variable(2);
    assertThrows(IllegalStateException.class, () -> x.plus(y));
    assertThrows(IllegalStateException.class, () -> y.times(x));
    assertThrows(IllegalStateException.class, () -> x.pow(y));
    assertThrows(IllegalStateException.class, () -> Reals.logSumExp(x, y));
    assertThrows(IllegalStateException.class, () -> Reals.sum(x, Real.of(3), y));
    assertThrows(IllegalStateException.class, () -> a.gradient(y));
    assertThrows(IllegalStateException.class, () -> a.gradient(x, new Real[] {y}));
    // a constant combines with either
    assertEquals(3.0, x.plus(Real.of(2)).value());
  }

  @Test
  void tapeGrowsPastItsInitialCapacity() {
    Tape t = new Tape();
    Real x = t.variable(1.0);
    Real s = x;
    for (int i = 0; i < 1000; i++) {
      s = s.plus(x.times(0.001));
    }
    assertEquals(1001 + 1000, t.size());
    assertEquals(2.0, t.gradient(s, new Real[] {x})[0], 1e-12);
  }
}
