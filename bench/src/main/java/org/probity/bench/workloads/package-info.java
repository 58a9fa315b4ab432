/** The benchmark workloads: each pairs a Probity run with its hand-coded baseline on the same data. */
package org.probity.bench.workloads;
