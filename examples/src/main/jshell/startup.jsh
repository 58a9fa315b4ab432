// Probity's JShell startup (./probity jshell, ./probity run notebook.jsh): the whole public API
// at the first prompt, e.g.
//   var m = sample(normal(0, 1));
//   Sampler.run(m, 42)
// Modelling: the facade, numbers, programs, distributions, bijections, interpreters.
import static org.probity.Probity.*;
import org.probity.ad.Real;
import org.probity.core.*;
import org.probity.dist.*;
import org.probity.bijection.*;
import org.probity.semantics.*;
// Traces, selections of addresses, predictive draws; Pyro-style handlers (condition, substitute, ...).
import org.probity.trace.*;
import org.probity.handlers.*;
// JShell's default startup imports java.util.*, whose Enumeration would make ours ambiguous.
import org.probity.semantics.Enumeration;
// Data input: Data.csv(path), Data.json(path); Factor is the data one (core's is a program node).
import org.probity.data.*;
import org.probity.data.Factor;
// Inference: SMC, MCMC and their combinations; tempered SMC and AIS for the evidence of static models.
import org.probity.inference.smc.*;
import org.probity.inference.mcmc.*;
import org.probity.inference.composite.*;
import org.probity.inference.tempered.*;
// NUTS and static HMC (Mcmc.run(model, seed) uses NUTS for continuous models).
import org.probity.inference.hmc.*;
// Diagnostics and exports: summaries, R-hat and ESS, Warnings, StanCsv, ArvizJson.
import org.probity.inference.diagnostics.*;
// Plots: Plots.trace(draws, "mu").save(Path.of("mu.png")).
import org.probity.inference.plots.*;
import org.probity.progress.Progress;
// Variational inference: Vi.elbo(model, guide), Optimize.maximize(...), ParamStore, estimators, guides.
// (Schedule is both tempered SMC's and the optimisers' learning-rate one: write its package.)
import org.probity.vi.Vi;
import org.probity.vi.adev.*;
import org.probity.vi.objectives.*;
import org.probity.vi.optim.*;
import org.probity.vi.param.*;
import org.probity.vi.guides.*;
import org.probity.vi.nn.*;
