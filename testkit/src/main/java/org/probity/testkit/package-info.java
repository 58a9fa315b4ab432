/**
 * Probity's test kit, used by every module's tests above ppl-core (see docs/ARCHITECTURE.md): a
 * seeded property runner with greedy shrinking ({@link org.probity.testkit.Property},
 * {@link org.probity.testkit.Gen}, {@link org.probity.testkit.Shrinker},
 * {@link org.probity.testkit.Tries}); the generator of finite programs
 * ({@code org.probity.testkit.programs}); and the exact-law checks over ppl-core types
 * ({@code org.probity.testkit.laws}).
 */
package org.probity.testkit;
