package org.probity.proofs.robust;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.probity.core.DuplicateAddressException;
import org.probity.core.Prob;
import org.probity.ad.Real;
import org.probity.inference.mcmc.HmcKernel;
import org.probity.inference.mcmc.Kernels;
import org.probity.trace.Selection;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.smc.Smc;
import org.probity.semantics.Density;
import org.probity.semantics.Enumerator;
import org.probity.semantics.ImportanceSampling;
import org.probity.semantics.Sampler;
import org.probity.trace.Traces;

/**
 * Issue #14, item 4: a duplicated address is an error in every interpreter, for choices and for
 * named observations alike ("SMC and (for observations) MCMC accept a duplicated address that the
 * Sampler rejects"). Each model below reuses one name; every interpreter must refuse it with a
 * {@link DuplicateAddressException} naming the address (or a wrapper whose cause is one).
 */
class DuplicateAddressesTest {
  /** The models, each reusing the address "x". */
  static Map<String, Prob<Boolean>> models() {
    Map<String, Prob<Boolean>> m = new LinkedHashMap<>();
    m.put("two choices", sample("x", bernoulli(0.5), a -> sample("x", bernoulli(0.5)).map(b -> a)));
    m.put("two observations", sample("z", bernoulli(0.5), z -> observe("x", bernoulli(z ? 0.7 : 0.2), true)
        .flatMap(u -> observe("x", bernoulli(0.6), false)).map(u -> z)));
    m.put("a choice and an observation", sample("x", bernoulli(0.5), z -> observe("x", bernoulli(z ? 0.7 : 0.2), true)
        .map(u -> z)));
    m.put("an observation and a choice", observe("x", bernoulli(0.4), true).flatMap(u -> sample("x", bernoulli(0.5))));
    return m;
  }

  private static void refused(String model, String interpreter, Supplier<?> run) {
    Throwable e = assertThrows(Throwable.class, run::get, model + ": " + interpreter + " accepted the duplicate");
    Throwable t = e;
    while (t != null && !(t instanceof DuplicateAddressException)) {
      t = t.getCause();
    }
    assertTrue(t != null, model + ": " + interpreter + " threw " + e + " instead of a DuplicateAddressException");
    assertTrue(t.getMessage().contains("x"), model + ": " + interpreter + ": " + t.getMessage());
  }

  @Test
  void everyInterpreterRefusesADuplicatedAddress() {
    McmcConfig cfg = McmcConfig.defaults().chains(1).warmup(5).samples(5).seed(1).threads(1).progress(false);
    for (Map.Entry<String, Prob<Boolean>> e : models().entrySet()) {
      String name = e.getKey();
      Prob<Boolean> m = e.getValue();
      refused(name, "Sampler", () -> Sampler.run(m, 1));
      refused(name, "Enumerator", () -> Enumerator.enumerate(m));
      refused(name, "importance sampling", () -> ImportanceSampling.run(m, 20, 1));
      refused(name, "SMC", () -> Smc.run(m, 20, 1));
      refused(name, "traced prior", () -> Sampler.run(Traces.prior(m), 1));
      refused(name, "traced posterior (Enumerator)", () -> Enumerator.enumerate(Traces.posterior(m)));
      refused(name, "MCMC (single-site MH)", () -> Mcmc.run(m, Kernels.mh(), cfg));
      refused(name, "Density.replay", () -> Density.replay(m, Map.of(addr("x"), true, addr("z"), true)));
    }
  }

  @Test
  void hamiltonianKernelsAndTheLogDensityRefuseADuplicatedObservation() {
    Prob<Real> m = sample("mu", normal(0, 1), mu -> observe("y", normal(mu.value(), 1), 0.5)
        .flatMap(u -> observe("y", normal(mu.value(), 1), 1.5)).map(u -> mu));
    McmcConfig cfg = McmcConfig.defaults().chains(1).warmup(5).samples(5).seed(1).threads(1).progress(false);
    refused("two observations of a continuous model", "NUTS", () -> Mcmc.run(m, HmcKernel.nuts(), cfg));
    refused("two observations of a continuous model", "random walk",
        () -> Mcmc.run(m, Kernels.randomWalk(Selection.all(), 0.5), cfg));
  }

  @Test
  void kernelsRefuseADuplicateReachedOnlyAfterAMove() {
    // the initial trace (x0 = false) has no duplicate; a proposal that sets x0 = true reaches "y" twice
    Prob<Boolean> m = sample("x0", bernoulli(0.5), a -> observe("y", bernoulli(0.5), true)
        .flatMap(u -> a ? observe("y", bernoulli(0.5), true) : pure(u)).map(u -> a));
    McmcConfig cfg = McmcConfig.defaults().chains(1).warmup(50).samples(50).seed(1).threads(1).progress(false)
        .inits(Map.of(addr("x0"), false));
    refused("a duplicate after a move", "MCMC (single-site MH)", () -> Mcmc.run(m, Kernels.mh(), cfg));
    refused("a duplicate after a move", "MCMC (Gibbs)", () -> Mcmc.run(m, Kernels.gibbs("x0"), cfg));
    refused("a duplicate after a move", "Traces.replay", () -> Traces.replay(m, Map.of(addr("x0"), true)));
  }
}
