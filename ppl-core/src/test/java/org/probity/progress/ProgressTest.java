package org.probity.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress with an injected clock and writer: what each mode writes, and when. */
class ProgressTest {

  private static final long MS = 1_000_000L;
  private static final String NL = System.lineSeparator();

  private final AtomicLong now = new AtomicLong(1_000 * MS);
  private final StringBuilder out = new StringBuilder();

  private Progress progress(Progress.Mode mode, long total) {
    return Progress.create("mcmc", total, "it", mode, out, now::get);
  }

  @Test
  void terminalRedrawsOneLineWithRateAndEta() {
    Progress p = progress(Progress.Mode.TERMINAL, 4_000);
    p.advance(500);
    now.addAndGet(100 * MS);
    p.advance(500);
    assertEquals("", out.toString(), "nothing before 200 ms");
    now.addAndGet(150 * MS);
    p.advance(250);
    // 1,250 in 0.25 s: 5,000 it/s, 2,750 left: 0.55 s.
    assertEquals("\rmcmc: 1,250/4,000 (31%)  5,000 it/s  ETA 0.6s", out.toString());
    now.addAndGet(250 * MS);
    p.advance(2_750);
    p.close();
    String text = out.toString();
    assertTrue(text.endsWith("\rmcmc: 4,000/4,000 (100%)  8,000 it/s  done in 0.5s" + NL), text);
    assertEquals(1, text.split(NL, -1).length - 1, "one line in all: " + text);
    p.close();
    assertEquals(text, out.toString(), "closing twice writes nothing more");
  }

  @Test
  void terminalPadsAShorterLine() {
    Progress p = Progress.create("smc", 0, "steps", Progress.Mode.TERMINAL, out, now::get);
    now.addAndGet(300 * MS);
    p.advance(123_456);
    now.addAndGet(300 * MS);
    p.advance(1);
    String[] parts = out.toString().split("\r", -1);
    assertEquals(3, parts.length, out.toString());
    assertTrue(parts[2].length() >= parts[1].length(), "the old line is overwritten: " + out);
    assertTrue(!out.toString().contains("%") && !out.toString().contains("ETA"),
        "no percent or ETA without a total: " + out);
    assertTrue(parts[1].contains("steps/s"), out.toString());
  }

  @Test
  void plainWritesSparseLines() {
    Progress p = progress(Progress.Mode.PLAIN, 1_000);
    for (int i = 0; i < 1_000; i++) {
      now.addAndGet(25 * MS); // 25 s in all
      p.step();
    }
    p.close();
    List<String> lines = out.toString().lines().toList();
    assertEquals(List.of(
        "mcmc: 400/1,000 (40%)  40 it/s  ETA 15s",
        "mcmc: 800/1,000 (80%)  40 it/s  ETA 5.0s",
        "mcmc: 1,000/1,000 (100%)  40 it/s  done in 25s"), lines);
    assertTrue(!out.toString().contains("\r"));
  }

  @Test
  void plainRunShorterThanTheIntervalWritesOnlyTheSummary() {
    Progress p = progress(Progress.Mode.PLAIN, 10);
    for (int i = 0; i < 10; i++) {
      now.addAndGet(100 * MS);
      p.step();
    }
    p.close();
    assertEquals("mcmc: 10/10 (100%)  10 it/s  done in 1.0s" + NL, out.toString());
  }

  @Test
  void aRunWithinTheQuietPeriodWritesNothingALongerOneShowsItsLineAndSummary() {
    Progress quick = Progress.create("smc", 0, "steps", Progress.Mode.TERMINAL, out, now::get, 1_000 * MS);
    for (int i = 0; i < 9; i++) {
      now.addAndGet(100 * MS);
      quick.step();
    }
    quick.close();
    assertEquals("", out.toString(), "0.9 s: nothing, not even the summary");
    Progress slow = Progress.create("smc", 0, "steps", Progress.Mode.TERMINAL, out, now::get, 1_000 * MS);
    for (int i = 0; i < 9; i++) {
      now.addAndGet(100 * MS);
      slow.step();
    }
    assertEquals("", out.toString(), "nothing before a second");
    now.addAndGet(200 * MS);
    slow.step();
    assertEquals("\rsmc: 10  9.1 steps/s", out.toString());
    slow.close();
    assertTrue(out.toString().endsWith("done in 1.1s" + NL), out.toString());
  }

  @Test
  void silentWritesNothing() {
    Progress p = progress(Progress.Mode.SILENT, 10);
    for (int i = 0; i < 10; i++) {
      now.addAndGet(60_000 * MS);
      p.step();
    }
    p.close();
    assertEquals("", out.toString());
    assertEquals(10, p.done());
    Progress.silent().close();
    assertEquals(0, Progress.start("x", 5, false).done());
  }

  @Test
  void parallelChainsShareOneLine() throws Exception {
    Progress p = progress(Progress.Mode.TERMINAL, 40_000);
    List<Thread> chains = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      Thread t = new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          now.addAndGet(MS / 10);
          p.step();
        }
      });
      chains.add(t);
      t.start();
    }
    for (Thread t : chains) {
      t.join();
    }
    p.close();
    assertEquals(40_000, p.done());
    String text = out.toString();
    assertTrue(text.endsWith(NL) && text.indexOf(NL) == text.length() - NL.length(),
        "a single line: " + text);
    String[] redraws = text.strip().split("\r");
    // how many redraws happen depends on how the threads are scheduled (a thread skips drawing
    // while another draws); at least one redraw before the closing one shows it went along
    assertTrue(redraws.length >= 2, "redrawn as it went: " + redraws.length);
    for (String r : redraws) {
      if (!r.isEmpty()) {
        assertTrue(r.strip().matches("mcmc: [0-9,]+/40,000 \\(\\d+%\\)  [0-9,.]+ it/s"
            + "(  ETA [0-9.hms]+|  done in [0-9.hms]+)?"), "a whole line: '" + r + "'");
      }
    }
    assertTrue(text.contains("40,000/40,000 (100%)"), text);
  }

  @Test
  void durations() {
    assertEquals("0.5s", Progress.duration(0.5));
    assertEquals("12s", Progress.duration(12.4));
    assertEquals("3m05s", Progress.duration(185));
    assertEquals("2h03m", Progress.duration(7380));
  }
}
