package org.probity.examples;

import static org.probity.Probity.observe;
import static org.probity.Probity.sample;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.random.Rngs;
import org.probity.vi.adev.Expectation;
import org.probity.vi.guides.DiagonalNormal;
import org.probity.vi.nn.Activation;
import org.probity.vi.nn.BernoulliLogits;
import org.probity.vi.nn.Mlp;
import org.probity.vi.objectives.Generative;
import org.probity.vi.objectives.Objectives;
import org.probity.vi.optim.Adam;
import org.probity.vi.optim.Optimize;
import org.probity.vi.param.ParamStore;
import org.probity.vi.param.Params;

/**
 * A variational autoencoder (Kingma and Welling, "Auto-encoding variational Bayes", ICLR 2014)
 * on a synthetic image set: 8 x 8 binary images each showing one horizontal or vertical bar (16
 * kinds), pixels flipped with probability 0.05, generated from a fixed seed. The model draws
 * z ~ N(0, I_2) per image and the pixels from Bernoulli(logistic(decoder(z))); the amortised guide
 * is z ~ N(loc(x), diag(scale(x)^2)) from an encoder; both networks are MLPs with one hidden
 * layer of 32 tanh units, each layer one tape block over the minibatch. The objective is the
 * per-image ELBO estimated on minibatches of 32 images drawn with replacement (unbiased for the
 * mean ELBO over the data set), REPARAM through the guide's draw, maximised by Adam. Prints the
 * ELBO (mean of the estimates over the last 200 steps) as it rises. Arguments: [steps (default
 * 3000)] [seed (default 1)].
 */
@Example(name = "vae", description = "Variational autoencoder on synthetic 8x8 bar images: amortised guide, minibatch ELBO rising under Adam")
public final class Vae {
  /** The side of an image. */
  public static final int SIDE = 8;
  /** The latent dimension. */
  public static final int LATENT = 2;
  /** Hidden units per network. */
  public static final int HIDDEN = 32;

  private Vae() {
  }

  /** A data set of binary images, one row of SIDE * SIDE pixels each (and the same rows as doubles, the encoder's input). */
  public record Images(int[][] pixels, double[][] inputs) {
    /** The images of these pixel rows. */
    public Images(int[][] pixels) {
      this(pixels, java.util.Arrays.stream(pixels).map(r -> java.util.Arrays.stream(r).asDoubleStream().toArray())
          .toArray(double[][]::new));
    }

    /** The number of images. */
    public int size() {
      return pixels.length;
    }
  }

  /** n images of one bar each (row or column chosen uniformly among 16), pixels flipped with probability 0.05. */
  public static Images bars(int n, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    int[][] px = new int[n][SIDE * SIDE];
    for (int k = 0; k < n; k++) {
      int bar = rng.nextInt(2 * SIDE);
      for (int r = 0; r < SIDE; r++) {
        for (int c = 0; c < SIDE; c++) {
          boolean on = bar < SIDE ? r == bar : c == bar - SIDE;
          px[k][r * SIDE + c] = (on ^ rng.nextDouble() < 0.05) ? 1 : 0;
        }
      }
    }
    return new Images(px);
  }

  /** The encoder x -> (loc, log scale) and the decoder z -> pixel logits. */
  public record Networks(Mlp encoder, Mlp decoder) {
    /** The networks of this example's sizes. */
    public static Networks standard() {
      return new Networks(new Mlp("enc", new int[] {SIDE * SIDE, HIDDEN, 2 * LATENT}, Activation.TANH, Activation.IDENTITY),
          new Mlp("dec", new int[] {LATENT, HIDDEN, SIDE * SIDE}, Activation.TANH, Activation.IDENTITY));
    }
  }

  /** The model of the images {@code idx}: z ~ N(0, I) per image, pixels ~ Bernoulli(logistic(decoder(z))). */
  static Prob<Real[]> model(Params p, Networks nets, Images data, int[] idx) {
    int b = idx.length;
    Real[] zero = new Real[b * LATENT];
    Real[] one = new Real[b * LATENT];
    java.util.Arrays.fill(zero, Real.ZERO);
    java.util.Arrays.fill(one, Real.ONE);
    int[] pixels = new int[b * SIDE * SIDE];
    for (int r = 0; r < b; r++) {
      System.arraycopy(data.pixels()[idx[r]], 0, pixels, r * SIDE * SIDE, SIDE * SIDE);
    }
    return sample("z", DiagonalNormal.of(zero, one)).flatMap(z -> {
      Real[][] logits = nets.decoder().apply(p, rows(z, b, LATENT));
      return observe(BernoulliLogits.of(flatten(logits)), pixels).then(() -> org.probity.Probity.pure(z));
    });
  }

  /** The amortised guide of the images {@code idx}: z ~ N(loc(x), diag(exp(logScale(x))^2)). */
  static Prob<Real[]> guide(Params p, Networks nets, Images data, int[] idx) {
    double[][] x = new double[idx.length][];
    for (int r = 0; r < idx.length; r++) {
      x[r] = data.inputs()[idx[r]];
    }
    Real[][] h = nets.encoder().apply(p, x);
    Real[] loc = new Real[idx.length * LATENT];
    Real[] scale = new Real[idx.length * LATENT];
    for (int r = 0; r < idx.length; r++) {
      for (int j = 0; j < LATENT; j++) {
        loc[r * LATENT + j] = h[r][j];
        scale[r * LATENT + j] = h[r][LATENT + j].exp();
      }
    }
    return sample("z", DiagonalNormal.of(loc, scale));
  }

  /** The per-image ELBO, estimated on minibatches of {@code batch} images drawn with replacement. */
  public static Expectation elbo(Images data, Networks nets, int batch) {
    return Expectation.minibatchOf(data.size(), batch, idx -> Objectives.elbo(
        Generative.of(p -> model(p, nets, data, idx)), Generative.of(p -> guide(p, nets, data, idx)))).times(1.0 / data.size());
  }

  /** Trains for {@code steps} Adam steps (learning rate 0.01); returns the objective trace. */
  public static Optimize.Result train(Images data, int steps, int batch, long seed, boolean progress) {
    return Optimize.maximize(elbo(data, Networks.standard(), batch), new ParamStore(seed),
        Optimize.Config.of(steps).optimizer(Adam.of(0.01)).progress(progress).seed(seed));
  }

  static Real[][] rows(Real[] flat, int n, int m) {
    Real[][] out = new Real[n][m];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * m, out[i], 0, m);
    }
    return out;
  }

  static Real[] flatten(Real[][] rows) {
    int m = rows.length == 0 ? 0 : rows[0].length;
    Real[] out = new Real[rows.length * m];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, out, i * m, m);
    }
    return out;
  }

  /** Trains on 1000 images and prints the ELBO as it rises. */
  public static void main(String[] args) {
    Args cli = Args.of("vae", args, "steps: Adam steps (default 3000)", "seed: random seed (default 1)");
    if (cli.help()) {
      return;
    }
    int steps = cli.positiveInt(0, 3000);
    long seed = cli.longValue(1, 1);
    Images data = bars(1000, seed);
    long t0 = System.nanoTime();
    Optimize.Result r = train(data, steps, 32, seed, true);
    double secs = (System.nanoTime() - t0) * 1e-9;
    System.out.printf(Locale.ROOT, "VAE on %d synthetic 8x8 bar images, latent dimension %d, minibatch 32, Adam(0.01)%n",
        data.size(), LATENT);
    System.out.printf(Locale.ROOT, "%8s %14s%n", "step", "ELBO/image");
    int window = Math.min(200, steps);
    for (int end = window; end <= r.steps(); end += window) {
      System.out.printf(Locale.ROOT, "%8d %14.3f%n", end, r.mean(end - window, end));
    }
    System.out.printf(Locale.ROOT, "%d steps in %.1f s (%.2f ms per step); 64 independent fair pixels would score %.3f%n",
        r.steps(), secs, 1e3 * secs / r.steps(), 64 * Math.log(0.5));
  }
}
