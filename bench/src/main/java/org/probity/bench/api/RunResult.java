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
    double[][] columns = new double[names.length][draws.length];
    for (int i = 0; i < draws.length; i++) {
      for (int j = 0; j < names.length; j++) {
        columns[j][i] = draws[i][j];
      }
    }
    return mcmcColumns(columns, names, burnIn, acceptanceRate);
  }

  /**
   * An MCMC result from draws by parameter ({@code columns[j]} the chain of {@code names[j]}, as a
   * system that records its draws by column gives them): discards the first {@code burnIn}
   * iterations and keeps each named parameter's chain and mean.
   */
  public static RunResult mcmcColumns(double[][] columns, String[] names, int burnIn, double acceptanceRate) {
    Map<String, Double> means = new LinkedHashMap<>();
    Map<String, double[]> chains = new LinkedHashMap<>();
    for (int j = 0; j < names.length; j++) {
      double[] c = java.util.Arrays.copyOfRange(columns[j], burnIn, columns[j].length);
      double s = 0;
      for (double x : c) {
        s += x;
      }
      chains.put(names[j], c);
      means.put(names[j], s / c.length);
    }
    return new RunResult(Double.NaN, means, chains, Map.of("acceptance", acceptanceRate));
  }
}
