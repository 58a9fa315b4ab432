package org.probity.inference.hmc;

/**
 * Settings of an HMC run, with cmdstan's defaults: 4 chains, 1000 warm-up iterations (adapting),
 * 1000 kept draws per chain, NUTS with maximum tree depth 10 and divergence threshold 1000, initial
 * step size 1, a diagonal metric starting at the identity, Stan's adaptation
 * ({@link AdaptationConfig#defaults()}), initial points uniform on (-2, 2). Chain c uses the
 * generator split from (seed, c); threads 0 means one per chain up to the number of processors;
 * results do not depend on it.
 *
 * @param chains number of chains, at least 1
 * @param warmup warm-up iterations per chain, at least 0 (0: no adaptation, the initial step size
 *     and the identity metric are used as they are)
 * @param draws kept draws per chain, at least 1
 * @param seed the seed
 * @param threads worker threads, at least 0 (0: automatic)
 * @param engine NUTS or static HMC
 * @param maxDepth NUTS's maximum tree depth, at least 1
 * @param maxDeltaH NUTS's divergence threshold on the energy error, positive
 * @param integrationTime static HMC's integration time, positive
 * @param stepSize the initial step size, positive
 * @param metric the kind of metric (diagonal or dense)
 * @param adaptation the warm-up settings
 * @param initRadius initial points uniform on (-initRadius, initRadius), at least 0
 * @param saveWarmup whether to keep the warm-up draws (their transitions are always kept)
 * @param stepSizeJitter Stan's {@code stepsize_jitter}, in [0, 1] (default 0): each transition
 *     uses the step size times a uniform draw from (1 - jitter, 1 + jitter)
 */
public record HmcConfig(int chains, int warmup, int draws, long seed, int threads, HmcEngine engine,
    int maxDepth, double maxDeltaH, double integrationTime, double stepSize, MetricKind metric,
    AdaptationConfig adaptation, double initRadius, boolean saveWarmup, double stepSizeJitter) {

  /** Validates the settings. */
  public HmcConfig {
    if (chains < 1 || warmup < 0 || draws < 1 || threads < 0) {
      throw new IllegalArgumentException("HMC needs chains >= 1, warmup >= 0, draws >= 1,"
          + " threads >= 0; got chains " + chains + ", warmup " + warmup + ", draws " + draws
          + ", threads " + threads);
    }
    if (engine == null || metric == null || adaptation == null) {
      throw new IllegalArgumentException("engine, metric and adaptation must not be null");
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maximum tree depth must be >= 1, got " + maxDepth);
    }
    if (!(maxDeltaH > 0)) {
      throw new IllegalArgumentException("divergence threshold must be positive, got " + maxDeltaH);
    }
    if (!(integrationTime > 0) || Double.isInfinite(integrationTime)) {
      throw new IllegalArgumentException("integration time must be finite and positive, got "
          + integrationTime);
    }
    if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
      throw new IllegalArgumentException("step size must be finite and positive, got " + stepSize);
    }
    if (!(stepSizeJitter >= 0 && stepSizeJitter <= 1)) {
      throw new IllegalArgumentException("step-size jitter must be in [0, 1], got " + stepSizeJitter);
    }
    if (!(initRadius >= 0) || Double.isInfinite(initRadius)) {
      throw new IllegalArgumentException("initialisation radius must be finite and >= 0, got "
          + initRadius);
    }
  }

  /** cmdstan's defaults with seed 0. */
  public static HmcConfig defaults() {
    return new HmcConfig(4, 1000, 1000, 0L, 0, HmcEngine.NUTS, Nuts.DEFAULT_MAX_DEPTH,
        Nuts.DEFAULT_MAX_DELTA_H, StaticHmc.DEFAULT_INTEGRATION_TIME, 1.0, MetricKind.DIAGONAL,
        AdaptationConfig.defaults(), InitialPoint.DEFAULT_RADIUS, false, 0.0);
  }

  /** With this number of chains. */
  public HmcConfig chains(int n) {
    return new HmcConfig(n, warmup, draws, seed, threads, engine, maxDepth, maxDeltaH,
        integrationTime, stepSize, metric, adaptation, initRadius, saveWarmup, stepSizeJitter);
  }

  /** With this number of warm-up iterations. */
  public HmcConfig warmup(int n) {
    return new HmcConfig(chains, n, draws, seed, threads, engine, maxDepth, maxDeltaH,
        integrationTime, stepSize, metric, adaptation, initRadius, saveWarmup, stepSizeJitter);
  }

  /** With this number of kept draws per chain. */
  public HmcConfig draws(int n) {
    return new HmcConfig(chains, warmup, n, seed, threads, engine, maxDepth, maxDeltaH,
        integrationTime, stepSize, metric, adaptation, initRadius, saveWarmup, stepSizeJitter);
  }

  /** With this seed. */
  public HmcConfig seed(long s) {
    return new HmcConfig(chains, warmup, draws, s, threads, engine, maxDepth, maxDeltaH,
        integrationTime, stepSize, metric, adaptation, initRadius, saveWarmup, stepSizeJitter);
  }

  /** With this number of threads (0: automatic). */
  public HmcConfig threads(int n) {
    return new HmcConfig(chains, warmup, draws, seed, n, engine, maxDepth, maxDeltaH,
        integrationTime, stepSize, metric, adaptation, initRadius, saveWarmup, stepSizeJitter);
  }

  /** With this engine. */
  public HmcConfig engine(HmcEngine e) {
    return new HmcConfig(chains, warmup, draws, seed, threads, e, maxDepth, maxDeltaH,
        integrationTime, stepSize, metric, adaptation, initRadius, saveWarmup, stepSizeJitter);
  }

  /** With this maximum tree depth for NUTS. */
  public HmcConfig maxDepth(int d) {
    return new HmcConfig(chains, warmup, draws, seed, threads, engine, d, maxDeltaH,
        integrationTime, stepSize, metric, adaptation, initRadius, saveWarmup, stepSizeJitter);
  }

  /** With this divergence threshold for NUTS. */
  public HmcConfig maxDeltaH(double h) {
    return new HmcConfig(chains, warmup, draws, seed, threads, engine, maxDepth, h,
        integrationTime, stepSize, metric, adaptation, initRadius, saveWarmup, stepSizeJitter);
  }

  /** Static HMC with this integration time. */
  public HmcConfig staticHmc(double t) {
    return new HmcConfig(chains, warmup, draws, seed, threads, HmcEngine.STATIC, maxDepth, maxDeltaH,
        t, stepSize, metric, adaptation, initRadius, saveWarmup, stepSizeJitter);
  }

  /** With this initial step size. */
  public HmcConfig stepSize(double e) {
    return new HmcConfig(chains, warmup, draws, seed, threads, engine, maxDepth, maxDeltaH,
        integrationTime, e, metric, adaptation, initRadius, saveWarmup, stepSizeJitter);
  }

  /** With this kind of metric. */
  public HmcConfig metric(MetricKind k) {
    return new HmcConfig(chains, warmup, draws, seed, threads, engine, maxDepth, maxDeltaH,
        integrationTime, stepSize, k, adaptation, initRadius, saveWarmup, stepSizeJitter);
  }

  /** With these adaptation settings. */
  public HmcConfig adaptation(AdaptationConfig a) {
    return new HmcConfig(chains, warmup, draws, seed, threads, engine, maxDepth, maxDeltaH,
        integrationTime, stepSize, metric, a, initRadius, saveWarmup, stepSizeJitter);
  }

  /** With this target acceptance statistic (Stan's {@code adapt delta}). */
  public HmcConfig delta(double d) {
    return adaptation(adaptation.delta(d));
  }

  /** With this initialisation radius. */
  public HmcConfig initRadius(double r) {
    return new HmcConfig(chains, warmup, draws, seed, threads, engine, maxDepth, maxDeltaH,
        integrationTime, stepSize, metric, adaptation, r, saveWarmup, stepSizeJitter);
  }

  /** Keeping the warm-up draws or not. */
  public HmcConfig saveWarmup(boolean on) {
    return new HmcConfig(chains, warmup, draws, seed, threads, engine, maxDepth, maxDeltaH,
        integrationTime, stepSize, metric, adaptation, initRadius, on, stepSizeJitter);
  }

  /**
   * With this step-size jitter (Stan's {@code stepsize_jitter}): every transition, warm-up
   * included, uses the (nominal or adapted) step size times a uniform draw from
   * (1 - jitter, 1 + jitter); 0 (the default) uses it as it is and draws nothing.
   */
  public HmcConfig stepSizeJitter(double jitter) {
    return new HmcConfig(chains, warmup, draws, seed, threads, engine, maxDepth, maxDeltaH,
        integrationTime, stepSize, metric, adaptation, initRadius, saveWarmup, jitter);
  }
}
