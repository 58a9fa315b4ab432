package org.probity.vi.nn;

import org.probity.ad.BlockNode;
import org.probity.ad.Real;

/**
 * A fully connected layer on a batch as one tape block: Y = act(X W^T + 1 b^T) for a batch X
 * (B x in), weights W (out x in) and bias b (out), with the hand-written vector-Jacobian product
 * dPre = dY * act'(pre), dW = dPre^T X, db = column sums of dPre, dX = dPre W (skipped when X is
 * data). One block of B * out outputs instead of B * out * in scalar nodes.
 */
public final class Dense {
  private Dense() {
  }

  /** act(W x + b) for each row x of the batch (rows of doubles: data). */
  public static Real[][] apply(Real[][] w, Real[] b, double[][] x, Activation act) {
    return apply(w, b, x, null, act);
  }

  /** act(W x + b) for each row x of the batch (rows of reals: the output of another layer or a draw). */
  public static Real[][] apply(Real[][] w, Real[] b, Real[][] x, Activation act) {
    double[][] v = new double[x.length][];
    for (int r = 0; r < x.length; r++) {
      v[r] = Real.values(x[r]);
    }
    return apply(w, b, v, x, act);
  }

  private static Real[][] apply(Real[][] w, Real[] b, double[][] xv, Real[][] xr, Activation act) {
    int out = w.length;
    int in = out == 0 ? 0 : w[0].length;
    int batch = xv.length;
    if (b.length != out) {
      throw new IllegalArgumentException("Dense: the bias has " + b.length + " entries, the weights " + out + " rows");
    }
    double[] wv = new double[out * in];
    for (int o = 0; o < out; o++) {
      if (w[o].length != in) {
        throw new IllegalArgumentException("Dense: weight row " + o + " has " + w[o].length + " entries, row 0 has " + in);
      }
      for (int i = 0; i < in; i++) {
        wv[o * in + i] = w[o][i].value();
      }
    }
    double[] y = new double[batch * out];
    double[] dact = new double[batch * out];
    for (int r = 0; r < batch; r++) {
      double[] xr0 = xv[r];
      if (xr0.length != in) {
        throw new IllegalArgumentException("Dense: input row " + r + " has " + xr0.length + " entries, the layer takes " + in);
      }
      for (int o = 0; o < out; o++) {
        double s = b[o].value();
        int base = o * in;
        for (int i = 0; i < in; i++) {
          s += wv[base + i] * xr0[i];
        }
        double a = act.apply(s);
        y[r * out + o] = a;
        dact[r * out + o] = act.derivative(s, a);
      }
    }
    boolean xVariable = false;
    if (xr != null) {
      for (Real[] row : xr) {
        for (Real v : row) {
          xVariable |= v.isVariable();
        }
      }
    }
    int nx = xVariable ? batch * in : 0;
    Real[] inputs = new Real[out * in + out + nx];
    for (int o = 0; o < out; o++) {
      System.arraycopy(w[o], 0, inputs, o * in, in);
    }
    System.arraycopy(b, 0, inputs, out * in, out);
    for (int r = 0; r < batch && xVariable; r++) {
      System.arraycopy(xr[r], 0, inputs, out * in + out + r * in, in);
    }
    boolean backX = xVariable;
    Real[] flat = BlockNode.of(inputs, y, (dy, din) -> {
      int bOff = out * in;
      int xOff = bOff + out;
      for (int r = 0; r < batch; r++) {
        double[] xr0 = xv[r];
        for (int o = 0; o < out; o++) {
          double d = dy[r * out + o] * dact[r * out + o];
          if (d == 0) {
            continue;
          }
          int base = o * in;
          for (int i = 0; i < in; i++) {
            din[base + i] += d * xr0[i];
          }
          din[bOff + o] += d;
          if (backX) {
            int xb = xOff + r * in;
            for (int i = 0; i < in; i++) {
              din[xb + i] += d * wv[base + i];
            }
          }
        }
      }
    });
    Real[][] rows = new Real[batch][out];
    for (int r = 0; r < batch; r++) {
      System.arraycopy(flat, r * out, rows[r], 0, out);
    }
    return rows;
  }
}
