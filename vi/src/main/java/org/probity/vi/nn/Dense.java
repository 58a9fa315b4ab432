package org.probity.vi.nn;

import org.probity.ad.BlockNode;
import org.probity.ad.Real;

/**
 * Fully connected layers on a batch as <b>one tape block</b>: for layers l = 0..L-1,
 * H_{l+1} = act_l(H_l W_l^T + 1 b_l^T) with H_0 = X (B x in), weights W_l (out x in) and biases
 * b_l; only the last layer's outputs become tape nodes. The hand-written vector-Jacobian product
 * backpropagates through every layer: dPre_l = dH_{l+1} * act_l'(pre), dW_l = dPre_l^T H_l,
 * db_l = column sums of dPre_l, dH_l = dPre_l W_l (and dX only when X is on the tape). One block of
 * B * out outputs instead of a node per scalar product, and no node at all for hidden units.
 */
public final class Dense {
  private Dense() {
  }

  /** act(W x + b) for each row x of the batch (rows of doubles: data). */
  public static Real[][] apply(Real[][] w, Real[] b, double[][] x, Activation act) {
    return network(new Real[][][] {w}, new Real[][] {b}, new Activation[] {act}, x, null);
  }

  /** act(W x + b) for each row x of the batch (rows of reals: the output of another block, or a draw). */
  public static Real[][] apply(Real[][] w, Real[] b, Real[][] x, Activation act) {
    return network(new Real[][][] {w}, new Real[][] {b}, new Activation[] {act}, values(x), x);
  }

  /** The layers {@code w[l], b[l], act[l]} applied in turn to each row of the batch of data {@code x}. */
  public static Real[][] network(Real[][][] w, Real[][] b, Activation[] act, double[][] x) {
    return network(w, b, act, x, null);
  }

  /** The layers applied in turn to each row of the batch of reals {@code x}. */
  public static Real[][] network(Real[][][] w, Real[][] b, Activation[] act, Real[][] x) {
    return network(w, b, act, values(x), x);
  }

  private static double[][] values(Real[][] x) {
    double[][] v = new double[x.length][];
    for (int r = 0; r < x.length; r++) {
      v[r] = Real.values(x[r]);
    }
    return v;
  }

  private static Real[][] network(Real[][][] w, Real[][] b, Activation[] act, double[][] xv, Real[][] xr) {
    int layers = w.length;
    if (b.length != layers || act.length != layers || layers == 0) {
      throw new IllegalArgumentException("Dense: " + w.length + " weight matrices, " + b.length + " biases, " + act.length
          + " activations");
    }
    int batch = xv.length;
    int[] size = new int[layers + 1];
    size[0] = layers == 0 || w[0].length == 0 ? 0 : w[0][0].length;
    int[] wOff = new int[layers];
    int[] bOff = new int[layers];
    int total = 0;
    for (int l = 0; l < layers; l++) {
      int out = w[l].length;
      int in = out == 0 ? 0 : w[l][0].length;
      if (in != size[l]) {
        throw new IllegalArgumentException("Dense: layer " + l + " takes " + in + " inputs, the previous layer gives " + size[l]);
      }
      if (b[l].length != out) {
        throw new IllegalArgumentException("Dense: layer " + l + " has a bias of " + b[l].length + " entries for " + out + " outputs");
      }
      size[l + 1] = out;
      wOff[l] = total;
      total += out * in;
      bOff[l] = total;
      total += out;
    }
    boolean xVariable = false;
    if (xr != null) {
      for (Real[] row : xr) {
        for (Real v : row) {
          xVariable |= v.isVariable();
        }
      }
    }
    int xOff = total;
    Real[] inputs = new Real[total + (xVariable ? batch * size[0] : 0)];
    double[][] wv = new double[layers][];
    for (int l = 0; l < layers; l++) {
      int out = size[l + 1];
      int in = size[l];
      wv[l] = new double[out * in];
      for (int o = 0; o < out; o++) {
        Real[] row = w[l][o];
        if (row.length != in) {
          throw new IllegalArgumentException("Dense: layer " + l + ", weight row " + o + " has " + row.length + " entries, not " + in);
        }
        System.arraycopy(row, 0, inputs, wOff[l] + o * in, in);
        for (int i = 0; i < in; i++) {
          wv[l][o * in + i] = row[i].value();
        }
      }
      System.arraycopy(b[l], 0, inputs, bOff[l], out);
    }
    // forward: h[l] is the batch's activations entering layer l (h[0] the input), row-major
    double[][] h = new double[layers + 1][];
    h[0] = new double[batch * size[0]];
    for (int r = 0; r < batch; r++) {
      if (xv[r].length != size[0]) {
        throw new IllegalArgumentException("Dense: input row " + r + " has " + xv[r].length + " entries, the network takes " + size[0]);
      }
      System.arraycopy(xv[r], 0, h[0], r * size[0], size[0]);
      if (xVariable) {
        System.arraycopy(xr[r], 0, inputs, xOff + r * size[0], size[0]);
      }
    }
    double[][] dact = new double[layers][];
    for (int l = 0; l < layers; l++) {
      int out = size[l + 1];
      int in = size[l];
      double[] hin = h[l];
      double[] hout = new double[batch * out];
      double[] d = new double[batch * out];
      double[] wl = wv[l];
      for (int r = 0; r < batch; r++) {
        int xb = r * in;
        for (int o = 0; o < out; o++) {
          double s = b[l][o].value();
          int wb = o * in;
          for (int i = 0; i < in; i++) {
            s += wl[wb + i] * hin[xb + i];
          }
          double a = act[l].apply(s);
          hout[r * out + o] = a;
          d[r * out + o] = act[l].derivative(s, a);
        }
      }
      h[l + 1] = hout;
      dact[l] = d;
    }
    boolean backX = xVariable;
    Real[] flat = BlockNode.of(inputs, h[layers], (dy, din) -> {
      double[] upstream = dy;
      for (int l = layers - 1; l >= 0; l--) {
        int out = size[l + 1];
        int in = size[l];
        double[] hin = h[l];
        double[] wl = wv[l];
        boolean lower = l > 0 || backX;
        double[] down = lower ? new double[batch * in] : null;
        double[] d = dact[l];
        for (int r = 0; r < batch; r++) {
          int xb = r * in;
          for (int o = 0; o < out; o++) {
            double g = upstream[r * out + o] * d[r * out + o];
            if (g == 0) {
              continue;
            }
            int wb = o * in;
            int dw = wOff[l] + wb;
            for (int i = 0; i < in; i++) {
              din[dw + i] += g * hin[xb + i];
            }
            din[bOff[l] + o] += g;
            if (lower) {
              for (int i = 0; i < in; i++) {
                down[xb + i] += g * wl[wb + i];
              }
            }
          }
        }
        upstream = down;
      }
      if (backX) {
        for (int k = 0; k < batch * size[0]; k++) {
          din[xOff + k] += upstream[k];
        }
      }
    });
    int out = size[layers];
    Real[][] rows = new Real[batch][out];
    for (int r = 0; r < batch; r++) {
      System.arraycopy(flat, r * out, rows[r], 0, out);
    }
    return rows;
  }
}
