package org.probity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probity.bench.data.HmmData;
import org.probity.bench.probity.HmmSmc;

class HmmSmcTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void probitySmcEvidenceIsUnbiasedAndFilteringMeansMatchTheForwardAlgorithm(long dataSeed) {
    HmmData d = HmmData.generate(60, dataSeed);
    SmcChecks.check(d, 30, seed -> {
      HmmSmc.Result r = HmmSmc.run(d, 300, seed);
      return new SmcChecks.Run(r.logEvidence(), r.filteringMeans());
    });
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void theContinuationFormIsCorrectToo(long dataSeed) {
    HmmData d = HmmData.generate(60, dataSeed);
    SmcChecks.check(d, 30, seed -> {
      HmmSmc.Result r = HmmSmc.runContinuations(d, 300, seed);
      return new SmcChecks.Run(r.logEvidence(), r.filteringMeans());
    });
  }

  @Test
  void bothFormsDrawTheSameParticles() {
    HmmData d = HmmData.generate(50, 3);
    for (long seed = 1; seed <= 3; seed++) {
      HmmSmc.Result a = HmmSmc.run(d, 200, seed);
      HmmSmc.Result b = HmmSmc.runContinuations(d, 200, seed);
      assertEquals(b.logEvidence(), a.logEvidence(), 0.0);
      for (int t = 0; t < d.t(); t++) {
        assertEquals(b.filteringMeans()[t], a.filteringMeans()[t], 1e-12, "t = " + t);
      }
    }
  }

  @Test
  void aParticleDoesNotGrowWithT() {
    // a suspended particle is one step record (or one node) and an empty continuation stack
    for (boolean continuations : new boolean[] {false, true}) {
      int shortRun = (continuations ? HmmSmc.runContinuations(HmmData.generate(20, 5), 50, 1)
          : HmmSmc.run(HmmData.generate(20, 5), 50, 1)).maxStackDepth();
      int longRun = (continuations ? HmmSmc.runContinuations(HmmData.generate(400, 5), 50, 1)
          : HmmSmc.run(HmmData.generate(400, 5), 50, 1)).maxStackDepth();
      assertEquals(shortRun, longRun);
      assertTrue(longRun <= 1, "continuation stack depth " + longRun);
    }
  }
}
