package org.probity.inference.tempered;

/**
 * What happened at one stage of tempered SMC: the population was reweighted from the previous
 * inverse temperature to {@code beta}, then resampled if its ESS fell below the threshold, then
 * moved by an MCMC kernel leaving the tempered target at {@code beta} invariant. Stage 0 is the
 * draw from the prior (beta 0: no reweighting, no move).
 *
 * @param index the stage number, 0 for the prior draw
 * @param beta the inverse temperature reached
 * @param ess Kish's effective sample size of the weights after reweighting, before resampling
 * @param resampled whether the population was resampled at this stage
 * @param logEvidence the estimate of log Z(beta), the log normalising constant of the tempered
 *     target after reweighting (at beta = 1, the model's log evidence)
 * @param acceptance the mean acceptance of the moves over the live particles (an MH kernel: the
 *     fraction of moves that changed the trace; HMC and NUTS: the mean acceptance statistic, Stan's
 *     {@code accept_stat__}); NaN when nothing moved
 * @param stepSize the HMC or NUTS step size used (NaN for other kernels)
 * @param divergences the number of divergent HMC or NUTS transitions
 */
public record Stage(int index, double beta, double ess, boolean resampled, double logEvidence, double acceptance,
    double stepSize, int divergences) {

  /** The record of the prior draw: stage 0 at beta 0. */
  static Stage prior(double ess, double logEvidence) {
    return new Stage(0, 0.0, ess, false, logEvidence, Double.NaN, Double.NaN, 0);
  }

  /** This stage, marked as resampled. */
  Stage resampledStage() {
    return new Stage(index, beta, ess, true, logEvidence, acceptance, stepSize, divergences);
  }

  /** This stage with the statistics of its moves. */
  Stage moved(double acceptance, double stepSize, int divergences) {
    return new Stage(index, beta, ess, resampled, logEvidence, acceptance, stepSize, divergences);
  }
}
