package org.probity.inference.tempered;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.probity.Probity.addr;
import static org.probity.Probity.bernoulliLogitGlm;
import static org.probity.Probity.forEach;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.data.Data;

/**
 * The log evidence of the benchmark's Bayesian logistic regression on {@code
 * shared/bench-data/lr_n1000.json} (N = 1000, D = 5; b, w[d] ~ Normal(0, 1), y ~
 * BernoulliLogitGlm(X, b, w)) by tempered SMC with NUTS moves and by AIS, against -430.65, the
 * value of a Laplace-centred importance sampler with 40,000 draws. The fast profile runs one seed
 * of each with few particles (200 for SMC, 40 for AIS over 200 stages) and asks for 1 nat, about
 * three standard deviations of the estimates at these sizes (seeds 1 to 4 gave -430.73, -430.27,
 * -430.68, -431.05 for SMC and -430.74, -430.63, -430.78, -431.20 for AIS); {@code -Pfull} runs
 * four seeds with more particles (1000 for SMC, 100 for AIS over 400 stages) and asks for 0.5 nat.
 * Skipped when the shared data are absent.
 */
class TemperedLogisticTest {
  static final boolean FULL = "full".equals(System.getProperty("probity.tries"));
  /** The reference log evidence (Laplace-centred importance sampling, 40,000 draws). */
  static final double LOG_EVIDENCE = -430.65;

  /** shared/bench-data/lr_n1000.json beside the repository (or a worktree's parent), or null. */
  static Path data() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path f = p.resolve("shared/bench-data/lr_n1000.json");
      if (Files.isRegularFile(f)) {
        return f;
      }
    }
    return null;
  }

  /** b ~ Normal(0, 1), w[j] ~ Normal(0, 1), y ~ BernoulliLogitGlm(X, b, w); returns w. */
  static Prob<Real[]> model(double[][] rows, int[] y) {
    DMatrixRMaj x = new DMatrixRMaj(rows);
    int d = rows[0].length;
    return sample("b", normal(0, 1)).flatMap(b -> forEach(0, d, j -> sample(addr("w", j), normal(0, 1)))
        .flatMap(ws -> {
          Real[] w = ws.toArray(new Real[0]);
          return observe(bernoulliLogitGlm(x, b, w), y).map(u -> w);
        }));
  }

  static Prob<Real[]> model() {
    Path f = data();
    assumeTrue(f != null, "no shared/bench-data/lr_n1000.json above " + Path.of("").toAbsolutePath());
    Data d = Data.json(f);
    return model(d.matrix("X"), d.ints("y"));
  }

  @Test
  void temperedSmcWithNutsFindsTheLogEvidence() {
    Prob<Real[]> m = model();
    int seeds = FULL ? 4 : 1;
    for (long seed = 1; seed <= seeds; seed++) {
      TemperedResult<Real[]> r = TemperedSmc.run(m, TemperedConfig.defaults().particles(FULL ? 1000 : 200).seed(seed));
      assertEquals(LOG_EVIDENCE, r.logEvidence(), FULL ? 0.5 : 1.0, r + "\n" + r.stageTable());
    }
  }

  @Test
  void annealedImportanceSamplingFindsTheLogEvidence() {
    Prob<Real[]> m = model();
    int seeds = FULL ? 4 : 1;
    for (long seed = 1; seed <= seeds; seed++) {
      TemperedConfig c = TemperedConfig.ais(Schedule.geometric(FULL ? 400 : 200, 1e-4)).particles(FULL ? 100 : 40)
          .moves(1).seed(seed);
      TemperedResult<Real[]> r = TemperedSmc.run(m, c);
      assertEquals(LOG_EVIDENCE, r.logEvidence(), FULL ? 0.5 : 1.0, r.toString());
    }
  }
}
