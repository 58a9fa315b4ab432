package org.probity.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One chain's draws as they travel back from an executor.
 *
 * @param names quantity names
 * @param values {@code [iteration][quantity]}
 * @param statNames sampler statistic names
 * @param stats {@code [iteration][statistic]}
 */
public record ChainDraws(List<String> names, double[][] values, List<String> statNames, double[][] stats)
    implements Serializable {
}
