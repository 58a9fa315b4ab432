/**
 * Generated finite probabilistic programs: their syntax ({@link org.probity.testkit.programs.Program},
 * {@link org.probity.testkit.programs.Expr}, {@link org.probity.testkit.programs.FiniteDist}), the
 * generator and shrinker, and the compiler to core programs. Every generated program has finitely
 * many paths, so the Enumerator gives its exact law.
 */
package org.probity.testkit.programs;
