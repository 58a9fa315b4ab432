/** Seeded, splittable random number generation (Commons RNG). */
package org.probity.random;
