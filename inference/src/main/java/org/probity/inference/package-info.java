/** Probity inference module (see docs/ARCHITECTURE.md). */
package org.probity.inference;
