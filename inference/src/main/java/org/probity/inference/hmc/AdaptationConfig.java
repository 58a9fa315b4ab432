package org.probity.inference.hmc;

/**
 * Settings of Stan's warm-up, with cmdstan's defaults ({@code adapt delta=0.8 gamma=0.05
 * kappa=0.75 t0=10 init_buffer=75 term_buffer=50 window=25}).
 *
 * @param delta target acceptance statistic of the step-size adaptation, in (0, 1)
 * @param gamma dual averaging regularisation scale, positive
 * @param kappa dual averaging relaxation exponent, positive
 * @param t0 dual averaging iteration offset, positive
 * @param initBuffer initial fast buffer (iterations), at least 0
 * @param termBuffer terminal fast buffer, at least 0
 * @param window first slow window, at least 1
 */
public record AdaptationConfig(double delta, double gamma, double kappa, double t0, int initBuffer,
    int termBuffer, int window) {

  /** Validates the settings. */
  public AdaptationConfig {
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("target acceptance delta must be in (0, 1), got " + delta);
    }
    if (!(gamma > 0) || !(kappa > 0) || !(t0 > 0)) {
      throw new IllegalArgumentException("dual averaging needs gamma, kappa, t0 > 0, got gamma = "
          + gamma + ", kappa = " + kappa + ", t0 = " + t0);
    }
    if (initBuffer < 0 || termBuffer < 0 || window < 1) {
      throw new IllegalArgumentException("adaptation needs init_buffer >= 0, term_buffer >= 0,"
          + " window >= 1; got " + initBuffer + ", " + termBuffer + ", " + window);
    }
  }

  /** cmdstan's defaults. */
  public static AdaptationConfig defaults() {
    return new AdaptationConfig(0.8, 0.05, 0.75, 10, AdaptationWindows.DEFAULT_INIT_BUFFER,
        AdaptationWindows.DEFAULT_TERM_BUFFER, AdaptationWindows.DEFAULT_BASE_WINDOW);
  }

  /** With this target acceptance statistic (raise it towards 1 against divergences). */
  public AdaptationConfig delta(double d) {
    return new AdaptationConfig(d, gamma, kappa, t0, initBuffer, termBuffer, window);
  }

  /** With these dual averaging parameters. */
  public AdaptationConfig dualAveraging(double g, double k, double t) {
    return new AdaptationConfig(delta, g, k, t, initBuffer, termBuffer, window);
  }

  /** With these window settings. */
  public AdaptationConfig windows(int init, int term, int base) {
    return new AdaptationConfig(delta, gamma, kappa, t0, init, term, base);
  }
}
