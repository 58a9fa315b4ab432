package org.probity.proofs.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.probity.core.InvalidWeightException;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.smc.Smc;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.semantics.ImportanceSampling;
import org.probity.semantics.Sampler;

/**
 * Issue #14, item 8, silent wrong numbers: a log weight that overflows to +Infinity
 * ({@code factor(1e308)} twice) is an {@link InvalidWeightException} in every interpreter (SMC
 * returned {@code log Z = +Infinity, ESS = 100} while IS and MCMC threw), and the Enumerator's
 * probabilities sum to 1 to rounding whatever the size of the log evidence (they summed to
 * 0.999999998 when normalised by a large log evidence instead of by the largest mass).
 */
class OverflowingWeightsTest {
  static final Prob<Boolean> OVERFLOW = sample("b", bernoulli(0.5), b ->
      factor(1e308).flatMap(u -> factor(1e308)).map(u -> b));

  private static void invalid(String interpreter, Supplier<?> run) {
    Throwable e = assertThrows(ProbityException.class, run::get, interpreter + " gave a result for log weight +Infinity");
    Throwable t = e;
    while (t != null && !(t instanceof InvalidWeightException)) {
      t = t.getCause();
    }
    assertTrue(t != null, interpreter + " threw " + e + " instead of an InvalidWeightException");
  }

  @Test
  void anOverflowingLogWeightIsAnErrorEverywhere() {
    invalid("Sampler", () -> Sampler.run(OVERFLOW, 1));
    invalid("Enumerator", () -> Enumerator.enumerate(OVERFLOW));
    invalid("importance sampling", () -> ImportanceSampling.run(OVERFLOW, 100, 1));
    invalid("SMC", () -> Smc.run(OVERFLOW, 100, 1));
    invalid("MCMC", () -> Mcmc.run(OVERFLOW, Kernels.mh(),
        McmcConfig.defaults().chains(1).warmup(5).samples(5).seed(1).threads(1).progress(false)));
  }

  @Test
  void enumerationProbabilitiesSumToOneWhateverTheLogEvidence() {
    double[] w = {0.1, 0.2, 0.3, 0.4};
    for (double scale : new double[] {1e3, 1e6, 1e9}) {
      Prob<Integer> m = sample("k", categorical(w), k -> factor(-scale + 0.3 * k).map(u -> k));
      Enumeration<Integer> e = Enumerator.enumerate(m);
      double sum = 0;
      for (double p : e.probabilities().values()) {
        sum += p;
      }
      // normalised by a log evidence near -1e9 the sum was off by about 1e9 * 2^-52, 2e-7
      assertEquals(1.0, sum, 1e-14, "log evidence " + e.logEvidence());
      double z = 0;
      for (int k = 0; k < 4; k++) {
        z += w[k] * Math.exp(0.3 * k);
      }
      for (int k = 0; k < 4; k++) {
        assertEquals(w[k] * Math.exp(0.3 * k) / z, e.probability(k), 1e-6, "k = " + k + " at log evidence " + e.logEvidence());
      }
    }
  }
}
