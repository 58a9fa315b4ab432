package org.probity.bench.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one timed run returns: the log-evidence estimate (NaN where not defined), posterior
 * (or filtering) means of the main parameters by name, and for MCMC the recorded chains of those
 * parameters (parameter -> draws after burn-in), from which the harness computes the bulk ESS
 * outside the timed region; {@code extra} holds diagnostics such as the acceptance rate.
 */
public record RunResult(double logEvidence, Map<String, Double> means, Map<String, double[]> chains,
    Map<String, Double> extra) {

  /** Copies the maps (insertion order kept). */
  public RunResult {
    means = Collections.unmodifiableMap(new LinkedHashMap<>(means));
    chains = chains == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(chains));
    extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /** A result with means only (SMC). */
  public static RunResult smc(double logEvidence, Map<String, Double> means, Map<String, Double> extra) {
    return new RunResult(logEvidence, means, null, extra);
  }

  /**
   * An MCMC result from draws (iterations x parameters): discards the first {@code burnIn}
   * iterations and keeps each named parameter's chain and mean.
   */
  public static RunResult mcmc(double[][] draws, String[] names, int burnIn, double acceptanceRate) {
    Map<String, Double> means = new LinkedHashMap<>();
    Map<String, double[]> chains = new LinkedHashMap<>();
    int n = draws.length - burnIn;
    for (int j = 0; j < names.length; j++) {
      double[] c = new double[n];
      double s = 0;
      for (int i = 0; i < n; i++) {
        c[i] = draws[burnIn + i][j];
        s += c[i];
      }
      chains.put(names[j], c);
      means.put(names[j], s / n);
    }
    return new RunResult(Double.NaN, means, chains, Map.of("acceptance", acceptanceRate));
  }
}
