// Notebook: when did the rate of coal-mining disasters change? (British mines, 1851-1962)
// Run: ./probity jshell examples/src/main/jshell/notebooks/changepoint.jsh
// Replayed by NotebookTest: a notebook that breaks fails the build.

// 1. The yearly counts, from the CSV inside the examples jar (read with Data.csv).
int[] counts = org.probity.examples.CoalMiningChangepoint.data();
System.out.println(counts.length + " years, " + java.util.Arrays.stream(counts).sum() + " disasters");

// 2. The model (switch year s uniform, Exponential(1) rates before and after), written so that SMC
//    sees one observation per year; see CoalMiningChangepoint.model for its dozen lines.
var model = org.probity.examples.CoalMiningChangepoint.model(counts);

// 3. SMC with 2,000 particles: the log evidence, the final ESS and any warnings.
var smc = Smc.run(model, 2_000, 1);
System.out.println(smc);

// 4. The switch year, against the exact answer by conjugacy.
double year = smc.expectation(cp -> cp.year());
var exact = org.probity.examples.CoalMiningChangepoint.exact(counts);
double exactYear = 0;
for (int s = 0; s < counts.length; s++) exactYear += exact.switchpointPosterior()[s] * (1851 + s);
System.out.println("E[last early year] = " + Rounded.of(year) + " (exact " + Rounded.of(exactYear) + ")");
System.out.println("log evidence " + Rounded.decimals(smc.logEvidence()) + " (exact " + Rounded.decimals(exact.logEvidence()) + ")");
