/**
 * Composable effect handlers in the manner of Pyro's and NumPyro's (Bingham et al., JMLR 2019):
 * each is a small {@link org.probity.core.Messenger} applied to a program with a
 * {@link org.probity.core.Handled} node, so the handled program is an ordinary program that every
 * interpreter runs. {@link org.probity.handlers.Handlers} is the facade.
 */
package org.probity.handlers;
