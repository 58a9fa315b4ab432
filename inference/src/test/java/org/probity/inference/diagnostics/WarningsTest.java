package org.probity.inference.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each warning on synthetic draws that trigger it, and silence on draws that do not. */
class WarningsTest {

  /** Independent standard normal draws, [chain][iteration], with a shift per chain. */
  private static double[][] normal(int chains, int n, double[] shift, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] x = new double[chains][n];
    for (int c = 0; c < chains; c++) {
      for (int i = 0; i < n; i++) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        x[c][i] = shift[c] + Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
      }
    }
    return x;
  }

  /** AR(1) draws with coefficient phi (strongly autocorrelated for phi near 1). */
  private static double[][] ar1(int chains, int n, double phi, long seed) {
    double[][] e = normal(chains, n, new double[chains], seed);
    double[][] x = new double[chains][n];
    for (int c = 0; c < chains; c++) {
      for (int i = 0; i < n; i++) {
        x[c][i] = (i == 0 ? 0 : phi * x[c][i - 1]) + Math.sqrt(1 - phi * phi) * e[c][i];
      }
    }
    return x;
  }

  private static Draws draws(List<String> names, double[][]... columns) {
    int chains = columns[0].length;
    int n = columns[0][0].length;
    double[][][] v = new double[chains][n][columns.length];
    for (int c = 0; c < chains; c++) {
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < columns.length; k++) {
          v[c][i][k] = columns[k][c][i];
        }
      }
    }
    return Draws.of(names, v);
  }

  private static Draws withAcceptance(Draws d, double[] rates) {
    double[][][] stats = new double[d.numChains()][d.numIterations()][1];
    for (int c = 0; c < d.numChains(); c++) {
      for (int i = 0; i < d.numIterations(); i++) {
        stats[c][i][0] = rates[c];
      }
    }
    return new Draws(d.parameterNames(), d.values(), List.of("accept_stat__"), stats);
  }

  private static List<Problem.Kind> kinds(List<Problem> problems) {
    return problems.stream().map(Problem::kind).toList();
  }

  @Test
  void wellMixedChainsGiveNoWarning() {
    Draws good = withAcceptance(draws(List.of("mu", "tau"), normal(4, 500, new double[4], 1),
        normal(4, 500, new double[] {3, 3, 3, 3}, 2)), new double[] {0.3, 0.35, 0.28, 0.4});
    List<Problem> problems = Warnings.check(good);
    assertEquals(List.of(), problems, Warnings.report(problems));
    assertTrue(Warnings.report(problems).startsWith("No problems found"));
  }

  @Test
  void chainsThatDisagreeRaiseRhat() {
    // One chain sits 3 sd away from the others: R-hat near 2.
    Draws bad = draws(List.of("mu", "sigma"), normal(4, 500, new double[] {0, 0, 0, 3}, 3),
        normal(4, 500, new double[4], 4));
    List<Problem> problems = Warnings.check(bad);
    Problem rhat = problems.stream().filter(p -> p.kind() == Problem.Kind.RHAT).findFirst()
        .orElseThrow(() -> new AssertionError(Warnings.report(problems)));
    assertEquals(List.of("mu"), rhat.subjects());
    assertTrue(rhat.message().contains("R-hat above 1.01 for 1 of 2 quantities: mu 1."),
        rhat.message());
    assertTrue(rhat.advice().contains("Plots.trace"), rhat.advice());
    assertTrue(Warnings.report(problems).contains("Try: "), Warnings.report(problems));
  }

  @Test
  void autocorrelatedChainsRaiseLowBulkAndTailEss() {
    // phi = 0.99: about 0.005 effective draws per draw, 4 x 500 draws give ESS near 10.
    Draws sticky = draws(List.of("x", "y"), ar1(4, 500, 0.99, 5), normal(4, 500, new double[4], 6));
    List<Problem> problems = Warnings.check(sticky);
    List<Problem.Kind> k = kinds(problems);
    assertTrue(k.contains(Problem.Kind.ESS_BULK) && k.contains(Problem.Kind.ESS_TAIL),
        Warnings.report(problems));
    Problem bulk = problems.get(k.indexOf(Problem.Kind.ESS_BULK));
    assertEquals(List.of("x"), bulk.subjects());
    assertTrue(bulk.message().contains("below 100 per chain (400 in all)"), bulk.message());
    // The same chains with phi = 0.2 are fine.
    assertEquals(List.of(), Warnings.check(draws(List.of("x"), ar1(4, 500, 0.2, 5))));
  }

  @Test
  void unequalAcceptanceIsReported() {
    Draws d = draws(List.of("mu"), normal(4, 500, new double[4], 7));
    List<Problem> problems = Warnings.check(withAcceptance(d, new double[] {0.3, 0.05, 0.32, 0.29}));
    assertEquals(List.of(Problem.Kind.UNEQUAL_ACCEPTANCE), kinds(problems),
        Warnings.report(problems));
    assertTrue(problems.get(0).message().contains("chain 3 accepts more than 2 times as often as"
        + " chain 2"), problems.get(0).message());
    assertEquals(List.of(), Warnings.checkAcceptance(new double[] {0.2, 0.39},
        Warnings.Thresholds.defaults()));
    assertEquals(1, Warnings.checkAcceptance(new double[] {0.2, 0.41},
        Warnings.Thresholds.defaults()).size());
    assertThrows(IllegalArgumentException.class, () -> Warnings.checkAcceptance(
        new double[] {0.2, 1.5}, Warnings.Thresholds.defaults()));
  }

  @Test
  void acceptanceOfOneEverywhereIsFine() {
    // Twenty steps of 1/20 add up to 1.0000000000000002: a mean accumulated that way exceeded 1.
    Draws d = draws(List.of("mu"), normal(2, 20, new double[2], 14));
    double[][][] stats = new double[2][20][1];
    for (double[][] chain : stats) {
      for (double[] row : chain) {
        row[0] = 1;
      }
    }
    List<Problem> problems = Warnings.check(new Draws(d.parameterNames(), d.values(),
        List.of("accept_stat__"), stats));
    assertTrue(!kinds(problems).contains(Problem.Kind.UNEQUAL_ACCEPTANCE), problems.toString());
  }

  @Test
  void aChainThatNeverMovedIsReported() {
    double[][] mu = normal(4, 300, new double[4], 8);
    double[][] tau = normal(4, 300, new double[4], 9);
    java.util.Arrays.fill(mu[2], 0.75);
    java.util.Arrays.fill(tau[2], 1.5);
    List<Problem> problems = Warnings.check(draws(List.of("mu", "tau"), mu, tau));
    assertEquals(Problem.Kind.STUCK_CHAIN, problems.get(0).kind(), Warnings.report(problems));
    assertEquals(List.of("chain 3"), problems.get(0).subjects());
    assertTrue(problems.get(0).message().startsWith("chain 3 never moved"),
        problems.get(0).message());
    // A chain where only one quantity is constant moved.
    double[][] tau2 = normal(4, 300, new double[4], 10);
    double[][] mu2 = normal(4, 300, new double[4], 11);
    java.util.Arrays.fill(mu2[1], 0.5);
    assertTrue(!kinds(Warnings.check(draws(List.of("mu", "tau"), mu2, tau2)))
        .contains(Problem.Kind.STUCK_CHAIN));
  }

  @Test
  void smcEssCollapseIsReported() {
    double[] ess = {950, 800, 40, 12, 700};
    List<Problem> problems = Warnings.checkSmc(ess, 1000);
    assertEquals(1, problems.size());
    Problem p = problems.get(0);
    assertEquals(Problem.Kind.SMC_ESS_COLLAPSE, p.kind());
    assertEquals(List.of("step 3", "step 4"), p.subjects());
    assertTrue(p.message().contains("lowest 12 at step 4"), p.message());
    assertEquals(List.of(), Warnings.checkSmc(new double[] {950, 500, 120, 700}, 1000));
  }

  @Test
  void tooFewDrawsIsOneProblemNotACrash() {
    List<Problem> problems = Warnings.check(draws(List.of("mu"), new double[][] {{1, 2}, {3, 1}}));
    assertEquals(List.of(Problem.Kind.TOO_FEW_DRAWS), kinds(problems), Warnings.report(problems));
  }

  @Test
  void columnsWithNaNAreSkipped() {
    double[][] partial = normal(2, 300, new double[2], 12);
    partial[0][5] = Double.NaN;
    assertEquals(List.of(), Warnings.check(draws(List.of("mu", "z"),
        normal(2, 300, new double[2], 13), partial)));
  }
}
