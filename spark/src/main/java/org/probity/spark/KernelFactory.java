package org.probity.spark;

import java.io.Serializable;
import org.probity.inference.mcmc.Kernel;

/**
 * An MCMC kernel that travels: builds the kernel on the executor (kernels hold adaptation state
 * and closures, so they are built where they run).
 *
 * @param <A> the model's return type
 */
@FunctionalInterface
public interface KernelFactory<A> extends Serializable {
  /** Builds the kernel. */
  Kernel<A> build();
}
