package org.probity.inference.mcmc;

import org.probity.core.ProbityException;

/**
 * Thrown by {@link Mcmc#run} when one chain fails: it names the chain (1-based, as in the
 * summary), the phase and iteration where it failed, and carries the chain's own exception as its
 * cause. The other chains are cancelled as soon as one fails.
 */
public class McmcChainException extends ProbityException {
  private static final long serialVersionUID = 1L;
  private final int chain;

  /**
   * The failure of chain {@code chain} (0-based).
   *
   * @param chain the chain's index, 0-based
   * @param where where it failed, e.g. {@code "in warm-up iteration 177"}
   * @param chains the number of chains of the run
   * @param cause the chain's exception
   */
  public McmcChainException(int chain, String where, int chains, Throwable cause) {
    super("MCMC chain " + (chain + 1) + " of " + chains + " failed " + where + ": " + cause.getClass().getSimpleName()
        + ": " + cause.getMessage());
    initCause(cause);
    this.chain = chain;
  }

  /** The failed chain's index, 0-based. */
  public int chain() {
    return chain;
  }
}
