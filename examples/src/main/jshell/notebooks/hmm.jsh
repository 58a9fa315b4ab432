// Notebook: filtering a hidden Markov model with a particle filter, checked by the forward algorithm.
// Run: ./probity jshell examples/src/main/jshell/notebooks/hmm.jsh
// Replayed by NotebookTest: a notebook that breaks fails the build.

// 1. Three hidden states with means -2, 0, 2; 50 observations simulated from the model.
double[] ys = org.probity.examples.HmmFilter.simulate(50, 3);

// 2. The state-space model: x[0] ~ init, x[t] ~ trans[x[t-1]], y[t] ~ Normal(mu[x[t]], 1).
double[][] trans = {{0.8, 0.15, 0.05}, {0.1, 0.8, 0.1}, {0.05, 0.15, 0.8}};
double[] mu = {-2, 0, 2};
Prob<Integer> hmm = stateSpace(categorical(0.5, 0.3, 0.2), (Integer x) -> categorical(trans[x]), (Integer x) -> normal(mu[x], 1)).observe(reals(ys));

// 3. The bootstrap particle filter: the filtering distribution of the last state, and the evidence.
SmcResult<Integer> filter = Smc.run(hmm, 5_000, 1);
System.out.println(filter);

// 4. The forward algorithm gives both exactly.
double[] logZ = new double[ys.length];
double[] exact = org.probity.examples.HmmFilter.forward(ys, logZ);
System.out.println("P(x[T] = 2): filter " + Rounded.of(filter.histogram().getOrDefault(2, 0.0)) + ", exact " + Rounded.of(exact[2]));
System.out.println("log evidence: filter " + Rounded.decimals(filter.logEvidence()) + ", exact " + Rounded.decimals(logZ[ys.length - 1]));
