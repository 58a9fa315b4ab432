package org.probity.examples;

import static org.probity.Probity.*;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;
import org.probity.random.Rngs;

/**
 * A small item-response model, the Rasch (one-parameter logistic) model of students answering
 * test items (Rasch 1960; Gelman and Hill 2007, section 14.3):
 *
 * <pre>
 *   theta[j] ~ Normal(0, 1)     the ability of student j
 *   b[k] ~ Normal(0, 2)         the difficulty of item k
 *   correct[j, k] ~ Bernoulli(logistic(theta[j] - b[k]))
 *   p[k] = logistic(-b[k])      (returned: the chance that an average student gets item k right)
 * </pre>
 *
 * by NUTS on synthetic answers. Arguments: [students (default 60)] [seed (default 1)].
 */
@Example(name = "irt", description = "Rasch item-response model: abilities and item difficulties from right/wrong answers; NUTS recovers the truth")
public final class ItemResponse {
  /** The item difficulties the answers are drawn with. */
  public static final double[] DIFFICULTY = {-1.5, -1.0, -0.5, 0.0, 0.3, 0.8, 1.2, 2.0};

  private ItemResponse() {
  }

  /** The derived quantities: p[k], the chance that a student of ability 0 answers item k right. */
  public record Derived(double[] p) {
  }

  /**
   * Answers drawn from the model: abilities from Normal(0, 1), the difficulties {@link #DIFFICULTY}.
   *
   * @param students the number of students
   * @param seed the seed
   * @return correct[j][k]
   */
  public static boolean[][] synthetic(int students, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    boolean[][] y = new boolean[students][DIFFICULTY.length];
    for (int j = 0; j < students; j++) {
      double theta = g.sample();
      for (int k = 0; k < DIFFICULTY.length; k++) {
        y[j][k] = rng.nextDouble() < 1 / (1 + Math.exp(-(theta - DIFFICULTY[k])));
      }
    }
    return y;
  }

  /**
   * The Rasch model of the answers.
   *
   * @param correct correct[j][k]: whether student j answered item k right
   * @return the model
   */
  public static Prob<Derived> rasch(boolean[][] correct) {
    int students = correct.length;
    int items = correct[0].length;
    return model(m -> {
      Real[] theta = m.sample("theta", normal(0, 1).vector(students));
      Real[] b = m.sample("b", normal(0, 2).vector(items));
      for (int j = 0; j < students; j++) {
        for (int k = 0; k < items; k++) {
          m.observe(bernoulliLogit(theta[j].minus(b[k])), correct[j][k]);
        }
      }
      double[] p = new double[items];
      for (int k = 0; k < items; k++) {
        p[k] = 1 / (1 + Math.exp(b[k].value()));
      }
      return new Derived(p);
    });
  }

  /**
   * NUTS.
   *
   * @param correct the answers
   * @param config chains, warm-up, draws and seed
   * @return the draws (columns theta.j, b.k, p.k)
   */
  public static McmcResult<Derived> run(boolean[][] correct, McmcConfig config) {
    return Mcmc.run(rasch(correct), config);
  }

  /**
   * Prints the difficulties' summary rows and the warnings.
   *
   * @param args [students] [seed]
   */
  public static void main(String[] args) {
    Args cli = Args.of("irt", args, "students: number of students (default 60)", "seed: random seed (default 1)");
    if (cli.help()) {
      return;
    }
    long seed = cli.longValue(1, 1);
    McmcResult<Derived> r = run(synthetic(cli.positiveInt(0, 60), seed), McmcConfig.defaults().seed(seed));
    System.out.println("true difficulties: " + java.util.Arrays.toString(DIFFICULTY));
    System.out.print(r);
  }
}
