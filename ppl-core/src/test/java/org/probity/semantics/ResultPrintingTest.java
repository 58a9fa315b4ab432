package org.probity.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.bernoulli;
import static org.probity.Probity.beta;
import static org.probity.Probity.observe;
import static org.probity.Probity.sample;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.core.Weighted;

/** What JShell shows for a weighted sample and an enumeration: tables with rounded numbers, warnings. */
class ResultPrintingTest {

  @Test
  void aWeightedSampleOfNumbersPrintsItsSummaryRow() {
    Prob<Real> coin = sample(beta(2, 2), p -> observe(bernoulli(p), true).map(u -> p));
    WeightedSample<Real> s = ImportanceSampling.run(coin, 2_000, 1);
    String text = s.toString();
    assertTrue(text.startsWith("WeightedSample: 2,000 samples, ESS "), text);
    List<String> lines = text.lines().toList();
    assertEquals(3, lines.size(), text);
    assertTrue(lines.get(1).trim().startsWith("mean"), text);
    // posterior Beta(3, 2): mean 0.6; printed to four significant digits
    double mean = Double.parseDouble(lines.get(2).trim().split(" +")[0]);
    assertEquals(0.6, mean, 0.02);
    assertTrue(lines.get(2).trim().split(" +")[0].length() <= 6, text);
    assertTrue(!text.contains("Warning"), text);
  }

  @Test
  void discreteValuesPrintTheirProbabilitiesAndDegenerateWeightsAWarning() {
    WeightedSample<String> s = WeightedSample.of(List.of(new Weighted<>("a", 0.0), new Weighted<>("b", Math.log(3)),
        new Weighted<>("a", 0.0)));
    String text = s.toString();
    assertTrue(text.contains("b                              0.6"), text);
    assertTrue(text.contains("a                              0.4"), text);
    java.util.ArrayList<Weighted<Integer>> items = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      items.add(new Weighted<>(i, i == 0 ? 0.0 : -50.0));
    }
    String bad = WeightedSample.of(items).toString();
    assertTrue(bad.contains("Warning: the ESS is 1% of the 100 samples") && bad.contains("Try: more samples"), bad);
  }

  @Test
  void anEnumerationPrintsItsTable() {
    Enumeration<Boolean> e = Enumerator.enumerate(sample(bernoulli(0.25)));
    String text = e.toString();
    assertTrue(text.startsWith("Enumeration: 2 values, log evidence 0\n"), text);
    assertTrue(text.contains(String.format("  %-30s %.6f%n", "true", 0.25)), text);
    assertTrue(text.contains(String.format("  %-30s %.6f%n", "false", 0.75)), text);
    assertTrue(!Enumerator.enumerate(sample(bernoulli(0.5)).map(x -> List.of(x))).toString().contains("@"));
  }
}
