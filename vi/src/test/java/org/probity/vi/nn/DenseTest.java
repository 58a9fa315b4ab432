package org.probity.vi.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.probity.ad.Grad;
import org.probity.ad.Real;

/** The layer block's vector-Jacobian product against central differences, for every activation. */
class DenseTest {
  @Test
  void gradientsMatchFiniteDifferences() {
    int out = 3;
    int in = 4;
    int batch = 2;
    double[] point = new double[out * in + out + batch * in];
    for (int i = 0; i < point.length; i++) {
      point[i] = Math.sin(1.7 * i + 0.3);
    }
    for (Activation act : Activation.values()) {
      java.util.function.Function<Real[], Real> f = xs -> {
        Real[][] w = new Real[out][in];
        for (int o = 0; o < out; o++) {
          System.arraycopy(xs, o * in, w[o], 0, in);
        }
        Real[] b = java.util.Arrays.copyOfRange(xs, out * in, out * in + out);
        Real[][] x = new Real[batch][in];
        for (int r = 0; r < batch; r++) {
          System.arraycopy(xs, out * in + out + r * in, x[r], 0, in);
        }
        Real[][] y = Dense.apply(w, b, x, act);
        Real s = Real.ZERO;
        for (int r = 0; r < batch; r++) {
          for (int o = 0; o < out; o++) {
            s = s.plus(y[r][o].times(1 + r + 0.5 * o)); // a weighted sum exercises every output adjoint
          }
        }
        return s;
      };
      double[] ad = Grad.grad(f, point).gradient();
      double[] fd = Grad.numericGradient(f, point, 1e-6);
      assertArrayEquals(fd, ad, 1e-6, act.toString());
    }
  }
}
