/** Probity examples module (see docs/ARCHITECTURE.md). */
package org.probity.examples;
