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

  @Test
  void aParticleDoesNotGrowWithT() {
    // the fast-path model keeps a suspended particle at one node and an empty continuation stack
    int shortRun = HmmSmc.run(HmmData.generate(20, 5), 50, 1).maxStackDepth();
    int longRun = HmmSmc.run(HmmData.generate(400, 5), 50, 1).maxStackDepth();
    assertEquals(shortRun, longRun);
    assertTrue(longRun <= 1, "continuation stack depth " + longRun);
  }
}
