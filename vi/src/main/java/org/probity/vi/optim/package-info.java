/** Stochastic-gradient optimisers, learning-rate schedules and the optimisation loop. */
package org.probity.vi.optim;
