/** Variational objectives as programs (ELBO, IWELBO, HVI, IWHVI, DIWHVI, RWS, VIMCO) and what they need of models and guides. */
package org.probity.vi.objectives;
