package org.probity.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.semantics.Sampler;
import org.probity.testkit.Property;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.SamplerAgreement;
import org.probity.testkit.laws.SamplerUnderTest;
import org.probity.testkit.programs.Compiler;
import org.probity.testkit.programs.Program;
import org.probity.testkit.programs.ProgramGen;
import org.probity.testkit.programs.ProgramShrinker;

/**
 * The sampling semantics agrees with the measure semantics (Scibior et al., POPL 2018: the
 * Sampler is a valid likelihood-weighting representation of the program's measure): for small
 * generated programs, the self-normalised weighted frequencies of {@value #RUNS} Sampler runs at
 * a fixed seed match the enumerated posterior. Per program, the false-alarm rate is at most
 * {@value #ALPHA} (Bonferroni over outcomes, normal approximation with the exact delta-method
 * variance; see {@link SamplerAgreement}), so at most {@value #ALPHA} times the number of
 * programs for the whole test at an arbitrary seed; at the fixed seed the outcome is deterministic.
 */
class SamplerAgreesWithEnumeratorTest {
  static final long SEED = 31337L;
  static final int TRIES = Tries.of(25, 300);
  static final int RUNS = 4000;
  static final double ALPHA = 1e-4;

  static void agrees(SamplerUnderTest sampler, AtomicInteger judged) {
    ProgramGen gen = ProgramGen.models();
    Property.forAll((rng, size) -> gen.generate(rng, Math.min(size, 8)), ProgramShrinker.closed(), TRIES, SEED, p -> {
      SamplerAgreement.Verdict v = SamplerAgreement.check(sampler, Compiler.compile(p), RUNS, SEED + p.hashCode(), ALPHA);
      if (v == SamplerAgreement.Verdict.AGREES) {
        judged.incrementAndGet();
      }
      return true;
    });
  }

  static final SamplerUnderTest SAMPLER = new SamplerUnderTest() {
    @Override
    public <A> Weighted<A> run(Prob<A> program, long seed) {
      return Sampler.run(program, seed);
    }
  };

  @Test
  void samplerFrequenciesMatchTheEnumeratedPosterior() {
    AtomicInteger judged = new AtomicInteger();
    agrees(SAMPLER, judged);
    assertTrue(judged.get() >= TRIES * 2 / 3, "too many programs skipped: judged only " + judged.get() + " of " + TRIES);
  }

  @Test
  void findsASamplerThatForgetsFactorWeights() {
    SamplerUnderTest forgetful = new SamplerUnderTest() {
      @Override
      public <A> Weighted<A> run(Prob<A> program, long seed) {
        return Sampler.run(Planted.dropWeights(program, false), seed);
      }
    };
    Property.assertFindsSmall(() -> agrees(forgetful, new AtomicInteger()), 4, c -> ((Program) c).size());
  }
}
