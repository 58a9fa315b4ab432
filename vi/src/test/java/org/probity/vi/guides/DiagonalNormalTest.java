package org.probity.vi.guides;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.probity.ad.Grad;
import org.probity.ad.Real;
import org.probity.dist.DistributionException;
import org.probity.dist.Normal;
import org.probity.random.Rngs;

/** The vectorised Gaussian: density against Normal, gradients of the density and of the draw against central differences. */
class DiagonalNormalTest {
  @Test
  void logDensityIsTheSumOfNormals() {
    DiagonalNormal d = DiagonalNormal.of(Real.of(-1.2, 0.1, 0.9), Real.of(0.8, 2.0, 0.4));
    Real[] x = Real.of(0.3, -0.4, 0.7);
    double expected = Normal.of(-1.2, 0.8).logDensity(0.3) + Normal.of(0.1, 2.0).logDensity(-0.4)
        + Normal.of(0.9, 0.4).logDensity(0.7);
    assertEquals(expected, d.logProb(x).value(), 1e-12);
    assertEquals(expected, d.logDensity(x), 1e-12);
  }

  @Test
  void logDensityGradient() {
    Function<Real[], Real> f = v -> DiagonalNormal.of(Arrays.copyOfRange(v, 3, 6), Arrays.copyOfRange(v, 6, 9))
        .logProb(Arrays.copyOfRange(v, 0, 3));
    double[] point = {0.3, -0.4, 0.7, -1.2, 0.1, 0.9, 0.8, 2.0, 0.4};
    assertArrayEquals(Grad.numericGradient(f, point, 1e-6), Grad.grad(f, point).gradient(), 1e-6);
  }

  @Test
  void reparameterisedDrawGradient() {
    Function<Real[], Real> f = v -> {
      Real[] x = DiagonalNormal.of(Arrays.copyOfRange(v, 0, 3), Arrays.copyOfRange(v, 3, 6)).rsample(Rngs.of(8));
      return x[0].plus(x[1].times(2)).plus(x[2].square());
    };
    double[] point = {-1.2, 0.1, 0.9, 0.8, 2.0, 0.4};
    assertArrayEquals(Grad.numericGradient(f, point, 1e-6), Grad.grad(f, point).gradient(), 1e-6);
    DiagonalNormal d = DiagonalNormal.of(Real.of(-1.2, 0.1, 0.9), Real.of(0.8, 2.0, 0.4));
    assertArrayEquals(Real.values(d.sample(Rngs.of(5))), Real.values(d.rsample(Rngs.of(5))), 0.0);
  }

  @Test
  void invalidScaleIsRefused() {
    assertThrows(DistributionException.class, () -> DiagonalNormal.of(new Real[] {Real.of(0.0)}, new Real[] {Real.of(0.0)}));
  }
}
