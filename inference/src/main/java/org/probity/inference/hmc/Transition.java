package org.probity.inference.hmc;

/**
 * What one HMC or NUTS transition reports, with Stan's definitions of its sampler parameters.
 *
 * @param stepSize the step size used ({@code stepsize__})
 * @param treeDepth NUTS: the depth of the trajectory's tree, 2^depth - 1 or fewer leapfrog steps
 *     ({@code treedepth__}); static HMC: 0
 * @param nLeapfrog the number of leapfrog steps taken, rejected subtrees included ({@code n_leapfrog__})
 * @param divergent whether the energy error exceeded the divergence threshold (1000 by default)
 *     during the trajectory, which then stopped ({@code divergent__}; never for static HMC, as in Stan)
 * @param energy the Hamiltonian at the returned point, with its momentum ({@code energy__})
 * @param acceptStat NUTS: the mean over all trajectory points of min(1, exp(H0 - H)); static HMC:
 *     the Metropolis acceptance probability ({@code accept_stat__})
 * @param logDensity log p at the returned point ({@code lp__})
 */
public record Transition(double stepSize, int treeDepth, int nLeapfrog, boolean divergent,
    double energy, double acceptStat, double logDensity) {
}
