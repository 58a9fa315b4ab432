package org.probity.examples;

import static org.probity.Probity.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.data.Data;
import org.probity.data.Factor;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;

/**
 * Varying intercepts, radon style (Gelman and Hill, "Data Analysis Using Regression and
 * Multilevel/Hierarchical Models", 2007, ch. 12): log radon of houses in counties, with a county
 * intercept drawn from a common distribution and a floor effect, read from a CSV file with
 * {@code Data.csv} (the county column becomes a factor, codes 1..J with the names kept):
 *
 * <pre>
 *   mu_a ~ Normal(0, 5),  sigma_a ~ HalfNormal(1),  z[j] ~ Normal(0, 1),  beta ~ Normal(0, 2)
 *   a[j] = mu_a + sigma_a z[j]                          (non-centred; returned: the intercepts)
 *   sigma_y ~ HalfNormal(1)
 *   log_radon[i] ~ Normal(a[county[i]] + beta floor[i], sigma_y)
 * </pre>
 *
 * The data file (resources, radon.csv) is synthetic, drawn from the model; NUTS with the default
 * settings. Arguments: [seed (default 1)].
 */
@Example(name = "radon", description = "Radon-style varying intercepts read from a CSV with Data.csv (county factor); NUTS vs quadrature")
public final class Radon {
  private Radon() {
  }

  /** The county intercepts a[1..J], a derived quantity (columns a.1 .. a.J). */
  public record Intercepts(double[] a) {
  }

  /**
   * The houses: county (a factor), floor and log radon.
   *
   * @param county the county of each house, codes 1..J
   * @param floor 0 for a basement, 1 for the first floor
   * @param logRadon the measurements
   */
  public record Houses(Factor county, double[] floor, double[] logRadon) {
  }

  /**
   * The data file of the resources, read with {@code Data.csv}.
   *
   * @return the houses
   */
  public static Houses data() {
    try (InputStream in = Radon.class.getResourceAsStream("radon.csv")) {
      if (in == null) {
        throw new IllegalStateException("resource radon.csv is missing");
      }
      Data d = Data.csv(new InputStreamReader(in, StandardCharsets.UTF_8), "radon.csv");
      return new Houses(d.factor("county"), d.doubles("floor"), d.doubles("log_radon"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The varying-intercept model of the houses.
   *
   * @param h the data
   * @return the model, returning the county intercepts
   */
  public static Prob<Intercepts> varyingIntercepts(Houses h) {
    int[] county = h.county().zeroBasedCodes();
    int counties = h.county().k();
    return model(m -> {
      Real muA = m.sample("mu_a", normal(0, 5));
      Real sigmaA = m.sample("sigma_a", halfNormal(1));
      Real[] z = m.sample("z", normal(0, 1).vector(counties));
      Real beta = m.sample("beta", normal(0, 2));
      Real sigmaY = m.sample("sigma_y", halfNormal(1));
      Real[] a = new Real[counties];
      for (int j = 0; j < counties; j++) {
        a[j] = muA.plus(sigmaA.times(z[j]));
      }
      m.plate("log_radon", h.logRadon(), i -> normal(a[county[i]].plus(beta.times(h.floor()[i])), sigmaY));
      return new Intercepts(Real.values(a));
    });
  }

  /**
   * NUTS on the data file.
   *
   * @param config chains, warm-up, draws and seed
   * @return the draws
   */
  public static McmcResult<Intercepts> run(McmcConfig config) {
    return Mcmc.run(varyingIntercepts(data()), config);
  }

  /**
   * Prints the county names and the summary table with its warnings.
   *
   * @param args [seed]
   */
  public static void main(String[] args) {
    Args cli = Args.of("radon", args, "seed: random seed (default 1)");
    if (cli.help()) {
      return;
    }
    Houses h = data();
    System.out.println(h.logRadon().length + " houses in " + h.county().k() + " counties; a.j is county j of "
        + h.county().levels());
    System.out.print(run(McmcConfig.defaults().seed(cli.longValue(0, 1))));
  }
}
