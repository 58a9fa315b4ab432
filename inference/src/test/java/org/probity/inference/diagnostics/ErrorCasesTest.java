package org.probity.inference.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.probity.inference.diagnostics.InvalidDrawsException.Reason;

/** Invalid input is rejected with a specific exception naming the offending value. */
class ErrorCasesTest {

  private static final List<Consumer<double[][]>> DIAGNOSTICS = List.of(
      Rhat::rhat, Rhat::basicRhat, EffectiveSampleSize::essBulk, EffectiveSampleSize::essTail,
      EffectiveSampleSize::essBasic, EffectiveSampleSize::essSd,
      x -> EffectiveSampleSize.essQuantile(x, 0.5), Mcse::mean, Mcse::sd,
      x -> Mcse.quantile(x, 0.5), x -> Summary.of("x", x));

  private static InvalidDrawsException rejectedByAll(double[][] draws, Reason reason) {
    InvalidDrawsException last = null;
    for (Consumer<double[][]> f : DIAGNOSTICS) {
      last = assertThrows(InvalidDrawsException.class, () -> f.accept(draws));
      assertEquals(reason, last.reason(), last.getMessage());
    }
    return last;
  }

  @Test
  void nanIsRejectedWithItsPosition() {
    double[][] x = {{1, 2, 3, 4, 5}, {1, 2, Double.NaN, 4, 5}};
    InvalidDrawsException e = rejectedByAll(x, Reason.NON_FINITE);
    assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("chain 1")
        && e.getMessage().contains("iteration 2"), e.getMessage());
    assertTrue(e instanceof IllegalArgumentException);
  }

  @Test
  void infinityIsRejected() {
    double[][] x = {{1, 2, 3, Double.NEGATIVE_INFINITY}};
    assertTrue(rejectedByAll(x, Reason.NON_FINITE).getMessage().contains("-Infinity"));
  }

  @Test
  void raggedChainsAreRejectedWithTheirLengths() {
    double[][] x = {{1, 2, 3, 4, 5}, {1, 2, 3, 4}};
    InvalidDrawsException e = rejectedByAll(x, Reason.RAGGED_CHAINS);
    assertTrue(e.getMessage().contains("4") && e.getMessage().contains("5"), e.getMessage());
  }

  @Test
  void tooFewDrawsAreRejectedWithTheCount() {
    InvalidDrawsException e = rejectedByAll(new double[][] {{1, 2, 3}, {4, 5, 6}},
        Reason.TOO_FEW_DRAWS);
    assertTrue(e.getMessage().contains("got 3"), e.getMessage());
    assertEquals(Reason.TOO_FEW_DRAWS, rejectedByAll(new double[0][], Reason.TOO_FEW_DRAWS)
        .reason());
  }

  @Test
  void nullIsRejected() {
    rejectedByAll(null, Reason.NULL);
    rejectedByAll(new double[][] {{1, 2, 3, 4}, null}, Reason.NULL);
  }

  @Test
  void probabilityOutsideUnitIntervalIsRejected() {
    double[][] x = {{1, 2, 3, 4, 5}};
    InvalidProbabilityException e = assertThrows(InvalidProbabilityException.class,
        () -> Mcse.quantile(x, 1.5));
    assertTrue(e.getMessage().contains("1.5"));
    assertThrows(InvalidProbabilityException.class, () -> Quantiles.quantile(x, -0.1));
    assertThrows(InvalidProbabilityException.class,
        () -> EffectiveSampleSize.essQuantile(x, Double.NaN));
  }

  @Test
  void constantDrawsGiveNaNAsPosteriorGivesNa() {
    double[][] x = {{2, 2, 2, 2, 2, 2}, {2, 2, 2, 2, 2, 2}};
    assertTrue(Double.isNaN(Rhat.rhat(x)));
    assertTrue(Double.isNaN(EffectiveSampleSize.essBulk(x)));
    assertTrue(Double.isNaN(EffectiveSampleSize.essTail(x)));
    assertTrue(Double.isNaN(Mcse.quantile(x, 0.5)));
    assertEquals(2.0, Quantiles.median(x));
  }

  @Test
  void inputArraysAreNotModified() {
    double[][] x = ReferenceData.draws("ar1_09");
    double[][] before = {x[0].clone(), x[1].clone()};
    Summary.of("x", x);
    RankNormalization.zScale(x);
    assertTrue(java.util.Arrays.equals(before[0], x[0]) && java.util.Arrays.equals(before[1], x[1]));
  }
}
