package org.probity.inference.smc;

import static org.probity.Probity.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.probity.core.Prob;
import org.probity.dist.Bernoulli;
import org.probity.dist.Categorical;
import org.probity.testkit.laws.ProperWeighting;

/**
 * Exact checks of the SMC algorithms: each algorithm applied to a small finite model is itself a
 * finite program, so the Enumerator gives the exact distribution of its output population. Over
 * that distribution the expected evidence estimate must equal the model's evidence (unbiasedness,
 * Del Moral 2004) and the expected unnormalised particle measure must equal the unnormalised
 * posterior, to rounding error, for every resampler and variant (the test kit's
 * {@link ProperWeighting}, also used by the proofs on generated programs).
 */
class SmcExactTest {

  /** Two branches with different numbers of observations; the long branch makes a further choice. */
  static Prob<Integer> branching() {
    return sample(bernoulli(0.6)).flatMap(b -> b
        ? observe(bernoulli(0.8), true).then(() -> sample(categorical(0.2, 0.5, 0.3)).flatMap(k ->
            observe(categorical(new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.3, 0.6}, {0.3, 0.3, 0.4}}[k]), 2).map(u -> k)))
        : observe(bernoulli(0.3), true).map(u -> 5));
  }

  /** A three-step hidden Markov chain with binary states and noisy binary emissions. */
  static Prob<Integer> chain() {
    boolean[] ys = {true, false, true};
    return fold(0, 3, 0, (x, t) -> sample(bernoulli(x == 1 ? 0.7 : 0.4)).flatMap(z ->
        observe(bernoulli(z ? 0.85 : 0.25), ys[t]).map(u -> z ? x + 1 : x)));
  }

  /** Hard conditions kill particles (zero weight) and an independent product inside a particle. */
  static Prob<Integer> conditioned() {
    return independent(2, i -> sample(bernoulli(0.5)).flatMap(x -> observe(bernoulli(x ? 0.9 : 0.2), true).map(u -> x ? 1 : 0)))
        .flatMap(xs -> sample(categorical(0.5, 0.25, 0.25)).flatMap(k ->
            condition(k + xs.get(0) != 2).then(() -> factor(-0.5 * k).map(u -> k + xs.get(0) + 2 * xs.get(1)))));
  }

  /** Draws choices from proposals that differ from the priors (uniform over the same support). */
  static final Proposal UNIFORM = (step, address, prior) -> {
    if (prior instanceof Bernoulli) {
      return step % 2 == 0 ? Bernoulli.of(0.5) : Bernoulli.of(0.35);
    }
    if (prior instanceof Categorical c) {
      double[] p = new double[c.size()];
      java.util.Arrays.fill(p, 1.0 / p.length);
      return Categorical.of(p);
    }
    return prior;
  };

  record Case(String name, Function<Prob<Integer>, Prob<Population<Integer>>> algorithm) {
  }

  static List<Case> cases() {
    List<Case> cs = new ArrayList<>();
    Map<String, Resampler> rs = new LinkedHashMap<>();
    rs.put("multinomial", Resampler.MULTINOMIAL);
    rs.put("systematic", Resampler.SYSTEMATIC);
    rs.put("stratified", Resampler.STRATIFIED);
    rs.put("residual", Resampler.RESIDUAL);
    for (Map.Entry<String, Resampler> r : rs.entrySet()) {
      for (int n : new int[] {2, 3}) {
        cs.add(new Case("smc " + r.getKey() + " n=" + n, m -> Smc.smc(m, n, r.getValue())));
      }
      cs.add(new Case("adaptive 0.9 " + r.getKey(), m -> Smc.adaptive(m, 3, r.getValue(), 0.9)));
      cs.add(new Case("proposal " + r.getKey(), m -> Smc.withProposal(m, 2, r.getValue(), UNIFORM)));
    }
    cs.add(new Case("importance n=3", m -> Smc.importance(m, 3)));
    cs.add(new Case("1 round then finish", m -> Smc.rounds(Population.spawn(m, 2), Transform.resample(Resampler.SYSTEMATIC), 1)));
    cs.add(new Case("config: 2 particles, residual, 2 rounds", m -> Smc.smc(m, SmcConfig.DEFAULTS.withParticles(2)
        .withResampler(Resampler.RESIDUAL).withSteps(2))));
    cs.add(new Case("spawn after resampling", m -> Smc.sis(Population.spawn(m, 2),
        Transform.<Integer>resample(Resampler.STRATIFIED).andThen(p -> Smc.rounds(p.spawn(1), Transform.identity(), 0)))));
    cs.add(new Case("every other step (docs example)", SmcExactTest::everyOtherStep));
    return cs;
  }

  /** The "new variant in ten lines" of docs/inference-smc.md. */
  static <A> Prob<Population<A>> everyOtherStep(Prob<A> model) {
    Transform<A> t = p -> p.step() % 2 == 0 ? p.resampleStratified() : new org.probity.core.Pure<>(p.pushEvidence());
    return Smc.sis(Population.spawn(model, 2), Transform.<A>peek(p -> { }).andThen(t));
  }

  static Map<String, Prob<Integer>> models() {
    Map<String, Prob<Integer>> m = new LinkedHashMap<>();
    m.put("branching", branching());
    m.put("chain", chain());
    m.put("conditioned", conditioned());
    m.put("state-space", stateSpaceWithDeaths());
    return m;
  }

  /**
   * A two-state state-space model observed at y = (2, 0, 2), where state 0 cannot emit 2: some
   * particles die, so the flat population's zero-weight particles are exercised exactly too.
   */
  static Prob<Integer> stateSpaceWithDeaths() {
    Categorical[] trans = {Categorical.of(0.7, 0.3), Categorical.of(0.2, 0.8)};
    Categorical[] emit = {Categorical.of(0.5, 0.5, 0.0), Categorical.of(0.2, 0.3, 0.5)};
    return org.probity.Probity.stateSpace(Categorical.of(0.6, 0.4), (Integer z) -> trans[z], (Integer z) -> emit[z])
        .observe(2, 0, 2);
  }

  @TestFactory
  Stream<DynamicTest> expectedEvidenceAndMeasureAreExact() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, Prob<Integer>> m : models().entrySet()) {
      for (Case c : cases()) {
        if (m.getKey().equals("conditioned") && c.name().endsWith("n=3") && !c.name().contains("systematic")) {
          continue; // four suspensions with three particles: tens of millions of paths, no new coverage
        }
        tests.add(DynamicTest.dynamicTest(m.getKey() + ": " + c.name(), () -> {
          long t0 = System.nanoTime();
          check(m.getValue(), c.algorithm().apply(m.getValue()));
          System.out.printf("%s: %s %.2fs%n", m.getKey(), c.name(), (System.nanoTime() - t0) / 1e9);
        }));
      }
    }
    return tests.stream();
  }

  /**
   * E[Zhat] = Z and E[Zhat * particle measure] = unnormalised posterior, exactly ({@link ProperWeighting};
   * every output population must have finished, and the algorithm program carry no weight).
   */
  static void check(Prob<Integer> model, Prob<Population<Integer>> algorithm) {
    ProperWeighting.check(model, algorithm, Population::logEvidenceEstimate, Population::weightedResults);
  }
}
