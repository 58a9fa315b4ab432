package org.probity.inference.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Weighted;
import org.probity.inference.mcmc.Kernel;
import org.probity.inference.mcmc.Kernels;
import org.probity.trace.Traces;
import org.probity.trace.Update;
import org.probity.inference.smc.Resampler;
import org.probity.semantics.Enumerator;

/**
 * Exact check of particle marginal MH (Andrieu, Doucet and Holenstein 2010): PMMH is MH on the
 * extended space of (theta, SMC randomness u) with target p(theta) psi(u | theta) Zhat(theta, u) / Z,
 * whose theta-marginal is the posterior because Zhat is unbiased. On a finite model the Enumerator
 * gives that target exactly (theta from the prior, an SMC run, a factor Zhat) and the exact law after
 * one PMMH step; they must agree in (theta, Zhat), and the theta-marginal must be the posterior.
 */
class PmmhExactTest {

  static final Prob<Integer> PRIOR = sample("theta", categorical(0.5, 0.3, 0.2));

  /** Two hidden binary states with noisy binary emissions; theta sets the transition. */
  static Prob<Boolean> model(int theta) {
    double p = 0.1 + 0.4 * theta;
    return sample(bernoulli(p)).flatMap(z1 -> observe(bernoulli(z1 ? 0.9 : 0.2), true)
        .then(() -> sample(bernoulli(z1 ? p : 1 - p)).flatMap(z2 -> observe(bernoulli(z2 ? 0.9 : 0.1), true).map(u -> z2))));
  }

  static final Function<Integer, Prob<Boolean>> MODEL = PmmhExactTest::model;

  /** The extended target: theta from the prior, SMC at theta, weighted by its evidence estimate. */
  static Prob<PmmhState<Integer, Boolean>> target() {
    return Pmmh.start(PRIOR, MODEL, 2, Resampler.MULTINOMIAL)
        .flatMap(s -> factor(s.logEvidence()).map(u -> s));
  }

  /** The law of (theta, Zhat rounded) of a program of states. */
  static Map<String, Double> law(Prob<PmmhState<Integer, Boolean>> states) {
    Map<String, Double> m = new HashMap<>();
    for (Weighted<PmmhState<Integer, Boolean>> w : Enumerator.enumerate(states).weighted()) {
      String key = w.value().theta() + " " + String.format("%.9f", Math.exp(w.value().logEvidence()));
      m.merge(key, Math.exp(w.logWeight()), Double::sum);
    }
    return m;
  }

  static double distance(Map<String, Double> a, Map<String, Double> b) {
    double d = 0;
    for (String k : a.keySet()) {
      d = Math.max(d, Math.abs(a.get(k) - b.getOrDefault(k, 0.0)));
    }
    for (String k : b.keySet()) {
      d = Math.max(d, Math.abs(b.get(k) - a.getOrDefault(k, 0.0)));
    }
    return d;
  }

  static Map<Integer, Double> thetaMarginal(Map<String, Double> law) {
    Map<Integer, Double> m = new HashMap<>();
    law.forEach((k, v) -> m.merge(Integer.parseInt(k.split(" ")[0]), v, Double::sum));
    return m;
  }

  @Test
  void oneStepFromTheExtendedTargetStaysThere() {
    Function<PmmhState<Integer, Boolean>, Prob<PmmhState<Integer, Boolean>>> step =
        Pmmh.step(MODEL, 2, Resampler.MULTINOMIAL, Kernels.mh());
    Map<String, Double> before = law(target());
    Map<String, Double> after = law(target().flatMap(step::apply));
    assertEquals(0.0, distance(before, after), 1e-12, "the extended target is invariant");

    var posterior = Enumerator.enumerate(PRIOR.flatMap(t -> model(t).map(z -> t)));
    Map<Integer, Double> marginal = thetaMarginal(after);
    for (int t = 0; t < 3; t++) {
      assertEquals(posterior.probability(t), marginal.getOrDefault(t, 0.0), 1e-12, "p(theta = " + t + " | y)");
    }
    double[] prior = {0.5, 0.3, 0.2};
    double moved = 0;
    for (int t = 0; t < 3; t++) {
      moved = Math.max(moved, Math.abs(posterior.probability(t) - prior[t]));
    }
    assertTrue(moved > 0.02, "the data move theta away from its prior: " + posterior.probabilities());
  }

  @Test
  void startingFromThePosteriorWithoutTheEvidenceWeightIsNotStationary() {
    // theta from the exact posterior but the SMC output not reweighted by Zhat / Z: the wrong extended law
    var posterior = Enumerator.enumerate(PRIOR.flatMap(t -> model(t).map(z -> t)));
    Prob<PmmhState<Integer, Boolean>> wrong = posterior.toProb().flatMap(t ->
        Pmmh.start(new Pure<>(t), MODEL, 2, Resampler.MULTINOMIAL));
    Function<PmmhState<Integer, Boolean>, Prob<PmmhState<Integer, Boolean>>> step =
        Pmmh.step(MODEL, 2, Resampler.MULTINOMIAL, Kernels.mh());
    assertTrue(distance(law(wrong), law(wrong.flatMap(step::apply))) > 1e-3);
  }

  @Test
  void aProposalThatDoesNotKeepThePriorBreaksIt() {
    // always propose theta = 2: not prior-reversible, so the evidence ratio alone is the wrong acceptance
    Kernel<Integer> toTwo = x -> Traces.update(x, Map.of(org.probity.core.Address.of("theta"), 2),
        org.probity.trace.Selection.none()).map(Update::trace);
    Function<PmmhState<Integer, Boolean>, Prob<PmmhState<Integer, Boolean>>> step =
        Pmmh.step(MODEL, 2, Resampler.MULTINOMIAL, toTwo);
    assertTrue(distance(law(target()), law(target().flatMap(step::apply))) > 1e-3);
  }

  @Test
  void theChainIsAProgram() {
    // two steps, enumerated: the theta-marginal of the last state is still the posterior
    var chain = Pmmh.pmmh(PRIOR, MODEL, 1, 2, Resampler.MULTINOMIAL, Kernels.mh());
    var posterior = Enumerator.enumerate(PRIOR.flatMap(t -> model(t).map(z -> t)));
    var last = Enumerator.enumerate(chain.map(l -> l.get(l.size() - 1).theta()));
    assertEquals(1.0, last.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
    // started from the prior, not the posterior: two steps do not reach it exactly, but must move towards it
    double d0 = Math.abs(0.2 - posterior.probability(2));
    double d2 = Math.abs(last.probability(2) - posterior.probability(2));
    assertTrue(d2 < d0, "after two steps " + last.probabilities() + " vs posterior " + posterior.probabilities());
  }
}
