/** Named, constrained parameters and their gradients. */
package org.probity.vi.param;
