package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example registry the launcher relies on. */
class ExamplesTest {

  @Test
  void discoversTheAnnotatedExamples() {
    List<String> names = Examples.all().stream().map(Examples.Entry::name).toList();
    assertTrue(names.containsAll(List.of("coin", "regression", "sprinkler")), names.toString());
    assertEquals(names.stream().sorted().toList(), names);
  }

  @Test
  void findsByShortNameOrClassName() {
    assertEquals(BetaBernoulliCoin.class, Examples.find("coin").orElseThrow().type());
    assertEquals(BetaBernoulliCoin.class, Examples.find("BetaBernoulliCoin").orElseThrow().type());
    assertTrue(Examples.find("no-such-example").isEmpty());
  }

  @Test
  void indexLinesHaveThreeTabSeparatedFields() {
    for (Examples.Entry e : Examples.all()) {
      String[] f = e.indexLine().split("\t", -1);
      assertEquals(3, f.length, e.indexLine());
      assertEquals(e.type().getName(), f[1]);
      assertTrue(!f[2].isBlank() && !f[2].contains("\n"), e.indexLine());
    }
  }

  @Test
  void sprinklerMainPrintsItsPosterior() {
    String out = capture(() -> Sprinkler.main(new String[0]));
    assertTrue(out.contains("P(rain      | wet) = 0.707928"), out);
  }

  private static String capture(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
