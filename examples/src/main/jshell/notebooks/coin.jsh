// Notebook: one coin, three ways (exact enumeration, importance sampling, SMC and MCMC).
// Run: ./probity jshell examples/src/main/jshell/notebooks/coin.jsh   (then keep typing at the prompt)
// Each snippet is one line so the notebook test can replay it (NotebookTest).

// 1. A finite model is solved exactly: two fair coins, at least one head; P(first is a head)?
Prob<Boolean> twoCoins = sample(bernoulli(0.5)).flatMap(a -> sample(bernoulli(0.5)).flatMap(b -> condition(a || b).map(u -> a)));
Enumeration<Boolean> exact = Enumerator.enumerate(twoCoins);
System.out.println("P(first = head | at least one head) = " + exact.probability(true) + " (exactly 2/3)");

// 2. A coin of unknown bias p ~ Beta(2, 2) comes up heads 7 times in 10 flips: posterior Beta(9, 5).
List<Boolean> flips = List.of(true, true, false, true, true, true, false, true, false, true);
Prob<Real> coin = sample("p", beta(2, 2), p -> forEach(flips, flip -> observe(bernoulli(p), flip)).map(done -> p));
WeightedSample<Real> is = ImportanceSampling.run(coin, 20_000, 42);
System.out.println(is.summary("p (IS)", Real::value) + "   exact mean " + 9.0 / 14);

// 3. The same model by sequential Monte Carlo (one observation at a time, resampling as it goes).
SmcResult<Real> smc = Smc.run(coin, 5_000, 42);
System.out.println(smc.summary("p (SMC)", Real::value) + "   log evidence " + smc.logEvidence());

// 4. And by MCMC: 4 chains of single-site Metropolis-Hastings, with R-hat and ESS.
McmcResult<Real> mcmc = Mcmc.run(coin, Kernels.mh(), 42);
System.out.println(mcmc.summary());
