package org.probity.inference.mcmc;

import org.probity.progress.Progress;

/**
 * The one progress line of a run's chains: nothing for a run that ends within a second; after
 * that, a {@link Progress} line (redrawn on a terminal, sparse lines otherwise, on stderr)
 * counting every chain's iterations, its rate and ETA measured from the start of the run.
 */
final class RunProgress implements AutoCloseable {
  private static final long DELAY_NANOS = 1_000_000_000L;
  private final long delay;
  private final Appendable out;
  private final Progress.Mode mode;
  private final String task;
  private final long total;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long done; // iterations before the line starts, guarded by this
  private volatile Progress progress;

  RunProgress(String task, long total, boolean enabled) {
    this(task, total, enabled, DELAY_NANOS, System.err,
        System.console() != null ? Progress.Mode.TERMINAL : Progress.Mode.PLAIN);
  }

  /** With the delay before the line appears, where it goes and how (for tests). */
  RunProgress(String task, long total, boolean enabled, long delayNanos, Appendable out, Progress.Mode mode) {
    this.task = task;
    this.total = total;
    this.enabled = enabled;
    this.delay = delayNanos;
    this.out = out;
    this.mode = mode;
  }

  /** One iteration of one chain done (any thread). */
  void advance() {
    if (!enabled) {
      return;
    }
    Progress p = progress;
    if (p != null) {
      p.step();
      return;
    }
    synchronized (this) {
      if (progress != null) {
        progress.step();
        return;
      }
      done++;
      long now = System.nanoTime();
      if (now - start >= delay) {
        // The line's clock starts at the run's start (its first reading), so rate and ETA count the whole run.
        boolean[] first = {true};
        Progress q = Progress.create(task, total, "it", mode, out, () -> {
              if (first[0]) {
                first[0] = false;
                return start;
              }
              return System.nanoTime();
            });
        q.advance(done);
        progress = q;
      }
    }
  }

  @Override
  public void close() {
    Progress p = progress;
    if (p != null) {
      p.close();
    }
  }
}
