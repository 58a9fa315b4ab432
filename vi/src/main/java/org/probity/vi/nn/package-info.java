/** Small neural networks on the tape (one block per layer) for amortised guides and decoders. */
package org.probity.vi.nn;
