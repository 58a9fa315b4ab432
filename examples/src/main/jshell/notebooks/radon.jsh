// Notebook: a hierarchical regression from a CSV file (radon-style varying intercepts).
// Run: ./probity jshell examples/src/main/jshell/notebooks/radon.jsh   (then keep typing at the prompt)
// Replayed by NotebookTest: a notebook that breaks fails the build.

// 1. Data: a CSV with a county name, a floor (0 basement, 1 first floor) and log radon.
//    Data.csv(path) reads a file; here the copy inside the examples jar.
Data d = Data.csv(new java.io.InputStreamReader(org.probity.examples.Radon.class.getResourceAsStream("radon.csv")), "radon.csv");
Factor county = d.factor("county");        // names -> codes 1..J, the names kept in county.levels()
double[] floor = d.doubles("floor");
double[] y = d.doubles("log_radon");
int J = county.k();
int[] c = county.zeroBasedCodes();
System.out.println(y.length + " houses, counties " + county.levels());

// 2. The model, one line per parameter (non-centred county intercepts a[j] = mu_a + sigma_a z[j]).
Prob<Real[]> radon = model(m -> {
    Real muA = m.sample("mu_a", normal(0, 5));
    Real sigmaA = m.sample("sigma_a", halfNormal(1));
    Real[] z = m.sample("z", normal(0, 1).vector(J));
    Real beta = m.sample("beta", normal(0, 2));
    Real sigmaY = m.sample("sigma_y", halfNormal(1));
    Real[] a = new Real[J];
    for (int j = 0; j < J; j++) a[j] = muA.plus(sigmaA.times(z[j]));
    m.plate("log_radon", y, i -> normal(a[c[i]].plus(beta.times(floor[i])), sigmaY));
    return a;
});

// 3. NUTS (the default for a continuous model), 4 chains; the summary table ends with the warnings.
McmcResult<Real[]> fit = Mcmc.run(radon, McmcConfig.defaults().warmup(300).samples(300).seed(1));
System.out.println(fit);

// 4. The returned intercepts are the columns value.1 .. value.J; a county's posterior mean:
double a1 = fit.summary().row("value.1").orElseThrow().mean();
System.out.println(county.level(1) + ": intercept " + Rounded.of(a1));
