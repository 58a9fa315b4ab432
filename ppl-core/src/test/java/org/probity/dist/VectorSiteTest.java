package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.probity.Probity.normal;
import static org.probity.Probity.plate;
import static org.probity.Probity.sample;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.probity.ad.GradientCheck;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Observe;
import org.probity.random.Rngs;
import org.probity.semantics.Sampler;

/**
 * The vector-site convention: {@code dist.vector(J)} ({@link Iid}) and {@link Product} are one
 * site with a {@code Real[]} value whose log density is differentiable in every entry and
 * parameter, and equals the data path that {@link Plate} uses to observe a {@code double[]}.
 */
class VectorSiteTest {
  @Test
  void aVectorSiteIsOneAddressWithARealArray() {
    Sampler.Recorded<Real[]> r = Sampler.record(sample("a", normal(0.5, 2).vector(3)), Rngs.of(8));
    assertEquals(1, r.choices().size());
    Real[] a = (Real[]) r.choices().get(Address.of("a"));
    assertEquals(3, a.length);
    assertArrayEquals(Real.values(a), Real.values(r.value()), 0.0);
  }

  @Test
  void theVectorLogDensityIsTheSumAndEqualsTheDataPath() {
    Gamma g = Gamma.of(2.5, 1.5);
    double[] x = {0.4, 1.3, 2.2};
    double sum = g.logDensity(0.4) + g.logDensity(1.3) + g.logDensity(2.2);
    Iid v = g.vector(3);
    assertEquals(sum, v.logProb(Real.of(x)).value(), 1e-12);
    assertEquals(sum, v.logDensity(Real.of(x)), 1e-12);
    assertEquals(sum, v.logProb(x).value(), 1e-12);
    assertEquals(sum, Plate.iid(g, 3).logDensity(x), 1e-12);
    Product p = Product.of(3, i -> Normal.of(i, 1 + i));
    double psum = Normal.of(0, 1).logDensity(0.4) + Normal.of(1, 2).logDensity(1.3) + Normal.of(2, 3).logDensity(2.2);
    assertEquals(psum, p.logProb(Real.of(x)).value(), 1e-12);
    assertEquals(psum, p.logDensity(Real.of(x)), 1e-12);
    assertEquals(psum, new Plate(p).logProb(x).value(), 1e-12);
    assertThrows(DistributionException.class, () -> v.logProb(Real.of(1, 2)));
    assertThrows(DistributionException.class, () -> Plate.iid(g, 3).logDensity(new double[] {1}));
  }

  @Test
  void gradientsFlowThroughEveryEntryAndParameter() {
    Function<Real[], Real> iid = q -> Normal.of(q[0], q[1]).vector(3).logProb(new Real[] {q[2], q[3], q[4]});
    assertNull(GradientCheck.mismatch(iid, new double[] {0.3, 1.4, -0.5, 0.8, 2.1}, GradientCheck.TOL));
    Function<Real[], Real> gamma = q -> Gamma.of(q[0], q[1]).vector(2).logProb(new Real[] {q[2], q[3]});
    assertNull(GradientCheck.mismatch(gamma, new double[] {2.5, 1.2, 0.7, 1.9}, GradientCheck.TOL));
    Function<Real[], Real> product = q -> Product.of(2, i -> Normal.of(q[i], q[2])).logProb(new Real[] {q[3], q[4]});
    assertNull(GradientCheck.mismatch(product, new double[] {0.1, -0.7, 1.3, 0.9, -0.2}, GradientCheck.TOL));
    // the data path: a gradient with respect to the parameters only
    double[] data = {0.2, -0.4, 1.1};
    Function<Real[], Real> plated = q -> new Plate(Normal.of(q[0], q[1]).vector(3)).logProb(data);
    assertNull(GradientCheck.mismatch(plated, new double[] {0.3, 0.9}, GradientCheck.TOL));
  }

  @Test
  void aVectorOfTwoNormalises() {
    Iid v = Gamma.of(2, 1.5).vector(2);
    double total = Simpson.integrate(x -> Simpson.integrate(y -> Math.exp(v.logDensity(Real.of(x, y))),
        0, Double.POSITIVE_INFINITY, 1e-10), 0, Double.POSITIVE_INFINITY, 1e-9);
    assertEquals(1.0, total, 1e-6);
  }

  @Test
  void aPlateDrawsTheSameStreamAsTheVectorAndIsWhatPlateObserves() {
    Normal d = Normal.of(0.5, 2);
    assertArrayEquals(Real.values(d.vector(6).sample(Rngs.of(2))), Plate.iid(d, 6).sample(Rngs.of(2)), 0.0);
    Observe<?, ?> o = (Observe<?, ?>) plate(d, new double[] {1, 2});
    assertInstanceOf(Plate.class, o.dist());
    Observe<?, ?> q = (Observe<?, ?>) plate(new double[] {1, 2}, i -> normal(i, 1));
    assertInstanceOf(Product.class, ((Plate) q.dist()).components());
  }
}
