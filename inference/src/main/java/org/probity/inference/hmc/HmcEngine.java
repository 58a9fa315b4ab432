package org.probity.inference.hmc;

/** Which Hamiltonian kernel a run uses (cmdstan's {@code engine=nuts} or {@code engine=static}). */
public enum HmcEngine {
  /** The No-U-Turn sampler ({@link Nuts}), the default. */
  NUTS,
  /** Static HMC with a fixed integration time ({@link StaticHmc}). */
  STATIC
}
