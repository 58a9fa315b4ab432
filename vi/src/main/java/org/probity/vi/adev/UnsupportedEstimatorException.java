package org.probity.vi.adev;

import org.probity.core.UnsupportedConstructException;

/**
 * A gradient estimator applied where it has no meaning: REPARAM on a distribution without a
 * reparameterised draw, ENUM on an infinite support, MVD on a family without a measure-valued
 * derivative. The message names the estimator, the address and the distribution.
 */
public class UnsupportedEstimatorException extends UnsupportedConstructException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public UnsupportedEstimatorException(String message) {
    super(message);
  }
}
