package org.probity.inference.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares every diagnostic with the R package posterior 1.4.0 on the committed draw sets.
 *
 * <p>Tolerance: {@code |actual - expected| <= 1e-6 * max(1, |expected|)}, i.e. absolute 1e-6 for
 * values of magnitude at most 1 and relative 1e-6 above (ESS values are in the hundreds). NA in
 * the reference must be NaN here.
 */
class PosteriorReferenceTest {

  static final double TOLERANCE = 1e-6;

  static final Map<String, ToDoubleFunction<double[][]>> MEASURES = Map.ofEntries(
      Map.entry("rhat", Rhat::rhat),
      Map.entry("rhat_basic", Rhat::basicRhat),
      Map.entry("rhat_basic_nosplit", x -> Rhat.basicRhat(x, false)),
      Map.entry("ess_bulk", EffectiveSampleSize::essBulk),
      Map.entry("ess_tail", EffectiveSampleSize::essTail),
      Map.entry("ess_basic", EffectiveSampleSize::essBasic),
      Map.entry("ess_basic_nosplit", x -> EffectiveSampleSize.essBasic(x, false)),
      Map.entry("ess_mean", EffectiveSampleSize::essMean),
      Map.entry("ess_sd", EffectiveSampleSize::essSd),
      Map.entry("ess_q5", x -> EffectiveSampleSize.essQuantile(x, 0.05)),
      Map.entry("ess_q25", x -> EffectiveSampleSize.essQuantile(x, 0.25)),
      Map.entry("ess_q50", x -> EffectiveSampleSize.essQuantile(x, 0.5)),
      Map.entry("ess_q95", x -> EffectiveSampleSize.essQuantile(x, 0.95)),
      Map.entry("mcse_mean", Mcse::mean),
      Map.entry("mcse_sd", Mcse::sd),
      Map.entry("mcse_q5", x -> Mcse.quantile(x, 0.05)),
      Map.entry("mcse_q50", x -> Mcse.quantile(x, 0.5)),
      Map.entry("mcse_q95", x -> Mcse.quantile(x, 0.95)),
      Map.entry("mean", x -> Summary.of("x", x).mean()),
      Map.entry("sd", x -> Summary.of("x", x).sd()),
      Map.entry("median", Quantiles::median),
      Map.entry("mad", Quantiles::mad),
      Map.entry("q5", x -> Quantiles.quantile(x, 0.05)),
      Map.entry("q25", x -> Quantiles.quantile(x, 0.25)),
      Map.entry("q50", x -> Quantiles.quantile(x, 0.5)),
      Map.entry("q95", x -> Quantiles.quantile(x, 0.95)),
      Map.entry("q0", x -> Quantiles.quantile(x, 0)),
      Map.entry("q100", x -> Quantiles.quantile(x, 1)));

  static void assertClose(double expected, double actual, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(actual), what + ": expected NA/NaN but got " + actual);
      return;
    }
    double bound = TOLERANCE * Math.max(1, Math.abs(expected));
    assertTrue(Math.abs(actual - expected) <= bound,
        what + ": expected " + expected + " but got " + actual);
  }

  @TestFactory
  Stream<DynamicTest> everyMeasureMatchesPosterior() {
    List<DynamicTest> tests = new ArrayList<>();
    ReferenceData.reference().forEach((dataset, values) -> {
      double[][] draws = ReferenceData.draws(dataset);
      values.forEach((measure, expected) -> {
        ToDoubleFunction<double[][]> f = MEASURES.get(measure);
        tests.add(DynamicTest.dynamicTest(dataset + " " + measure, () -> {
          assertTrue(f != null, "no Java counterpart for reference measure " + measure);
          assertClose(expected, f.applyAsDouble(draws), dataset + " " + measure);
        }));
      });
    });
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> summaryRowMatchesPosterior() {
    List<DynamicTest> tests = new ArrayList<>();
    ReferenceData.reference().forEach((dataset, v) -> tests.add(
        DynamicTest.dynamicTest(dataset, () -> {
          Summary s = Summary.of(dataset, ReferenceData.draws(dataset));
          assertEquals(dataset, s.name());
          assertClose(v.get("mean"), s.mean(), "mean");
          assertClose(v.get("sd"), s.sd(), "sd");
          assertClose(v.get("median"), s.median(), "median");
          assertClose(v.get("mad"), s.mad(), "mad");
          assertClose(v.get("q5"), s.q5(), "q5");
          assertClose(v.get("q95"), s.q95(), "q95");
          assertClose(v.get("rhat"), s.rhat(), "rhat");
          assertClose(v.get("ess_bulk"), s.essBulk(), "ess_bulk");
          assertClose(v.get("ess_tail"), s.essTail(), "ess_tail");
          assertClose(v.get("mcse_mean"), s.mcseMean(), "mcse_mean");
          assertClose(v.get("mcse_sd"), s.mcseSd(), "mcse_sd");
        })));
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> referenceCoversTheInterestingCases() {
    Map<String, Map<String, Double>> ref = ReferenceData.reference();
    return Stream.of(
        DynamicTest.dynamicTest("shifted chain has high rhat",
            () -> assertTrue(ref.get("shifted_chain").get("rhat") > 1.1)),
        DynamicTest.dynamicTest("antithetic chains hit the tau bound (ESS > S)",
            () -> assertTrue(ref.get("antithetic").get("ess_basic") > 800)),
        DynamicTest.dynamicTest("single chain unsplit rhat is NA",
            () -> assertTrue(ref.get("single_chain").get("rhat_basic_nosplit").isNaN())),
        DynamicTest.dynamicTest("all eight draw sets present",
            () -> assertEquals(8, ref.size())),
        DynamicTest.dynamicTest("ties present", () -> assertFalse(
            ReferenceData.draws("ties_rounded")[0].length
                == java.util.Arrays.stream(ReferenceData.draws("ties_rounded")[0]).distinct()
                    .count())));
  }
}
