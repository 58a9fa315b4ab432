package org.probity.inference.mcmc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.probity.core.Address;

/**
 * Settings of an MCMC run: number of chains (default 4), warm-up iterations (default 1000, not
 * kept; adaptive kernels adapt during them), kept draws per chain (default 1000), thinning
 * (default 1: keep every iteration; {@code thin} k runs k kernel steps per kept draw), the seed
 * (chain c uses the generator split from (seed, c)), the number of threads (0: one per chain up to
 * the number of processors; results do not depend on it), progress (one line on stderr for all
 * chains, shown once a run has lasted a second; default on), the number of attempts to find a
 * starting trace (default 100), initial values by address (default none), and the radius of
 * Stan's uniform initialisation on the unconstrained scale (default 2).
 *
 * @param chains number of chains, at least 1
 * @param warmup warm-up iterations per chain, at least 0
 * @param samples kept draws per chain, at least 1
 * @param thin kernel steps per kept draw, at least 1
 * @param seed the seed
 * @param threads worker threads, at least 0 (0: automatic)
 * @param progress whether to show progress
 * @param maxInitAttempts attempts to find a starting trace, at least 1
 * @param inits initial values by address, on the constrained scale (a {@code double} or
 *     {@code Real} for a scalar site, a {@code double[]} or {@code Real[]} for a vector site, an
 *     {@code Integer} or {@code Boolean} for a discrete one); the other sites are initialised by
 *     the kernel's rule
 * @param initRadius the half-width of Stan's uniform initialisation, at least 0 (0: the
 *     unconstrained origin)
 * @param chainInits initial values of each chain, by address (empty: none; else one map per chain,
 *     overriding {@code inits} at the addresses it names), as Stan's per-chain init files
 */
public record McmcConfig(int chains, int warmup, int samples, int thin, long seed, int threads, boolean progress,
    int maxInitAttempts, Map<Address, Object> inits, double initRadius, List<Map<Address, Object>> chainInits) {
  /** Validates the settings and copies the initial values. */
  public McmcConfig {
    if (chains < 1 || warmup < 0 || samples < 1 || thin < 1 || threads < 0 || maxInitAttempts < 1
        || !(initRadius >= 0) || Double.isInfinite(initRadius)) {
      throw new IllegalArgumentException("MCMC settings need chains >= 1, warmup >= 0, samples >= 1, thin >= 1,"
          + " threads >= 0, maxInitAttempts >= 1, 0 <= initRadius < inf; got chains " + chains + ", warmup " + warmup
          + ", samples " + samples + ", thin " + thin + ", threads " + threads + ", maxInitAttempts "
          + maxInitAttempts + ", initRadius " + initRadius);
    }
    if (inits == null) {
      throw new IllegalArgumentException("initial values must not be null (an empty map for none)");
    }
    inits = Collections.unmodifiableMap(new LinkedHashMap<>(inits));
    if (chainInits == null) {
      throw new IllegalArgumentException("per-chain initial values must not be null (an empty list for none)");
    }
    List<Map<Address, Object>> copies = new ArrayList<>(chainInits.size());
    for (Map<Address, Object> m : chainInits) {
      if (m == null) {
        throw new IllegalArgumentException("per-chain initial values: a chain's map is null (an empty map for none)");
      }
      copies.add(Collections.unmodifiableMap(new LinkedHashMap<>(m)));
    }
    chainInits = Collections.unmodifiableList(copies);
  }

  /**
   * The initial values of chain {@code c}: {@link #inits}, overridden by the chain's own map when
   * per-chain values are given.
   *
   * @param c the chain's index, from 0
   * @return the chain's initial values by address (empty: the kernel's own initialisation)
   * @throws IllegalArgumentException if per-chain values are given for another number of chains
   */
  public Map<Address, Object> initsFor(int c) {
    if (chainInits.isEmpty()) {
      return inits;
    }
    if (chainInits.size() != chains) {
      throw new IllegalArgumentException("per-chain initial values: " + chainInits.size() + " maps for " + chains
          + " chains (give one per chain)");
    }
    if (inits.isEmpty()) {
      return chainInits.get(c);
    }
    Map<Address, Object> m = new LinkedHashMap<>(inits);
    m.putAll(chainInits.get(c));
    return Collections.unmodifiableMap(m);
  }

  /**
   * 4 chains, 1000 warm-up, 1000 draws, no thinning, seed 0, automatic threads, progress, 100 attempts, radius 2.
   *
   * @return the default configuration
   */
  public static McmcConfig defaults() {
    return new McmcConfig(4, 1000, 1000, 1, 0L, 0, true, 100, Map.of(), 2.0, List.of());
  }

  /**
   * With this number of chains.
   *
   * @param n the number of chains, at least 1
   * @return a copy with that number of chains
   */
  public McmcConfig chains(int n) {
    return new McmcConfig(n, warmup, samples, thin, seed, threads, progress, maxInitAttempts, inits, initRadius, chainInits);
  }

  /**
   * With this number of warm-up iterations.
   *
   * @param n the number of warm-up iterations per chain, at least 0
   * @return a copy with that warm-up
   */
  public McmcConfig warmup(int n) {
    return new McmcConfig(chains, n, samples, thin, seed, threads, progress, maxInitAttempts, inits, initRadius, chainInits);
  }

  /**
   * With this number of kept draws per chain.
   *
   * @param n the number of kept draws per chain, at least 1
   * @return a copy with that number of draws
   */
  public McmcConfig samples(int n) {
    return new McmcConfig(chains, warmup, n, thin, seed, threads, progress, maxInitAttempts, inits, initRadius, chainInits);
  }

  /**
   * With this thinning period.
   *
   * @param k keep every k-th iteration, at least 1
   * @return a copy with that thinning period
   */
  public McmcConfig thin(int k) {
    return new McmcConfig(chains, warmup, samples, k, seed, threads, progress, maxInitAttempts, inits, initRadius, chainInits);
  }

  /**
   * With this seed.
   *
   * @param s the seed of the run (each chain's stream is derived from it)
   * @return a copy with that seed
   */
  public McmcConfig seed(long s) {
    return new McmcConfig(chains, warmup, samples, thin, s, threads, progress, maxInitAttempts, inits, initRadius, chainInits);
  }

  /**
   * With this number of threads (0: automatic).
   *
   * @param n the number of threads, 0 for one per available processor up to the number of chains
   * @return a copy with that number of threads
   */
  public McmcConfig threads(int n) {
    return new McmcConfig(chains, warmup, samples, thin, seed, n, progress, maxInitAttempts, inits, initRadius, chainInits);
  }

  /**
   * With or without the progress line on stderr.
   *
   * @param on whether to report progress on stderr
   * @return a copy with progress on or off
   */
  public McmcConfig progress(boolean on) {
    return new McmcConfig(chains, warmup, samples, thin, seed, threads, on, maxInitAttempts, inits, initRadius, chainInits);
  }

  /**
   * With this number of attempts to find a valid start.
   *
   * @param n the number of attempts, at least 1
   * @return a copy with that number of attempts
   */
  public McmcConfig maxInitAttempts(int n) {
    return new McmcConfig(chains, warmup, samples, thin, seed, threads, progress, n, inits, initRadius, chainInits);
  }

  /**
   * With this radius of the uniform initialisation on the unconstrained scale.
   *
   * @param r the radius, finite and positive
   * @return a copy with that radius
   */
  public McmcConfig initRadius(double r) {
    return new McmcConfig(chains, warmup, samples, thin, seed, threads, progress, maxInitAttempts, inits, r, chainInits);
  }

  /**
   * With these initial values for every chain, by address: an {@link Address} or its printed form
   * ({@code "mu"}, {@code "theta[2]"}) to the value on the constrained scale.
   *
   * @param values initial values by address or address text, on the constrained scale
   * @return a copy with those initial values
   */
  public McmcConfig inits(Map<?, ?> values) {
    return new McmcConfig(chains, warmup, samples, thin, seed, threads, progress, maxInitAttempts, byAddress(values),
        initRadius, chainInits);
  }

  /**
   * With initial values for each chain (Stan's per-chain inits): one map per chain, in chain
   * order, by {@link Address} or its printed form; a chain's map overrides {@link #inits} at the
   * addresses it names, and sites in neither are initialised by the kernel's rule. The number of
   * maps must equal the number of chains when the run starts.
   *
   * @param perChain one map of initial values per chain, in chain order
   * @return a copy with those per-chain initial values
   * @throws IllegalArgumentException if the list or one of its maps is null, or a key is not an address
   */
  public McmcConfig chainInits(List<? extends Map<?, ?>> perChain) {
    if (perChain == null) {
      throw new IllegalArgumentException("per-chain initial values must not be null");
    }
    List<Map<Address, Object>> ms = new ArrayList<>(perChain.size());
    for (Map<?, ?> values : perChain) {
      if (values == null) {
        throw new IllegalArgumentException("per-chain initial values: a chain's map is null (an empty map for none)");
      }
      ms.add(byAddress(values));
    }
    return new McmcConfig(chains, warmup, samples, thin, seed, threads, progress, maxInitAttempts, inits, initRadius, ms);
  }

  private static Map<Address, Object> byAddress(Map<?, ?> values) {
    Map<Address, Object> m = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      Address a = k instanceof Address ad ? ad : k instanceof String s ? Address.parse(s) : null;
      if (a == null || v == null) {
        throw new IllegalArgumentException("initial values are given by Address or address text, not null; got "
            + k + " = " + v);
      }
      m.put(a, v);
    });
    return m;
  }
}
