package org.probity.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probity.bench.data.HmmData;
import org.probity.bench.handcoded.HmmBootstrapFilter;
import org.probity.random.Rngs;

class HmmBootstrapFilterTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void evidenceIsUnbiasedAndFilteringMeansMatchTheForwardAlgorithm(long dataSeed) {
    HmmData d = HmmData.generate(100, dataSeed);
    SmcChecks.check(d, 30, seed -> {
      HmmBootstrapFilter.Result r = HmmBootstrapFilter.run(d, 500, Rngs.of(seed));
      return new SmcChecks.Run(r.logEvidence(), r.filteringMeans());
    });
  }
}
