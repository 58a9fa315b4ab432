// Probity's JShell startup (./probity jshell): the modelling API at the first prompt, e.g.
//   var m = sample(normal(0, 1));
//   Sampler.run(m, 42)
import static org.probity.Probity.*;
import org.probity.ad.Real;
import org.probity.core.*;
import org.probity.dist.*;
import org.probity.semantics.*;
// JShell's default startup imports java.util.*, whose Enumeration would make ours ambiguous.
import org.probity.semantics.Enumeration;
