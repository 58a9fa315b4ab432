package org.probity.inference.hmc;

import java.util.ArrayList;
import java.util.List;

/**
 * Stan's schedule of metric estimation windows during warm-up (src/stan/mcmc/windowed_adaptation.hpp;
 * Stan Reference Manual, "HMC algorithm parameters", "Automatic parameter tuning"): an initial fast
 * buffer (default 75 iterations) where only the step size adapts, then slow windows (first 25
 * iterations, each next one twice as long) at the end of each of which the metric is re-estimated
 * from that window's draws, then a terminal fast buffer (default 50). When the next window would
 * not fit with room for one twice as long after it, it is extended (or cut) to end where the
 * terminal buffer begins.
 *
 * <p>Short warm-ups: with fewer than 20 iterations no metric is estimated (only the step size
 * adapts); when the three stages do not fit, they become 15%, 75% and 10% of the warm-up (one slow
 * window). Stan's {@code set_window_params} does not restart its window counters in that branch,
 * so that its one window never closes and Stan keeps the initial metric (its code, not its
 * documentation); here the 15%/75%/10% schedule is applied as documented, as NumPyro's
 * {@code build_adaptation_schedule} does. Mutable: one per chain.
 */
public final class AdaptationWindows {
  /** Stan's default initial fast buffer. */
  public static final int DEFAULT_INIT_BUFFER = 75;
  /** Stan's default terminal fast buffer. */
  public static final int DEFAULT_TERM_BUFFER = 50;
  /** Stan's default first slow window. */
  public static final int DEFAULT_BASE_WINDOW = 25;

  /** A slow window: warm-up iterations {@code first} to {@code last} (0-based, inclusive). */
  public record Window(int first, int last) {
    /** The number of iterations. */
    public int length() {
      return last - first + 1;
    }
  }

  private final boolean estimating;
  private final int numWarmup;
  private final int initBuffer;
  private final int termBuffer;
  private final int baseWindow;
  private int counter;
  private int windowSize;
  private int nextWindow;

  /**
   * The schedule for {@code numWarmup} warm-up iterations.
   *
   * @param numWarmup warm-up iterations, at least 0
   * @param initBuffer initial fast buffer, at least 0
   * @param termBuffer terminal fast buffer, at least 0
   * @param baseWindow first slow window, at least 1
   */
  public AdaptationWindows(int numWarmup, int initBuffer, int termBuffer, int baseWindow) {
    if (numWarmup < 0 || initBuffer < 0 || termBuffer < 0 || baseWindow < 1) {
      throw new IllegalArgumentException("adaptation windows need warm-up >= 0, buffers >= 0 and"
          + " a base window >= 1; got warm-up " + numWarmup + ", init buffer " + initBuffer
          + ", term buffer " + termBuffer + ", base window " + baseWindow);
    }
    this.numWarmup = numWarmup;
    if (numWarmup < 20) {
      estimating = false;
      this.initBuffer = 0;
      this.termBuffer = 0;
      this.baseWindow = 0;
    } else if ((long) initBuffer + baseWindow + termBuffer > numWarmup) {
      estimating = true;
      this.initBuffer = (int) (0.15 * numWarmup);
      this.termBuffer = (int) (0.10 * numWarmup);
      this.baseWindow = numWarmup - (this.initBuffer + this.termBuffer);
    } else {
      estimating = true;
      this.initBuffer = initBuffer;
      this.termBuffer = termBuffer;
      this.baseWindow = baseWindow;
    }
    restart();
  }

  /** The schedule with Stan's defaults (75 / 25 doubling / 50). */
  public static AdaptationWindows defaults(int numWarmup) {
    return new AdaptationWindows(numWarmup, DEFAULT_INIT_BUFFER, DEFAULT_TERM_BUFFER, DEFAULT_BASE_WINDOW);
  }

  private void restart() {
    counter = 0;
    windowSize = baseWindow;
    nextWindow = initBuffer + windowSize - 1;
  }

  /** Whether a metric is estimated at all (warm-up of at least 20 iterations). */
  public boolean estimating() {
    return estimating;
  }

  /** The initial fast buffer in use (after the short-warm-up fallback). */
  public int initBuffer() {
    return initBuffer;
  }

  /** The terminal fast buffer in use. */
  public int termBuffer() {
    return termBuffer;
  }

  /** The first slow window in use. */
  public int baseWindow() {
    return baseWindow;
  }

  /** The slow windows of the whole warm-up, in order. */
  public List<Window> slowWindows() {
    List<Window> out = new ArrayList<>();
    if (!estimating) {
      return out;
    }
    AdaptationWindows w = new AdaptationWindows(numWarmup, initBuffer, termBuffer, baseWindow);
    int first = -1;
    for (int i = 0; i < numWarmup; i++) {
      if (w.inWindow() && first < 0) {
        first = i;
      }
      if (w.endOfWindow()) {
        out.add(new Window(first, i));
        first = -1;
        w.computeNextWindow();
      }
      w.counter++;
    }
    return out;
  }

  /** Whether the current iteration's draw belongs to a slow window (Stan's {@code adaptation_window}). */
  boolean inWindow() {
    return estimating && counter >= initBuffer && counter < numWarmup - termBuffer
        && counter != numWarmup;
  }

  /** Whether the current iteration closes a slow window (Stan's {@code end_adaptation_window}). */
  boolean endOfWindow() {
    return estimating && counter == nextWindow && counter != numWarmup;
  }

  /** Stan's {@code compute_next_window}, called when a window closes. */
  void computeNextWindow() {
    if (nextWindow == numWarmup - termBuffer - 1) {
      return;
    }
    windowSize *= 2;
    nextWindow = counter + windowSize;
    if (nextWindow == numWarmup - termBuffer - 1) {
      return;
    }
    int nextWindowBoundary = nextWindow + 2 * windowSize;
    if (nextWindowBoundary >= numWarmup - termBuffer) {
      nextWindow = numWarmup - termBuffer - 1;
    }
  }

  /** Moves to the next iteration. */
  void advance() {
    counter++;
  }
}
