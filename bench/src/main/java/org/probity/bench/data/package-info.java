/** Benchmark data sets: readers for shared/bench-data and seeded generators. */
package org.probity.bench.data;
