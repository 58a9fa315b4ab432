package org.probity.progress;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Progress of a long run (MCMC chains, SMC steps, importance samples, optimisation steps) on one
 * line: {@code mcmc: 3,200/8,000 (40%)  1,530 it/s  ETA 3s}.
 *
 * <p>Three modes: {@link Mode#TERMINAL} redraws the line in place ({@code \r}) at most every
 * 200 ms; {@link Mode#PLAIN} (output to a file or a pipe, where redrawing would leave a mess)
 * writes a new line at most every 10 seconds; {@link Mode#SILENT} writes nothing. Every mode but
 * silent ends with a summary line when {@link #close() closed}. {@link #start(String, long)}
 * picks terminal or plain by whether the JVM has a console ({@code System.console() != null}).
 *
 * <p>Thread-safe: parallel chains share one {@code Progress} and call {@link #advance} from their
 * own threads; the count is atomic and only one thread draws at a time (others skip drawing
 * rather than wait), so there is one line for all chains, never interleaved per-chain lines.
 */
public final class Progress implements AutoCloseable {

  /** How progress is shown. */
  public enum Mode {
    /** One line redrawn in place, for an interactive terminal. */
    TERMINAL,
    /** Sparse separate lines, for logs and pipes. */
    PLAIN,
    /** Nothing at all. */
    SILENT
  }

  private static final long TERMINAL_INTERVAL = 200_000_000L;
  private static final long PLAIN_INTERVAL = 10_000_000_000L;
  private static final long QUIET_NANOS = 1_000_000_000L;

  private final String task;
  private final long total;
  private final String unit;
  private final Mode mode;
  private final Appendable out;
  private final LongSupplier clock;
  private final long startNanos;
  private final long interval;
  private final long quiet; // nothing is written before startNanos + quiet
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong nextDraw;
  private final ReentrantLock drawing = new ReentrantLock();
  private int lastWidth;
  private volatile boolean closed;

  private Progress(String task, long total, String unit, Mode mode, Appendable out,
      LongSupplier clock, long quietNanos) {
    this.task = task;
    this.total = total;
    this.unit = unit;
    this.mode = mode;
    this.out = out;
    this.clock = clock;
    this.startNanos = clock.getAsLong();
    this.interval = mode == Mode.TERMINAL ? TERMINAL_INTERVAL : PLAIN_INTERVAL;
    this.quiet = quietNanos;
    this.nextDraw = new AtomicLong(startNanos + Math.max(interval, quietNanos));
  }

  /**
   * Progress on standard error: a redrawn line on a terminal, sparse lines otherwise.
   *
   * @param task what is running, e.g. {@code mcmc (4 chains)}
   * @param total the number of steps in all, or 0 if unknown
   * @return the progress, to {@link #advance} and {@link #close}
   */
  public static Progress start(String task, long total) {
    return create(task, total, "it", System.console() != null ? Mode.TERMINAL : Mode.PLAIN,
        System.err, System::nanoTime);
  }

  /**
   * As {@link #start(String, long)}, or silent when not enabled.
   *
   * @param task what is running
   * @param total the number of steps in all, or 0 if unknown
   * @param enabled false for silence
   * @return the progress
   */
  public static Progress start(String task, long total, boolean enabled) {
    return enabled ? start(task, total) : silent();
  }

  /**
   * Progress for a run that may be short: as {@link #start(String, long, boolean)}, but nothing at
   * all is written for a run that ends within a second (no line, no summary), so quick runs in
   * tests and notebooks stay quiet while a long one shows its rate and ETA.
   *
   * @param task what is running, e.g. {@code smc (1,000 particles)}
   * @param total the number of steps in all, or 0 if unknown
   * @param unit the unit of the rate, e.g. {@code it} or {@code steps}
   * @param enabled false for silence
   * @return the progress
   */
  public static Progress forRun(String task, long total, String unit, boolean enabled) {
    if (!enabled) {
      return silent();
    }
    return create(task, total, unit, System.console() != null ? Mode.TERMINAL : Mode.PLAIN,
        System.err, System::nanoTime, QUIET_NANOS);
  }

  /**
   * A progress that shows nothing.
   *
   * @return the progress
   */
  public static Progress silent() {
    return create("", 0, "it", Mode.SILENT, new StringBuilder(), () -> 0L);
  }

  /**
   * A progress with everything chosen: for tests (an injected clock and writer) and for callers
   * that write elsewhere.
   *
   * @param task what is running
   * @param total the number of steps in all, or 0 if unknown
   * @param unit the unit of the rate, e.g. {@code it} (iterations) or {@code steps}
   * @param mode how to show it
   * @param out where to write; flushed after each line when it is {@link Flushable}
   * @param nanoClock the time in nanoseconds, e.g. {@code System::nanoTime}
   * @return the progress
   */
  public static Progress create(String task, long total, String unit, Mode mode, Appendable out,
      LongSupplier nanoClock) {
    return create(task, total, unit, mode, out, nanoClock, 0);
  }

  /**
   * As {@link #create(String, long, String, Mode, Appendable, LongSupplier)}, writing nothing
   * (neither the line nor the summary) before {@code quietNanos} have passed since the start.
   *
   * @param task what is running
   * @param total the number of steps in all, or 0 if unknown
   * @param unit the unit of the rate
   * @param mode how to show it
   * @param out where to write
   * @param nanoClock the time in nanoseconds
   * @param quietNanos how long to stay quiet, at least 0
   * @return the progress
   */
  public static Progress create(String task, long total, String unit, Mode mode, Appendable out,
      LongSupplier nanoClock, long quietNanos) {
    if (total < 0) {
      throw new IllegalArgumentException("total must be >= 0 (0: unknown), got " + total);
    }
    if (quietNanos < 0) {
      throw new IllegalArgumentException("quietNanos must be >= 0, got " + quietNanos);
    }
    return new Progress(task, total, unit, mode, out, nanoClock, quietNanos);
  }

  /** One step done. */
  public void step() {
    advance(1);
  }

  /**
   * Steps done, from any thread.
   *
   * @param steps how many
   */
  public void advance(long steps) {
    done.addAndGet(steps);
    if (mode == Mode.SILENT) {
      return;
    }
    long now = clock.getAsLong();
    long due = nextDraw.get();
    if (now >= due && nextDraw.compareAndSet(due, now + interval) && drawing.tryLock()) {
      try {
        if (!closed) {
          draw(line(now, false), false);
        }
      } finally {
        drawing.unlock();
      }
    }
  }

  /**
   * The number of steps done so far.
   *
   * @return the count
   */
  public long done() {
    return done.get();
  }

  /** Writes the summary line (and ends the redrawn line); later calls do nothing. */
  @Override
  public void close() {
    if (mode == Mode.SILENT) {
      return;
    }
    drawing.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      long now = clock.getAsLong();
      if (now - startNanos >= quiet) {
        draw(line(now, true), true);
      }
    } finally {
      drawing.unlock();
    }
  }

  private String line(long now, boolean last) {
    long n = done.get();
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    double rate = n / seconds;
    StringBuilder sb = new StringBuilder(task).append(": ");
    sb.append(String.format(Locale.ROOT, "%,d", n));
    if (total > 0) {
      sb.append(String.format(Locale.ROOT, "/%,d (%d%%)", total, Math.min(100, 100 * n / total)));
    }
    sb.append("  ").append(rate(rate)).append(' ').append(unit).append("/s");
    if (last) {
      sb.append("  done in ").append(duration(seconds));
    } else if (total > 0 && n > 0 && n < total) {
      sb.append("  ETA ").append(duration((total - n) / rate));
    }
    return sb.toString();
  }

  private void draw(String line, boolean last) {
    try {
      if (mode == Mode.TERMINAL) {
        String pad = " ".repeat(Math.max(0, lastWidth - line.length()));
        out.append('\r').append(line).append(pad);
        lastWidth = line.length();
        if (last) {
          out.append(System.lineSeparator());
        }
      } else {
        out.append(line).append(System.lineSeparator());
      }
      if (out instanceof Flushable f) {
        f.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String rate(double r) {
    return r >= 10 ? String.format(Locale.ROOT, "%,.0f", r) : String.format(Locale.ROOT, "%.1f", r);
  }

  /** {@code 12s}, {@code 3m05s}, {@code 2h03m}; tenths below 10 s. */
  static String duration(double seconds) {
    if (seconds < 10) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
