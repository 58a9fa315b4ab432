package org.probity.vi.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.probity.ad.Grad;
import org.probity.ad.Real;

/** The network block's vector-Jacobian product against central differences, for every activation and two layers. */
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

  @Test
  void twoLayerNetworkGradientsMatchFiniteDifferences() {
    int in = 3;
    int hid = 4;
    int out = 2;
    int batch = 3;
    int n = hid * in + hid + out * hid + out + batch * in;
    double[] point = new double[n];
    for (int i = 0; i < n; i++) {
      point[i] = 0.7 * Math.cos(1.3 * i + 0.2);
    }
    java.util.function.Function<Real[], Real> f = xs -> {
      int k = 0;
      Real[][] w0 = new Real[hid][in];
      for (int o = 0; o < hid; o++) {
        for (int i = 0; i < in; i++) {
          w0[o][i] = xs[k++];
        }
      }
      Real[] b0 = java.util.Arrays.copyOfRange(xs, k, k + hid);
      k += hid;
      Real[][] w1 = new Real[out][hid];
      for (int o = 0; o < out; o++) {
        for (int i = 0; i < hid; i++) {
          w1[o][i] = xs[k++];
        }
      }
      Real[] b1 = java.util.Arrays.copyOfRange(xs, k, k + out);
      k += out;
      Real[][] x = new Real[batch][in];
      for (int r = 0; r < batch; r++) {
        for (int i = 0; i < in; i++) {
          x[r][i] = xs[k++];
        }
      }
      Real[][] y = Dense.network(new Real[][][] {w0, w1}, new Real[][] {b0, b1},
          new Activation[] {Activation.TANH, Activation.SOFTPLUS}, x);
      Real s = Real.ZERO;
      for (int r = 0; r < batch; r++) {
        for (int o = 0; o < out; o++) {
          s = s.plus(y[r][o].times(1 + 0.3 * r - 0.7 * o));
        }
      }
      return s;
    };
    assertArrayEquals(Grad.numericGradient(f, point, 1e-6), Grad.grad(f, point).gradient(), 1e-6);
  }
}
