package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.semantics.ImportanceSampling;
import org.probity.semantics.WeightedSample;

/** The nested RSA model against the interpretations derived by hand. */
class ScalarImplicatureTest {

  @Test
  void theLiteralListenerKeepsEveryTrueState() {
    Enumeration<Integer> some = new ScalarImplicature(1).literal("some");
    for (int s = 1; s <= 3; s++) {
      assertEquals(1.0 / 3, some.probability(s), 1e-12);
    }
    assertEquals(0.0, some.probability(0));
  }

  @Test
  void thePragmaticListenerInfersNotAll() {
    // speaker, alpha = 1: S(none|0) = 1, S(some|1) = S(some|2) = 1, S(all|3) = 3/4, S(some|3) = 1/4;
    // listener: P(s | some) proportional to S(some|s): 1, 1, 1/4 on s = 1, 2, 3
    Enumeration<Integer> some = new ScalarImplicature(1).interpret("some");
    assertEquals(4.0 / 9, some.probability(1), 1e-12);
    assertEquals(4.0 / 9, some.probability(2), 1e-12);
    assertEquals(1.0 / 9, some.probability(3), 1e-12);
    assertEquals(0.0, some.probability(0));
    // alpha = 2: S(some|3) = (1/9) / (1 + 1/9) = 1/10, so 10/21, 10/21, 1/21
    Enumeration<Integer> sharper = new ScalarImplicature(2).interpret("some");
    assertEquals(10.0 / 21, sharper.probability(1), 1e-12);
    assertEquals(1.0 / 21, sharper.probability(3), 1e-12);
    assertEquals(1.0, new ScalarImplicature(1).interpret("all").probability(3), 1e-12);
  }

  @Test
  void aWeightedSampleServesAsTheInnerModelToo() {
    // the literal listener by importance sampling instead of enumeration: the pragmatic answer
    // then follows from the sampled frequencies, close to the exact one
    ScalarImplicature m = new ScalarImplicature(1);
    WeightedSample<Integer> lit = ImportanceSampling.run(m.literalListener("some"), 30_000, 5);
    Prob<String> speaker3 = sample(uniformDraw(ScalarImplicature.UTTERANCES), u ->
        observe(u.equals("some") ? lit : m.literal(u).asDistribution(), 3).map(x -> u));
    Enumeration<String> s3 = Enumerator.enumerate(speaker3);
    double p3 = lit.asDistribution().probability(3); // about 1/3
    assertEquals(1.0 / 3, p3, 4 * Math.sqrt((1.0 / 3) * (2.0 / 3) / lit.ess()));
    assertEquals(p3 / (1 + p3), s3.probability("some"), 1e-12, "S(some|3) from the sampled literal listener");
  }

  @Test
  void mainPrintsTheInterpretations() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      ScalarImplicature.main(new String[0]);
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("\"some\": pragmatic listener  P(0)=0.0000 P(1)=0.4444 P(2)=0.4444 P(3)=0.1111"), out);
  }
}
