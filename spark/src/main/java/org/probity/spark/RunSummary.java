package org.probity.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What one independent SMC or importance-sampling run sends back: its log evidence, effective
 * sample size, and the posterior mean and sd of each statistic.
 *
 * @param index the run's index
 * @param logEvidence the run's estimate of log p(y)
 * @param ess the effective sample size of its final weights
 * @param names the statistics' names
 * @param means their weighted means
 * @param sds their weighted standard deviations
 */
public record RunSummary(int index, double logEvidence, double ess, List<String> names, double[] means, double[] sds)
    implements Serializable {
}
