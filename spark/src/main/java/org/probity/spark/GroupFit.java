package org.probity.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.inference.diagnostics.Summary;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;
import org.probity.inference.smc.SmcResult;
import org.probity.random.Rngs;
import org.probity.semantics.ImportanceSampling;
import org.probity.semantics.WeightedSample;

/**
 * The fit of one group, the same function on a Spark executor and in-process: the group's stream
 * is derived from (seed, {@link Seeds#keyIndex}(key)), its inference runs on one thread.
 */
public final class GroupFit {
  private GroupFit() {
  }

  /** The seed of a group's fit. */
  public static long seedOf(long seed, String key) {
    return Rngs.childSeed(seed, Seeds.keyIndex(key));
  }

  /** The summaries of every quantity of one group's posterior. */
  public static List<GroupSummary> fit(GroupData data, GroupModel model, Algorithm algorithm, long seed) {
    Prob<?> m = model.build(data);
    long s = seedOf(seed, data.key());
    List<GroupSummary> out = new ArrayList<>();
    if (algorithm instanceof Algorithm.Mcmc a) {
      McmcResult<?> r = org.probity.inference.mcmc.Mcmc.run(m, McmcConfig.defaults().chains(a.chains())
          .warmup(a.warmup()).samples(a.samples()).seed(s).threads(1).progress(false));
      for (Summary x : r.summary().rows()) {
        out.add(new GroupSummary(data.key(), x.name(), x.mean(), x.sd(), x.q5(), x.median(), x.q95(), x.rhat(),
            x.essBulk(), x.essTail(), Double.NaN));
      }
    } else if (algorithm instanceof Algorithm.Importance a) {
      WeightedSample<?> w = ImportanceSampling.run(m, a.samples(), s);
      weighted(data.key(), w.items(), w.logEvidence(), w.ess(), out);
    } else if (algorithm instanceof Algorithm.Smc a) {
      SmcResult<?> r = org.probity.inference.smc.Smc.run(m, a.particles(), s);
      weighted(data.key(), r.particles(), r.logEvidence(), r.ess(), out);
    }
    return out;
  }

  private static <A> void weighted(String key, List<Weighted<A>> items, double logEvidence, double ess,
      List<GroupSummary> out) {
    WeightedSample<A> w = WeightedSample.of(items);
    List<Map<String, Double>> flat = new ArrayList<>();
    for (Weighted<A> x : items) {
      flat.add(flatten(x.value()));
    }
    for (String name : flat.isEmpty() ? List.<String>of() : flat.get(0).keySet()) {
      Map<Object, Double> byValue = new java.util.IdentityHashMap<>();
      for (int i = 0; i < items.size(); i++) {
        byValue.put(items.get(i).value(), flat.get(i).get(name));
      }
      ToDoubleFunction<A> f = v -> byValue.get(v);
      double mean = w.expectation(f);
      out.add(new GroupSummary(key, name, mean, Math.sqrt(w.variance(f)), w.quantile(f, 0.05), w.quantile(f, 0.5),
          w.quantile(f, 0.95), Double.NaN, ess, Double.NaN, logEvidence));
    }
  }

  /**
   * A weighted run's return value as named numbers: a number is {@code value}, an array
   * {@code value.1}, {@code value.2}, ..., a map of names to numbers (or arrays) its entries.
   */
  static Map<String, Double> flatten(Object v) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (v instanceof Map<?, ?> m) {
      m.forEach((k, x) -> put(String.valueOf(k), x, out));
    } else {
      put("value", v, out);
    }
    return out;
  }

  private static void put(String name, Object v, Map<String, Double> out) {
    if (v instanceof Real r) {
      out.put(name, r.value());
    } else if (v instanceof Number n) {
      out.put(name, n.doubleValue());
    } else if (v instanceof Boolean b) {
      out.put(name, b ? 1.0 : 0.0);
    } else if (v instanceof double[] xs) {
      for (int i = 0; i < xs.length; i++) {
        out.put(name + "." + (i + 1), xs[i]);
      }
    } else if (v instanceof Real[] xs) {
      for (int i = 0; i < xs.length; i++) {
        out.put(name + "." + (i + 1), xs[i].value());
      }
    } else {
      throw new IllegalArgumentException("a per-group importance-sampling or SMC fit summarises the model's return"
          + " value, which must be a number, a double[] or Real[], or a map of names to those; got "
          + (v == null ? "null" : v.getClass().getName()) + " for '" + name + "'");
    }
  }
}
