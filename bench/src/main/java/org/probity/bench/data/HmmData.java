package org.probity.bench.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.data.StrictJson;
import org.probity.random.Rngs;

/**
 * A K-state HMM with Gaussian emissions: z[0] ~ Categorical(pi0), z[t] ~ Categorical(A[z[t-1]]),
 * y[t] ~ Normal(mu[z[t]], sigma); the parameters are known.
 */
@JsonIgnoreProperties({"true_z"}) // the simulation's hidden states, not data
public record HmmData(@JsonProperty("T") int t, @JsonProperty("K") int k, @JsonProperty("y") double[] y,
    @JsonProperty("A") double[][] a, @JsonProperty("pi0") double[] pi0, @JsonProperty("mu") double[] mu,
    @JsonProperty("sigma") double sigma) {

  /** Checks the lengths against T and K, that A's rows and pi0 are distributions, sigma > 0. */
  public HmmData {
    StrictJson.checkLength("y", y.length, "T", t);
    StrictJson.checkLength("A", a.length, "K", k);
    Json.checkRows("A", a, "K", k);
    for (int i = 0; i < k; i++) {
      Json.checkSimplex("A", "[" + i + "]", a[i]);
    }
    StrictJson.checkLength("pi0", pi0.length, "K", k);
    Json.checkSimplex("pi0", "", pi0);
    StrictJson.checkLength("mu", mu.length, "K", k);
    Json.checkPositive("sigma", sigma);
  }

  /** Reads {@code hmm_t<T>.json} from a directory. */
  public static HmmData read(Path dir, int t) {
    return Json.read(dir.resolve("hmm_t" + t + ".json"), HmmData.class);
  }

  /** Simulates data of length {@code t} from a fixed 3-state model with a seed. */
  public static HmmData generate(int t, long seed) {
    double[][] a = {{0.8, 0.1, 0.1}, {0.1, 0.8, 0.1}, {0.1, 0.1, 0.8}};
    double[] pi0 = {1.0 / 3, 1.0 / 3, 1.0 / 3};
    double[] mu = {-2.0, 0.0, 2.0};
    double sigma = 1.0;
    UniformRandomProvider rng = Rngs.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] y = new double[t];
    int z = draw(pi0, rng.nextDouble());
    for (int i = 0; i < t; i++) {
      if (i > 0) {
        z = draw(a[z], rng.nextDouble());
      }
      y[i] = mu[z] + sigma * g.sample();
    }
    return new HmmData(t, 3, y, a, pi0, mu, sigma);
  }

  private static int draw(double[] p, double u) {
    double c = 0;
    for (int i = 0; i < p.length - 1; i++) {
      c += p[i];
      if (u < c) {
        return i;
      }
    }
    return p.length - 1;
  }

  /** Exact log evidence by the forward algorithm (log space). */
  public double exactLogEvidence() {
    double[] alpha = new double[k];
    double logZ = 0;
    for (int t1 = 0; t1 < t; t1++) {
      double[] next = new double[k];
      for (int j = 0; j < k; j++) {
        double prior = 0;
        if (t1 == 0) {
          prior = pi0[j];
        } else {
          for (int i = 0; i < k; i++) {
            prior += alpha[i] * a[i][j];
          }
        }
        double d = (y[t1] - mu[j]) / sigma;
        next[j] = prior * Math.exp(-0.5 * d * d) / (sigma * Math.sqrt(2 * Math.PI));
      }
      double s = 0;
      for (double v : next) {
        s += v;
      }
      for (int j = 0; j < k; j++) {
        next[j] /= s;
      }
      logZ += Math.log(s);
      alpha = next;
    }
    return logZ;
  }
}
