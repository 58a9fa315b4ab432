package org.probity.bench.api;

import java.nio.file.Path;
import java.util.List;

/**
 * One benchmark workload: a model, an algorithm and a list of problem sizes. For a size it
 * prepares an {@link Instance} on fixed data (read from a data directory or generated from a seed)
 * whose Probity run and hand-coded run use the same algorithm, proposal and number of steps.
 */
public interface Workload {
  /** The workload's name, e.g. {@code hmm-smc}. */
  String name();

  /** The algorithm, e.g. {@code smc-systematic}. */
  String algorithm();

  /** The sizes to run; {@code quick} gives a smaller, faster set. */
  List<String> sizes(boolean quick);

  /** Prepares the data for {@code size}: read from {@code dataDir} when it is not null, else generated. */
  Instance prepare(String size, Path dataDir);

  /** A prepared problem: the two systems' runs on the same data. */
  interface Instance {
    /** Probity's run with {@code seed}. */
    RunResult probity(long seed);

    /** The hand-coded run with {@code seed}. */
    RunResult handcoded(long seed);
  }
}
