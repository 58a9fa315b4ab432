package org.probity.inference.tempered;

import java.util.Objects;
import org.probity.inference.smc.Resampler;

/**
 * The settings of tempered SMC: the number of particles, the schedule of inverse temperatures,
 * the MCMC move and how many times it is applied per stage, the resampling scheme and the ESS
 * threshold below which a stage resamples (0: never, which is annealed importance sampling), the
 * most stages an adaptive schedule may take, and the seed.
 *
 * @param particles the number of particles, at least 1
 * @param schedule how the next inverse temperature is chosen
 * @param move the MCMC move of every stage
 * @param moves how many times the move is applied per particle per stage (0: no moves)
 * @param resampler the resampling scheme
 * @param resampleThreshold a stage resamples when its ESS is below this fraction of the particles,
 *     in [0, 1]; 1 resamples at every stage whose weights are not all equal, 0 never (AIS)
 * @param maxStages the most stages after the prior draw (an error beyond it)
 * @param seed the seed of the run
 */
public record TemperedConfig(int particles, Schedule schedule, Move move, int moves, Resampler resampler,
    double resampleThreshold, int maxStages, long seed) {
  /** Validates the settings. */
  public TemperedConfig {
    if (particles < 1) {
      throw new IllegalArgumentException("tempered SMC needs at least 1 particle, got " + particles);
    }
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(move, "move");
    Objects.requireNonNull(resampler, "resampler");
    if (moves < 0) {
      throw new IllegalArgumentException("the number of moves per stage must be non-negative, got " + moves);
    }
    if (!(resampleThreshold >= 0 && resampleThreshold <= 1)) {
      throw new IllegalArgumentException("the resampling ESS threshold must be in [0, 1], got " + resampleThreshold);
    }
    if (maxStages < 1) {
      throw new IllegalArgumentException("maxStages must be at least 1, got " + maxStages);
    }
  }

  /**
   * 1000 particles, the adaptive schedule at conditional ESS 0.5 n, 2 NUTS transitions per stage,
   * systematic resampling when the ESS is below 0.75 n, at most 1000 stages, seed 0. With the
   * adaptive schedule every intermediate stage then resamples (its ESS is 0.5 n after a resampled
   * stage) and the last one only if its ESS is low (resampling equal-ish weights only adds noise).
   */
  public static TemperedConfig defaults() {
    return new TemperedConfig(1000, Schedule.adaptive(0.5), Move.nuts(), 2, Resampler.SYSTEMATIC, 0.75, 1000, 0L);
  }

  /**
   * Annealed importance sampling (Neal 2001): the defaults with the given schedule and no
   * resampling, so each particle is an independent annealing run and its weight the product of its
   * incremental weights.
   */
  public static TemperedConfig ais(Schedule schedule) {
    return defaults().schedule(schedule).resampleThreshold(0.0);
  }

  /** With this number of particles. */
  public TemperedConfig particles(int n) {
    return new TemperedConfig(n, schedule, move, moves, resampler, resampleThreshold, maxStages, seed);
  }

  /** With this schedule. */
  public TemperedConfig schedule(Schedule s) {
    return new TemperedConfig(particles, s, move, moves, resampler, resampleThreshold, maxStages, seed);
  }

  /** With this move. */
  public TemperedConfig move(Move m) {
    return new TemperedConfig(particles, schedule, m, moves, resampler, resampleThreshold, maxStages, seed);
  }

  /** With this number of moves per stage. */
  public TemperedConfig moves(int n) {
    return new TemperedConfig(particles, schedule, move, n, resampler, resampleThreshold, maxStages, seed);
  }

  /** With this resampling scheme. */
  public TemperedConfig resampler(Resampler r) {
    return new TemperedConfig(particles, schedule, move, moves, r, resampleThreshold, maxStages, seed);
  }

  /** With this resampling ESS threshold (0: never resample, annealed importance sampling). */
  public TemperedConfig resampleThreshold(double t) {
    return new TemperedConfig(particles, schedule, move, moves, resampler, t, maxStages, seed);
  }

  /** With this bound on the number of stages. */
  public TemperedConfig maxStages(int n) {
    return new TemperedConfig(particles, schedule, move, moves, resampler, resampleThreshold, n, seed);
  }

  /** With this seed. */
  public TemperedConfig seed(long s) {
    return new TemperedConfig(particles, schedule, move, moves, resampler, resampleThreshold, maxStages, s);
  }
}
