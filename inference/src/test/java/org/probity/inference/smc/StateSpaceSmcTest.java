package org.probity.inference.smc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.probity.Probity;
import org.probity.core.Prob;
import org.probity.core.ZeroWeightException;
import org.probity.dist.Categorical;
import org.probity.semantics.Sampler;

/**
 * SMC on the state-space combinator: the flat population (states in an array) is used where it
 * applies, means the same particles, and estimates the filtering distribution.
 */
class StateSpaceSmcTest {

  @Test
  void aStateSpacePopulationIsFlatFromItsStartAndStaysFlat() {
    Population<Integer> p = Population.spawn(SsmModels.hmmStateSpace(SsmModels.hmmData(5, 1), 5), 10);
    assertTrue(p.isFlat());
    for (int s = 0; s < 3; s++) {
      p = Sampler.run(p.advance(), s).value();
      assertTrue(p.isFlat(), "after step " + (s + 1));
      p = Sampler.run(p.resampleSystematic(), 100 + s).value();
      assertTrue(p.isFlat(), "after resampling " + (s + 1));
    }
    // the last step weighs the last observation: the particles are ordinary particles again,
    // suspended at it (not finished), and one more advance finishes them
    p = Sampler.run(p.advance(), 7).value();
    p = Sampler.run(p.advance(), 8).value();
    assertFalse(p.isFlat());
    assertFalse(p.finished(), "suspended after the last observation");
    p = Sampler.run(p.advance(), 9).value();
    assertTrue(p.finished());
  }

  @Test
  void aMappedStateSpaceModelBecomesFlatAfterItsFirstStep() {
    Population<Double> p = Population.spawn(SsmModels.linearGaussianStateSpace(SsmModels.data(6, 2), 6), 10);
    assertFalse(p.isFlat(), "the program starts with a bind");
    p = Sampler.run(p.advance(), 1).value();
    assertTrue(p.isFlat(), "the mapping continuation is the shared stack");
    SmcResult<Double> r = Smc.run(Smc.smc(SsmModels.linearGaussianStateSpace(SsmModels.data(6, 2), 6), 10, Resampler.SYSTEMATIC), 4);
    assertTrue(Double.isFinite(r.logEvidence()));
  }

  @Test
  void whenEveryParticleDiesTheErrorNamesTheObservation() {
    Categorical[] emit = {Categorical.of(1.0, 0.0), Categorical.of(1.0, 0.0)};
    Prob<Integer> model = Probity.stateSpace(Categorical.of(0.5, 0.5), (Integer z) -> Categorical.of(0.5, 0.5),
        (Integer z) -> emit[z]).observe(0, 1, 0);
    ZeroWeightException e = assertThrows(ZeroWeightException.class, () -> Smc.run(Smc.smc(model, 50, Resampler.SYSTEMATIC), 1));
    assertTrue(e.getMessage().contains("step 2") && e.getMessage().contains("of 1 from Categorical"), e.getMessage());
  }

  @Test
  void filteringExpectationsMatchTheForwardAlgorithm() {
    int t = 30;
    double[] y = SsmModels.hmmData(t, 3);
    double[] logZ = new double[t];
    double[][] exact = SsmModels.forward(y, logZ);
    int runs = 40;
    double[][] est = new double[t][runs];
    for (int r = 0; r < runs; r++) {
      int run = r;
      Transform<Integer> record = Transform.peek(p -> est[p.step() - 1][run] = p.filteringExpectation((Integer z) -> z == 2 ? 1 : 0));
      SmcResult<Integer> res = Smc.run(Smc.sis(Population.spawn(SsmModels.hmmStateSpace(y, t), 500),
          record.andThen(Transform.resample(Resampler.SYSTEMATIC))), 900 + r);
      est[t - 1][run] = res.expectation(z -> z == 2 ? 1 : 0);
    }
    for (int s : new int[] {0, 9, 19, 29}) {
      double m = 0;
      for (double v : est[s]) {
        m += v;
      }
      m /= runs;
      double v = 0;
      for (double x : est[s]) {
        v += (x - m) * (x - m);
      }
      double se = Math.sqrt(v / (runs - 1) / runs);
      // the self-normalised estimate has O(1/particles) bias, far below 4.5 standard errors here
      assertEquals(exact[s][2], m, 4.5 * se + 1e-3, "P(z[" + s + "] = 2 | y[0.." + s + "]), se " + se);
    }
  }

  /**
   * A user's selection of a dead particle (weight 1 again, at the observation it died at) is the
   * same particle whether the population is flat or not, and the compiled step agrees with the
   * meaning on it.
   */
  @Test
  void selectingADeadParticleAgreesWithTheMeaning() {
    Categorical[] emit = {Categorical.of(1.0, 0.0), Categorical.of(0.2, 0.8)};
    Prob<Integer> model = Probity.stateSpace(Categorical.of(0.5, 0.5), (Integer z) -> Categorical.of(0.5, 0.5),
        (Integer z) -> emit[z]).observe(1, 1, 1);
    Population<Integer> p = Sampler.run(Population.spawn(model, 8).advance(), 2).value();
    int dead = -1;
    for (int i = 0; i < 8; i++) {
      if (p.particle(i).dead()) {
        dead = i;
      }
    }
    assertTrue(dead >= 0, "some particle died at the first observation");
    int[] anc = new int[8];
    java.util.Arrays.fill(anc, dead);
    Population<Integer> chosen = p.select(anc);
    for (long seed = 0; seed < 4; seed++) {
      Population<Integer> compiled = Sampler.run(chosen.advance(), seed).value();
      Population<Integer> meaning = Sampler.record(chosen.advance(), org.probity.random.Rngs.of(seed)).value();
      for (int i = 0; i < 8; i++) {
        assertEquals(meaning.particle(i).logWeight(), compiled.particle(i).logWeight(), 0.0, "seed " + seed + " particle " + i);
        assertTrue(compiled.particle(i).dead(), "it dies again at the same observation");
      }
    }
  }

  @Test
  void filteringExpectationBeforeTheFirstStepFails() {
    Population<Integer> p = Population.spawn(SsmModels.hmmStateSpace(SsmModels.hmmData(5, 1), 5), 10);
    assertThrows(IllegalArgumentException.class, () -> p.filteringExpectation((Integer z) -> z));
  }

  @Test
  void aFlatPopulationsParticlesAreItsStepsAndStates() {
    Population<Integer> p = Population.spawn(SsmModels.hmmStateSpace(SsmModels.hmmData(5, 1), 5), 20);
    p = Sampler.run(p.advance(), 3).value();
    double viaStates = p.filteringExpectation((Integer z) -> z);
    double viaParticles = p.expectation(q -> (Integer) org.probity.core.StateSpace.stateOf(q.node()));
    assertEquals(viaStates, viaParticles, 1e-15);
    assertEquals(20, p.particles().size());
    for (int i = 0; i < 20; i++) {
      assertEquals(p.logWeights()[i], p.particle(i).logWeight(), 0.0);
      assertFalse(p.particle(i).finished());
    }
  }
}
