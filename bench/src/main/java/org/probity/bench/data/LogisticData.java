package org.probity.bench.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.data.StrictJson;
import org.probity.random.Rngs;

/**
 * Bayesian logistic regression data: b ~ Normal(0,1), w[d] ~ Normal(0,1),
 * y[i] ~ Bernoulli(logistic(b + X[i] . w)).
 */
@JsonIgnoreProperties({"true_w", "true_b"}) // the simulation's truth, not data
public record LogisticData(@JsonProperty("N") int n, @JsonProperty("D") int d, @JsonProperty("X") double[][] x,
    @JsonProperty("y") int[] y) {

  /** Checks N and D against X and y, and that every label is 0 or 1. */
  public LogisticData {
    StrictJson.checkLength("X", x.length, "N", n);
    Json.checkRows("X", x, "D", d);
    StrictJson.checkLength("y", y.length, "N", n);
    for (int i = 0; i < y.length; i++) {
      if (y[i] != 0 && y[i] != 1) {
        throw new IllegalArgumentException("field 'y'[" + i + "] = " + y[i] + " is not a 0/1 label");
      }
    }
  }

  /** Reads {@code lr_n<N>.json} from a directory. */
  public static LogisticData read(Path dir, int n) {
    return Json.read(dir.resolve("lr_n" + n + ".json"), LogisticData.class);
  }

  /** Simulates N rows with D = 5 features from a seed. */
  public static LogisticData generate(int n, long seed) {
    int d = 5;
    UniformRandomProvider rng = Rngs.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] w = new double[d];
    for (int j = 0; j < d; j++) {
      w[j] = g.sample();
    }
    double b = g.sample();
    double[][] x = new double[n][d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double eta = b;
      for (int j = 0; j < d; j++) {
        x[i][j] = g.sample();
        eta += x[i][j] * w[j];
      }
      y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    return new LogisticData(n, d, x, y);
  }
}
