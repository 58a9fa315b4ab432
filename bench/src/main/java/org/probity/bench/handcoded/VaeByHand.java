package org.probity.bench.handcoded;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The hand-written baseline for {@code vi-vae}: the VAE of the {@code vae} example (encoder
 * 64-32-4 and decoder 2-32-64 with tanh hidden layers, Glorot-uniform weights and zero biases,
 * z ~ N(0, I_2), Bernoulli-logit pixels, guide N(loc(x), diag(exp(logScale(x))^2))), trained by the
 * same estimator as Probity's: per step a minibatch of B images drawn with replacement, one
 * reparameterised z per image, the per-image ELBO estimate (1/B) sum_b [log p(x_b | z_b) +
 * log p(z_b) - log q(z_b)], its gradient by backpropagation written out (the entropy term's
 * gradient d/dloc = 0, d/d logScale = 1, as the surrogate's chain rule gives), and Adam(0.01).
 */
public final class VaeByHand {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  static final int D = 64;
  static final int H = 32;
  static final int L = 2;

  private VaeByHand() {
  }

  /** The parameters (row-major weights [out][in]) and Adam's moments, all in one flat array. */
  private static final class Net {
    // offsets into theta
    static final int W1 = 0;
    static final int B1 = W1 + H * D;
    static final int W2 = B1 + H;
    static final int B2 = W2 + 2 * L * H;
    static final int W3 = B2 + 2 * L;
    static final int B3 = W3 + H * L;
    static final int W4 = B3 + H;
    static final int B4 = W4 + D * H;
    static final int SIZE = B4 + D;
    final double[] theta = new double[SIZE];
    final double[] m = new double[SIZE];
    final double[] v = new double[SIZE];

    Net(UniformRandomProvider rng) {
      glorot(W1, H, D, rng);
      glorot(W2, 2 * L, H, rng);
      glorot(W3, H, L, rng);
      glorot(W4, D, H, rng);
    }

    void glorot(int off, int out, int in, UniformRandomProvider rng) {
      double a = Math.sqrt(6.0 / (in + out));
      for (int k = 0; k < out * in; k++) {
        theta[off + k] = -a + 2 * a * rng.nextDouble();
      }
    }
  }

  /** The per-image ELBO estimate of every step. */
  public static double[] train(int[][] images, int steps, int batch, double lr, UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    Net net = new Net(rng);
    double[] th = net.theta;
    double[] grad = new double[Net.SIZE];
    double[] trace = new double[steps];
    double[] h1 = new double[H];
    double[] out = new double[2 * L];
    double[] z = new double[L];
    double[] eps = new double[L];
    double[] h2 = new double[H];
    double[] dl = new double[D];
    double[] dh2 = new double[H];
    double[] dz = new double[L];
    double[] dout = new double[2 * L];
    double[] dh1 = new double[H];
    for (int t = 0; t < steps; t++) {
      java.util.Arrays.fill(grad, 0);
      double total = 0;
      for (int b = 0; b < batch; b++) {
        int[] x = images[rng.nextInt(images.length)];
        // encoder
        for (int o = 0; o < H; o++) {
          double s = th[Net.B1 + o];
          int base = Net.W1 + o * D;
          for (int i = 0; i < D; i++) {
            s += th[base + i] * x[i];
          }
          h1[o] = Math.tanh(s);
        }
        for (int o = 0; o < 2 * L; o++) {
          double s = th[Net.B2 + o];
          int base = Net.W2 + o * H;
          for (int i = 0; i < H; i++) {
            s += th[base + i] * h1[i];
          }
          out[o] = s;
        }
        double elbo = 0;
        for (int j = 0; j < L; j++) {
          eps[j] = g.sample();
          double scale = Math.exp(out[L + j]);
          z[j] = out[j] + scale * eps[j];
          elbo += -0.5 * z[j] * z[j] - HALF_LOG_TWO_PI; // log p(z)
          elbo -= -0.5 * eps[j] * eps[j] - out[L + j] - HALF_LOG_TWO_PI; // - log q(z)
        }
        // decoder
        for (int o = 0; o < H; o++) {
          double s = th[Net.B3 + o];
          int base = Net.W3 + o * L;
          for (int i = 0; i < L; i++) {
            s += th[base + i] * z[i];
          }
          h2[o] = Math.tanh(s);
        }
        for (int o = 0; o < D; o++) {
          double s = th[Net.B4 + o];
          int base = Net.W4 + o * H;
          for (int i = 0; i < H; i++) {
            s += th[base + i] * h2[i];
          }
          // log p(x_o | logit s) = x s - softplus(s)
          double sp = s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
          elbo += x[o] * s - sp;
          double p = s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
          dl[o] = (x[o] - p) / batch;
        }
        total += elbo;
        // backward: decoder
        java.util.Arrays.fill(dh2, 0);
        for (int o = 0; o < D; o++) {
          double d = dl[o];
          int base = Net.W4 + o * H;
          for (int i = 0; i < H; i++) {
            grad[base + i] += d * h2[i];
            dh2[i] += d * th[base + i];
          }
          grad[Net.B4 + o] += d;
        }
        for (int j = 0; j < L; j++) {
          dz[j] = -z[j] / batch; // log p(z)
        }
        for (int o = 0; o < H; o++) {
          double d = dh2[o] * (1 - h2[o] * h2[o]);
          int base = Net.W3 + o * L;
          for (int i = 0; i < L; i++) {
            grad[base + i] += d * z[i];
            dz[i] += d * th[base + i];
          }
          grad[Net.B3 + o] += d;
        }
        // through z = loc + scale eps, and the entropy term: d/dloc = dz, d/dlogScale = dz scale eps + 1 / B
        for (int j = 0; j < L; j++) {
          double scale = Math.exp(out[L + j]);
          dout[j] = dz[j];
          dout[L + j] = dz[j] * scale * eps[j] + 1.0 / batch;
        }
        java.util.Arrays.fill(dh1, 0);
        for (int o = 0; o < 2 * L; o++) {
          double d = dout[o];
          int base = Net.W2 + o * H;
          for (int i = 0; i < H; i++) {
            grad[base + i] += d * h1[i];
            dh1[i] += d * th[base + i];
          }
          grad[Net.B2 + o] += d;
        }
        for (int o = 0; o < H; o++) {
          double d = dh1[o] * (1 - h1[o] * h1[o]);
          int base = Net.W1 + o * D;
          for (int i = 0; i < D; i++) {
            grad[base + i] += d * x[i];
          }
          grad[Net.B1 + o] += d;
        }
      }
      trace[t] = total / batch;
      double c1 = 1 - Math.pow(0.9, t + 1);
      double c2 = 1 - Math.pow(0.999, t + 1);
      for (int k = 0; k < Net.SIZE; k++) {
        net.m[k] = 0.9 * net.m[k] + 0.1 * grad[k];
        net.v[k] = 0.999 * net.v[k] + 0.001 * grad[k] * grad[k];
        th[k] += lr * (net.m[k] / c1) / (Math.sqrt(net.v[k] / c2) + 1e-8);
      }
    }
    return trace;
  }
}
