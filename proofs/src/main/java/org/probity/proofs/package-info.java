/**
 * Probity proofs module: the property suites (its tests) stating theorems about the semantics,
 * the handlers and the inference algorithms, checked on generated programs with the test kit
 * ({@code org.probity.testkit}); see proofs/README.md and docs/ARCHITECTURE.md.
 */
package org.probity.proofs;
