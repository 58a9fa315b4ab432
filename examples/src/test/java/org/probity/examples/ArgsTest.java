package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Example command lines: --help prints the usage, a bad number is a usage error, not a crash. */
class ArgsTest {

  @Test
  void numbersAndDefaults() {
    Args a = Args.of("coin", new String[] {"5_000"}, "samples: importance samples (default 20000)",
        "seed: random seed (default 1)");
    assertEquals(5000, a.positiveInt(0, 20_000));
    assertEquals(1, a.longValue(1, 1));
  }

  @Test
  void helpPrintsTheUsage() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Args a = Args.of("coin", new String[] {"--help"}, "samples: importance samples (default 20000)");
    assertTrue(a.help(new PrintStream(buf, true, StandardCharsets.UTF_8)));
    String usage = buf.toString(StandardCharsets.UTF_8);
    assertTrue(usage.startsWith("usage: ./probity run coin [samples]\n"), usage);
    assertTrue(usage.contains("samples    importance samples (default 20000)"), usage);
  }

  @Test
  void badValuesAreUsageErrors() {
    Args a = Args.of("coin", new String[] {"lots"}, "samples: importance samples");
    Args.UsageException e = assertThrows(Args.UsageException.class, () -> a.positiveInt(0, 1));
    assertEquals("coin: samples must be a positive integer, got 'lots'", e.getMessage());
    assertThrows(Args.UsageException.class,
        () -> Args.of("coin", new String[] {"-3"}, "samples: x").positiveInt(0, 1));
    e = assertThrows(Args.UsageException.class,
        () -> Args.of("sprinkler", new String[] {"1"}));
    assertTrue(e.getMessage().contains("at most 0 arguments"), e.getMessage());
  }

  @Test
  void runReportsUsageErrorsWithoutAStackTrace() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(2, Examples.run(new String[] {"coin", "many"}, ps));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("probity run coin: samples must be a positive integer, got 'many'"),
        text);
    assertTrue(text.contains("usage: ./probity run coin [samples]") && !text.contains("\tat "),
        text);
    assertEquals(2, Examples.run(new String[] {"nosuch"}, ps));
  }

  @Test
  void everyExampleAnswersHelp() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      for (Examples.Entry e : Examples.all()) {
        buf.reset();
        assertEquals(0, Examples.run(new String[] {e.name(), "--help"}, System.err), e.name());
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("usage: ./probity run " + e.name()), e.name() + ": " + out);
      }
    } finally {
      System.setOut(old);
    }
  }
}
