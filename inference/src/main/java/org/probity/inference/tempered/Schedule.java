package org.probity.inference.tempered;

import java.util.Arrays;

/**
 * How tempered SMC chooses its next inverse temperature from the current population: a fixed
 * sequence 0 &lt; beta_1 &lt; ... &lt; beta_T = 1, or adaptively, the largest increment that keeps
 * the conditional ESS at a fraction of the particles (Zhou, Johansen and Aston, "Toward automatic
 * model comparison: an adaptive sequential Monte Carlo approach", JCGS 2016).
 *
 * <p>With a fixed schedule and fixed kernels the evidence estimate is unbiased (Del Moral, Doucet
 * and Jasra 2006); an adaptive schedule depends on the particles, which makes it consistent as the
 * number of particles grows but not exactly unbiased (Beskos, Jasra, Kantas and Thiery, "On the
 * convergence of adaptive sequential Monte Carlo methods", AAP 2016).
 */
@FunctionalInterface
public interface Schedule {
  /** The next inverse temperature, in (beta, 1], for a population at inverse temperature beta &lt; 1. */
  double next(TemperedPopulation<?> population);

  /**
   * The fixed schedule {@code betas}: strictly increasing values in (0, 1] ending at 1 (the
   * starting 0 is implicit; a leading 0 is allowed and skipped).
   *
   * @throws IllegalArgumentException naming the offending value otherwise
   */
  static Schedule fixed(double... betas) {
    return new Fixed(betas);
  }

  /** The fixed schedule k / stages, k = 1..stages. */
  static Schedule linear(int stages) {
    if (stages < 1) {
      throw new IllegalArgumentException("a linear schedule needs at least 1 stage, got " + stages);
    }
    double[] b = new double[stages];
    for (int k = 1; k <= stages; k++) {
      b[k - 1] = k == stages ? 1.0 : (double) k / stages;
    }
    return new Fixed(b);
  }

  /**
   * The fixed geometric schedule from {@code first} to 1 in {@code stages} stages, beta_k =
   * first^((stages - k) / (stages - 1)), the spacing Neal (2001) recommends for annealed importance
   * sampling when the likelihood is concentrated.
   */
  static Schedule geometric(int stages, double first) {
    if (stages < 2) {
      throw new IllegalArgumentException("a geometric schedule needs at least 2 stages, got " + stages);
    }
    if (!(first > 0 && first < 1)) {
      throw new IllegalArgumentException("a geometric schedule starts in (0, 1), got " + first);
    }
    double[] b = new double[stages];
    for (int k = 1; k <= stages; k++) {
      b[k - 1] = k == stages ? 1.0 : Math.pow(first, (double) (stages - k) / (stages - 1));
    }
    return new Fixed(b);
  }

  /**
   * The adaptive schedule: the next inverse temperature is found by bisection so that the
   * conditional ESS of the incremental weights equals {@code fraction} times the number of
   * particles, or is 1 when the whole remaining increment keeps it above that ({@link
   * ConditionalEss#nextBeta}).
   *
   * @param fraction the target conditional ESS as a fraction of the particles, in (0, 1)
   */
  static Schedule adaptive(double fraction) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("adaptive schedule: the conditional ESS fraction must be in (0, 1), got "
          + fraction);
    }
    return new Schedule() {
      @Override
      public double next(TemperedPopulation<?> population) {
        return ConditionalEss.nextBeta(population, fraction);
      }

      @Override
      public String toString() {
        return "adaptive(conditional ESS " + fraction + " n)";
      }
    };
  }

  /** A fixed schedule. */
  final class Fixed implements Schedule {
    private final double[] betas;

    Fixed(double[] betas) {
      double[] b = betas.length > 0 && betas[0] == 0.0 ? Arrays.copyOfRange(betas, 1, betas.length) : betas.clone();
      if (b.length == 0) {
        throw new IllegalArgumentException("a fixed schedule needs at least the final inverse temperature 1");
      }
      double prev = 0;
      for (int k = 0; k < b.length; k++) {
        if (!(b[k] > prev && b[k] <= 1)) {
          throw new IllegalArgumentException("a fixed schedule must increase strictly in (0, 1]: beta " + b[k]
              + " at position " + k + " follows " + prev + " in " + Arrays.toString(betas));
        }
        prev = b[k];
      }
      if (prev != 1.0) {
        throw new IllegalArgumentException("a fixed schedule must end at 1, got " + prev);
      }
      this.betas = b;
    }

    /** The inverse temperatures after 0, ending at 1 (a copy). */
    public double[] betas() {
      return betas.clone();
    }

    @Override
    public double next(TemperedPopulation<?> population) {
      double beta = population.beta();
      for (double b : betas) {
        if (b > beta) {
          return b;
        }
      }
      throw new IllegalArgumentException("the schedule has no inverse temperature above " + beta);
    }

    @Override
    public String toString() {
      return "fixed" + Arrays.toString(betas);
    }
  }
}
