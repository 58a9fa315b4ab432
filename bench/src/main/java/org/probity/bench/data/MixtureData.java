package org.probity.bench.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.data.StrictJson;
import org.probity.random.Rngs;

/**
 * A 1-D Gaussian mixture: w ~ Dirichlet(alpha), mu[k] ~ Normal(0, muPriorSd) ordered,
 * z[i] ~ Categorical(w), y[i] ~ Normal(mu[z[i]], sigma), sigma known.
 */
@JsonIgnoreProperties({"true_w", "true_mu"}) // the simulation's truth, not data
public record MixtureData(@JsonProperty("N") int n, @JsonProperty("K") int k, @JsonProperty("y") double[] y,
    @JsonProperty("sigma") double sigma, @JsonProperty("alpha") double[] alpha,
    @JsonProperty("mu_prior_sd") double muPriorSd) {

  /** Checks the lengths against N and K and that sigma, alpha and mu_prior_sd are positive. */
  public MixtureData {
    StrictJson.checkLength("y", y.length, "N", n);
    StrictJson.checkLength("alpha", alpha.length, "K", k);
    Json.checkPositive("alpha", alpha);
    Json.checkPositive("sigma", sigma);
    Json.checkPositive("mu_prior_sd", muPriorSd);
  }

  /** Reads {@code mix_n<N>.json} from a directory. */
  public static MixtureData read(Path dir, int n) {
    return Json.read(dir.resolve("mix_n" + n + ".json"), MixtureData.class);
  }

  /** Simulates N points from three well-separated components. */
  public static MixtureData generate(int n, long seed) {
    double[] mu = {-2.5, 0.5, 3.0};
    double[] w = {0.3, 0.3, 0.4};
    UniformRandomProvider rng = Rngs.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      int z = u < w[0] ? 0 : u < w[0] + w[1] ? 1 : 2;
      y[i] = mu[z] + g.sample();
    }
    return new MixtureData(n, 3, y, 1.0, new double[] {1, 1, 1}, 5.0);
  }
}
