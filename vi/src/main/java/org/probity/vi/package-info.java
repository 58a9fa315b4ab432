/** Probity vi module (see docs/ARCHITECTURE.md). */
package org.probity.vi;
