/**
 * Progress reporting for long runs: {@link org.probity.progress.Progress}, one line with the
 * rate and the time left, shared by parallel chains.
 */
package org.probity.progress;
