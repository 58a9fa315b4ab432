package org.probity.examples;

import static org.probity.Probity.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.numbers.gamma.LogGamma;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.data.Data;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;
import org.probity.inference.smc.SmcResult;

/** Changepoint in the British coal-mining disasters (1851-1962) by adaptive SMC, checked against the exact conjugate answer. */
@Example(name = "changepoint", description = "Coal-mining disasters 1851-1962: changepoint by adaptive SMC against the exact conjugate answer")
public final class CoalMiningChangepoint {
  /** First year of the data. */
  public static final int FIRST_YEAR = 1851;

  private CoalMiningChangepoint() {
  }

  /** The yearly disaster counts 1851-1962 (112 years, 191 disasters), read from the bundled resource. */
  public static int[] data() {
    try (InputStream in = CoalMiningChangepoint.class.getResourceAsStream("coal-mining-disasters.csv")) {
      if (in == null) {
        throw new IllegalStateException("resource coal-mining-disasters.csv is missing");
      }
      return Data.csv(new InputStreamReader(in, StandardCharsets.UTF_8), "coal-mining-disasters.csv")
          .ints("disasters");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The model's latent quantities: switchpoint s (early rate for years t &lt;= s) and the two rates. */
  public record Changepoint(int switchpoint, double early, double late) {
    /** The calendar year of the last early-rate year. */
    public int year() {
      return FIRST_YEAR + switchpoint;
    }
  }

  private record State(double early, double late, int switchpoint) {
  }

  /** A rate with an Exponential(1) prior. */
  private static Prob<Double> exponential1() {
    return sample(exponential(1)).map(Real::value);
  }

  /**
   * s ~ Uniform{0..N-1}, early, late ~ Exponential(1), y[t] ~ Poisson(t &lt;= s ? early : late),
   * written sequentially for SMC: after year t (not yet switched) the switch happens with hazard
   * P(s = t | s >= t) = 1 / (N - t), and only then is the late rate drawn.
   */
  public static Prob<Changepoint> model(int[] y) {
    int n = y.length;
    return exponential1().flatMap(early -> fold(0, n, new State(early, Double.NaN, -1), (st, t) -> {
      double rate = st.switchpoint() < 0 ? st.early() : st.late();
      return observe(poisson(rate), y[t]).then(() -> {
        if (st.switchpoint() >= 0) {
          return pure(st);
        }
        return sample(bernoulli(1.0 / (n - t))).flatMap(sw -> sw
            ? exponential1().map(late -> new State(st.early(), late, t))
            : pure(st));
      });
    })).map(st -> new Changepoint(st.switchpoint(), st.early(), st.late()));
  }

  /** Exact answer by conjugacy (Gamma(1, 1) = Exponential(1) priors): log evidence and the posterior of s. */
  public record Exact(double logEvidence, double[] switchpointPosterior, double earlyMean, double lateMean) {
  }

  /** Exact log evidence, switchpoint posterior and posterior rate means. */
  public static Exact exact(int[] y) {
    int n = y.length;
    double[] prefix = new double[n + 1];
    double logFact = 0;
    for (int t = 0; t < n; t++) {
      prefix[t + 1] = prefix[t] + y[t];
      logFact += LogGamma.value(y[t] + 1.0);
    }
    double[] lm = new double[n];
    double max = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < n; s++) {
      double se = prefix[s + 1];
      double sl = prefix[n] - se;
      int ne = s + 1;
      int nl = n - ne;
      lm[s] = -Math.log(n) + segment(se, ne) + segment(sl, nl) - logFact;
      max = Math.max(max, lm[s]);
    }
    double z = 0;
    for (double l : lm) {
      z += Math.exp(l - max);
    }
    double logZ = max + Math.log(z);
    double[] post = new double[n];
    double early = 0;
    double late = 0;
    for (int s = 0; s < n; s++) {
      post[s] = Math.exp(lm[s] - logZ);
      double se = prefix[s + 1];
      double sl = prefix[n] - se;
      early += post[s] * (1 + se) / (1 + s + 1.0);
      late += post[s] * (1 + sl) / (1 + n - s - 1.0);
    }
    return new Exact(logZ, post, early, late);
  }

  /** log of the integral of Gamma(lambda; 1, 1) times lambda^sum exp(-count lambda). */
  private static double segment(double sum, int count) {
    return LogGamma.value(1 + sum) - (1 + sum) * Math.log(1 + count);
  }

  /** Runs adaptive SMC (systematic resampling when ESS &lt; n/2) and prints a summary next to the exact answer. */
  public static void main(String[] args) {
    Args a = Args.of("changepoint", args, "particles: SMC particles (default 20000)",
        "seed: random seed (default 1)");
    if (a.help()) {
      return;
    }
    int particles = a.positiveInt(0, 20_000);
    long seed = a.longValue(1, 1);
    int[] y = data();
    SmcResult<Changepoint> r = Smc.run(Smc.adaptive(model(y), particles, Resampler.SYSTEMATIC, 0.5), seed);
    Exact ex = exact(y);
    Map<String, ToDoubleFunction<Changepoint>> q = new LinkedHashMap<>();
    q.put("switch year", Changepoint::year);
    q.put("early rate", Changepoint::early);
    q.put("late rate", Changepoint::late);
    System.out.println("Coal-mining disasters " + FIRST_YEAR + "-" + (FIRST_YEAR + y.length - 1) + ": " + y.length
        + " years, " + java.util.Arrays.stream(y).sum() + " disasters");
    System.out.print(r.table(q));
    double exactYear = 0;
    for (int s = 0; s < y.length; s++) {
      exactYear += ex.switchpointPosterior()[s] * (FIRST_YEAR + s);
    }
    System.out.printf("exact:       log evidence %.4f, switch year mean %.4f, early rate mean %.4f, late rate mean %.4f%n",
        ex.logEvidence(), exactYear, ex.earlyMean(), ex.lateMean());
  }
}
