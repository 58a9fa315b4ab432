package org.probity.inference.mcmc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.inference.diagnostics.StanCsv;

/**
 * Names a chain's kernel as a Stan CSV header and a summary line do: a single Hamiltonian kernel
 * is cmdstan's NUTS (or static HMC) with its adapted step size and metric; the other kernels by
 * their algorithm ({@code random_walk_metropolis} with its scale, {@code single_site_mh},
 * {@code proposal_mh}, {@code enumerative_gibbs}); a combination as {@code composite} listing its
 * parts (and the Hamiltonian part's settings).
 */
final class Describe {
  private Describe() {
  }

  /** The algorithm for the Stan CSV header. */
  static StanCsv.Algorithm algorithm(Kernel<?> kernel) {
    List<? extends Kernel<?>> parts = kernel.parts();
    if (parts.size() == 1) {
      Kernel<?> k = parts.get(0);
      if (k instanceof HmcKernel<?> h) {
        return h.algorithm();
      }
      if (k instanceof RandomWalkMH<?> rw) {
        return StanCsv.Algorithm.named("random_walk_metropolis", Map.of("scale", rw.scale()));
      }
      return StanCsv.Algorithm.named(name(k), Map.of());
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("parts", name(kernel));
    for (Kernel<?> k : parts) {
      if (k instanceof HmcKernel<?> h) {
        settings.put("engine", h.isNuts() ? "nuts" : "static");
        settings.put("stepsize", h.stepSize());
        settings.put("max_depth", h.settings().maxDepth());
      } else if (k instanceof RandomWalkMH<?> rw) {
        settings.put("scale", rw.scale());
      }
    }
    return StanCsv.Algorithm.named("composite", settings);
  }

  /** The algorithm's name; parts joined by {@code +} for a combination. */
  static String name(Kernel<?> kernel) {
    List<? extends Kernel<?>> parts = kernel.parts();
    if (parts.size() != 1) {
      StringBuilder sb = new StringBuilder();
      for (Kernel<?> k : parts) {
        sb.append(sb.length() == 0 ? "" : "+").append(name(k));
      }
      return sb.toString();
    }
    Kernel<?> k = parts.get(0);
    if (k instanceof HmcKernel<?> h) {
      return h.isNuts() ? "nuts" : "static_hmc";
    }
    if (k instanceof RandomWalkMH<?>) {
      return "random_walk_metropolis";
    }
    if (k instanceof SingleSiteMH<?>) {
      return "single_site_mh";
    }
    if (k instanceof ProposalMH<?>) {
      return "proposal_mh";
    }
    if (k instanceof EnumerativeGibbs<?>) {
      return "enumerative_gibbs";
    }
    return "custom_kernel";
  }
}
