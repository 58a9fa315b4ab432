/**
 * Run drivers behind one interface: a {@link org.probity.run.Runner} runs n independent indexed
 * tasks, each a pure function of (seed, index), and returns their results in index order.
 * {@link org.probity.run.InProcessRunner} runs them on this JVM's cores (MCMC chains, SBC
 * replications); the {@code spark} module's runner runs them as Spark tasks, with the same numbers.
 */
package org.probity.run;
