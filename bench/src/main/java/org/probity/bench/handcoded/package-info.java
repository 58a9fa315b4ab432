/** Hand-written Java versions of the benchmarked algorithms: arrays and a generator, no Probity types. */
package org.probity.bench.handcoded;
