/** Probity bench module (see docs/ARCHITECTURE.md). */
package org.probity.bench;
