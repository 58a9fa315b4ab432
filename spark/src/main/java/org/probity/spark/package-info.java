/**
 * Scale-out on Apache Spark: the {@link org.probity.run.Runner} that runs indexed tasks
 * as Spark tasks, models shipped as serialisable factories, and the drivers for MCMC chains,
 * independent SMC and importance-sampling runs, SBC replications, per-group fits of a grouped
 * {@code DataFrame} and posterior predictive simulation.
 */
package org.probity.spark;
