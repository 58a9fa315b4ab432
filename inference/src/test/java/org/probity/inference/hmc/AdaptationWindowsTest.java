package org.probity.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.inference.hmc.AdaptationWindows.Window;

/**
 * Stan's window schedule (windowed_adaptation.hpp), the expected windows worked out by hand from
 * its compute_next_window.
 */
class AdaptationWindowsTest {

  private static List<Window> windows(int n) {
    return AdaptationWindows.defaults(n).slowWindows();
  }

  @Test
  void defaultScheduleDoublesAndStretchesTheLastWindowToTheTerminalBuffer() {
    assertEquals(List.of(new Window(75, 99), new Window(100, 149), new Window(150, 249),
        new Window(250, 449), new Window(450, 949)), windows(1000));
    assertEquals(List.of(new Window(75, 99), new Window(100, 149), new Window(150, 249),
        new Window(250, 449), new Window(450, 849), new Window(850, 1949)), windows(2000));
    // The second window is cut short where the terminal buffer starts.
    assertEquals(List.of(new Window(75, 99), new Window(100, 129)), windows(180));
    assertEquals(List.of(new Window(75, 99)), windows(150));
  }

  @Test
  void otherBufferSettings() {
    AdaptationWindows w = new AdaptationWindows(1000, 75, 25, 25);
    assertEquals(List.of(new Window(75, 99), new Window(100, 149), new Window(150, 249),
        new Window(250, 449), new Window(450, 974)), w.slowWindows());
  }

  @Test
  void shortWarmupsFallBackTo15_75_10() {
    AdaptationWindows w = AdaptationWindows.defaults(100);
    assertEquals(15, w.initBuffer());
    assertEquals(10, w.termBuffer());
    assertEquals(75, w.baseWindow());
    assertEquals(List.of(new Window(15, 89)), w.slowWindows());
    assertEquals(List.of(new Window(22, 134)), windows(149));
    assertEquals(List.of(new Window(3, 17)), windows(20));
  }

  @Test
  void noMetricEstimationBelow20Iterations() {
    AdaptationWindows w = AdaptationWindows.defaults(19);
    assertFalse(w.estimating());
    assertTrue(w.slowWindows().isEmpty());
    for (int i = 0; i < 19; i++) {
      assertFalse(w.inWindow() || w.endOfWindow());
      w.advance();
    }
  }

  @Test
  void windowsCoverExactlyTheSlowPhase() {
    // For every warm-up length, the slow windows are contiguous from the initial buffer to the
    // terminal buffer, and each is at least as long as the one before, except that the last may be cut.
    for (int n = 20; n <= 3000; n++) {
      AdaptationWindows w = AdaptationWindows.defaults(n);
      List<Window> ws = w.slowWindows();
      assertEquals(w.initBuffer(), ws.get(0).first(), "n " + n);
      assertEquals(n - w.termBuffer() - 1, ws.get(ws.size() - 1).last(), "n " + n);
      for (int k = 1; k < ws.size(); k++) {
        assertEquals(ws.get(k - 1).last() + 1, ws.get(k).first(), "n " + n);
      }
      for (int k = 1; k < ws.size() - 1; k++) {
        assertEquals(2 * ws.get(k - 1).length(), ws.get(k).length(), "n " + n);
      }
    }
  }
}
