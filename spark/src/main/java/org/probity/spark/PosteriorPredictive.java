package org.probity.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.run.Runner;
import org.probity.trace.Predictions;
import org.probity.trace.Predictive;

/**
 * Posterior predictive simulation in blocks of draws: block k re-runs the model at its posterior
 * draws with every observation replaced by a draw from its distribution, the draw d's stream being
 * {@code Rngs.split(seed, d)} as in {@code Predictive.posteriorFromValues(model, draws, seed)} on one
 * machine ({@link Seeds#offset}), so the replicated data sets are the same bit for bit.
 */
public final class PosteriorPredictive {
  private PosteriorPredictive() {
  }

  /**
   * The replicated data sets y_rep, one row per posterior draw (observations in run order, vectors
   * flattened), as {@code Predictive.posteriorFromValues(model, draws, seed).matrix()}.
   *
   * @param runner where the blocks run
   * @param model the model's factory
   * @param draws the posterior draws: each a map from a choice's address (as printed, e.g.
   *     {@code "mu"} or {@code "theta[2]"}) to its value (a Double for a continuous scalar, an
   *     Integer or Boolean for a discrete one)
   * @param block draws per task
   * @param seed the seed
   * @return {@code [draw][entry]}
   */
  public static double[][] simulate(Runner runner, ModelFactory<?> model, List<? extends Map<String, ?>> draws,
      int block, long seed) {
    if (draws.isEmpty() || block < 1) {
      throw new IllegalArgumentException("posterior predictive: need at least one draw and a block of at least 1, got "
          + draws.size() + " draws, block " + block);
    }
    ArrayList<LinkedHashMap<String, Object>> copy = new ArrayList<>();
    for (Map<String, ?> d : draws) {
      copy.add(new LinkedHashMap<>(d));
    }
    int n = copy.size();
    int tasks = (n + block - 1) / block;
    List<double[][]> parts = runner.run("predictive block", seed, tasks, (s, k) -> {
      int from = k * block;
      int to = Math.min(n, from + block);
      List<Map<Address, Object>> values = new ArrayList<>();
      for (Map<String, Object> d : copy.subList(from, to)) {
        values.add(byAddress(d));
      }
      Predictions<?> p = Predictive.posteriorFromValues(model.build(), values, Seeds.offset(s, from));
      return p.matrix();
    });
    double[][] out = new double[n][];
    int i = 0;
    for (double[][] part : parts) {
      for (double[] row : part) {
        out[i++] = row;
      }
    }
    return out;
  }

  /** A draw by address, doubles as {@link Real}s (the value type of continuous scalar choices). */
  static Map<Address, Object> byAddress(Map<String, Object> draw) {
    Map<Address, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : draw.entrySet()) {
      Object v = e.getValue() instanceof Double x ? Real.of(x) : e.getValue();
      out.put(Address.parse(e.getKey()), v);
    }
    return out;
  }
}
