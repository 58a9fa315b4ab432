/** The workload abstraction shared by the harness and the workloads: what a benchmark runs and what one run reports. */
package org.probity.bench.api;
