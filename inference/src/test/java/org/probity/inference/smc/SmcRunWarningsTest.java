package org.probity.inference.smc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.forEach;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.sample;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.diagnostics.Problem;

/**
 * {@code Smc.run(model, config, seed)} records the ESS of every step, warns of an ESS collapse
 * with what to try, and gives the same result as running the algorithm program itself.
 */
class SmcRunWarningsTest {

  /** mu ~ N(0, 10); y_t ~ N(mu, sd) for three observations. */
  private static Prob<Real> model(double sd) {
    return sample("mu", normal(0, 10)).flatMap(mu ->
        forEach(List.of(4.9, 5.0, 5.1), y -> observe(normal(mu, sd), y)).map(u -> mu));
  }

  @Test
  void aSharpLikelihoodCollapsesTheEssAndTheResultSaysWhatToTry() {
    SmcResult<Real> r = Smc.run(model(0.01), SmcConfig.DEFAULTS.withParticles(200), 3, false);
    assertEquals(3, r.essHistory().length, "one ESS per observation");
    assertTrue(r.essHistory()[0] < 20, "the first observation leaves few particles: " + r.essHistory()[0]);
    List<Problem> problems = r.problems();
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(Problem.Kind.SMC_ESS_COLLAPSE, problems.get(0).kind());
    assertTrue(problems.get(0).subjects().contains("step 1"), problems.toString());
    String text = r.toString();
    assertTrue(text.startsWith("SMC: 200 particles, ") && text.contains("Try: use more particles"), text);
  }

  @Test
  void aBroadLikelihoodHasNoWarningAndTheHistoryEndsAtTheResult() {
    SmcResult<Real> r = Smc.run(model(20), SmcConfig.DEFAULTS.withParticles(500), 4, false);
    assertEquals(List.of(), r.problems());
    assertTrue(!r.toString().contains("Try:"), r.toString());
    double[] ess = r.essHistory();
    double[] ev = r.logEvidenceHistory();
    assertEquals(3, ess.length);
    assertEquals(r.ess(), ess[2], 1e-9, "the last step's ESS is the final ESS (no resampling after it)");
    assertEquals(r.logEvidence(), ev[2], 1e-12);
  }

  @Test
  void theRecordedRunIsTheAlgorithmItself() {
    Prob<Real> m = model(1);
    SmcResult<Real> recorded = Smc.run(m, SmcConfig.DEFAULTS.withParticles(300), 11, false);
    SmcResult<Real> plain = Smc.run(Smc.smc(m, 300, Resampler.SYSTEMATIC), 11);
    assertEquals(plain.logEvidence(), recorded.logEvidence(), 0.0);
    assertArrayEquals(plain.weights(), recorded.weights(), 0.0);
    assertEquals(plain.expectation(Real::value), recorded.expectation(Real::value), 0.0);
    assertArrayEquals(new double[] {plain.ess()}, plain.essHistory(), 0.0,
        "a result of another algorithm has only its final ESS");
    SmcResult<Real> rounds = Smc.run(m, SmcConfig.DEFAULTS.withParticles(300).withSteps(1), 11, false);
    assertEquals(2, rounds.essHistory().length, "one round, then the final population");
    assertEquals(rounds.ess(), rounds.essHistory()[1], 1e-9);
  }
}
