package org.probity.proofs.vi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.probity.testkit.Property;
import org.probity.testkit.PropertyFailure;
import org.probity.testkit.Tries;
import org.probity.vi.adev.Estimator;
import org.probity.vi.adev.Estimators;
import org.probity.vi.adev.ValueAndGradient;
import org.probity.vi.param.ParamStore;

/**
 * The theorem behind ADEV (Lew et al., POPL 2023, Theorem 5.1), checked exactly on generated
 * finite programs: for every estimator and every mix of estimators across the choices of a
 * program, E[gradient estimate] = gradient of E[objective], and E[value estimate] = E[objective].
 * The left side is the exact law of the estimator program (the Enumerator over the estimator's
 * own randomness), the right side central differences of the exactly enumerated objective (step
 * 1e-5, error about 1e-9 on these programs); they must agree to 1e-6 (1 + |gradient|). Planted
 * bugs in estimators must be caught and shrunk to a small program.
 */
class EstimatorExactnessTest {
  private static final double TOL = 1e-6;
  private static final List<String> SOUND = List.of("REINFORCE", "ENUM", "MVD", "BASELINE", "LOO2", "PHANTOM");

  static final Function<String, Estimator> ESTIMATORS = name -> switch (name) {
    case "REINFORCE" -> Estimators.REINFORCE;
    case "ENUM" -> Estimators.ENUM;
    case "MVD" -> Estimators.MVD;
    case "BASELINE" -> Estimators.baseline(1.5);
    case "LOO2" -> Estimators.leaveOneOut(2);
    case "PHANTOM" -> new IndependentSampleBaseline();
    case "SCORELESS" -> new PlantedEstimators.ScorelessReinforce();
    case "SAMPLE_BASELINE" -> new PlantedEstimators.SampleDependentBaseline();
    case "ENUM_DROP" -> new PlantedEstimators.EnumDroppingAPoint();
    case "MVD_SIGN" -> new PlantedEstimators.FiniteMvd(true);
    case "MVD_WEIGHT" -> new PlantedEstimators.FiniteMvd(false);
    default -> throw new IllegalArgumentException(name);
  };

  /** Whether the estimator program's exact mean matches the objective and its gradient; throws with the numbers if not. */
  static boolean unbiased(FiniteObjective f) {
    double exactValue = f.exactObjective(f.theta(), ESTIMATORS);
    double[] exact = f.exactGradient(ESTIMATORS);
    ValueAndGradient mean = f.expectation(ESTIMATORS).exactMean(new ParamStore());
    double value = mean.value();
    if (Math.abs(value - exactValue) > TOL * (1 + Math.abs(exactValue))) {
      throw new AssertionError(String.format(Locale.ROOT, "E[value estimate] = %.10g, exact objective %.10g", value, exactValue));
    }
    for (int i = 0; i < exact.length; i++) {
      double g = mean.gradient().get("theta", i);
      if (Math.abs(g - exact[i]) > TOL * (1 + Math.abs(exact[i]))) {
        throw new AssertionError(String.format(Locale.ROOT, "E[gradient estimate] for theta%d = %.10g, exact gradient %.10g",
            i, g, exact[i]));
      }
    }
    return true;
  }

  @Test
  void everyMixOfEstimatorsIsUnbiased() {
    Property.forAll(FiniteObjectiveGen.of(SOUND), FiniteObjectiveGen.shrinker(), Tries.of(150, 2000), 20261,
        EstimatorExactnessTest::unbiased);
  }

  @Test
  void eachEstimatorAloneIsUnbiased() {
    for (String e : SOUND) {
      Property.forAll(FiniteObjectiveGen.of(List.of(e)), FiniteObjectiveGen.shrinker(), Tries.of(25, 250), 31 + e.hashCode(),
          EstimatorExactnessTest::unbiased);
    }
  }

  @Test
  void plantedBugsAreCaughtAndShrunk() {
    for (String bug : List.of("SCORELESS", "SAMPLE_BASELINE", "ENUM_DROP", "MVD_SIGN", "MVD_WEIGHT")) {
      PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.forAll(FiniteObjectiveGen.of(List.of(bug)),
          FiniteObjectiveGen.shrinker(), 30, 7, EstimatorExactnessTest::unbiased), bug + " was not caught");
      FiniteObjective minimal = (FiniteObjective) f.counterexample();
      assertTrue(minimal.sites().size() <= 2 && f.getMessage().contains("[" + bug + "]"), bug + ": " + f.getMessage());
    }
  }
}
