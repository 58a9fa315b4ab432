/** Automatic Gaussian guides on a model's unconstrained space, and the vectorised Gaussian they use. */
package org.probity.vi.guides;
