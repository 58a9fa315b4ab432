/**
 * ADEV (Lew et al., POPL 2023) on Probity programs: {@link org.probity.vi.adev.Adev} turns an
 * objective program into an estimator program, each random choice estimated by an
 * {@link org.probity.vi.adev.Estimator} that sees the choice and its continuation;
 * {@link org.probity.vi.adev.Expectation} is an expected value as a value.
 */
package org.probity.vi.adev;
