/** Probity proofs module (see docs/ARCHITECTURE.md). */
package org.probity.proofs;
