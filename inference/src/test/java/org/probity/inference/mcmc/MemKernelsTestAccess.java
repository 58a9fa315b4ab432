package org.probity.inference.mcmc;

import org.probity.core.Prob;

/** The memoised test model of {@link MemKernelsTest}, for the tests of other packages. */
public final class MemKernelsTestAccess {
  private MemKernelsTestAccess() {
  }

  /** {@link MemKernelsTest#groups()}. */
  public static Prob<Integer> groups() {
    return MemKernelsTest.groups();
  }
}
