package org.probity.examples;

import static org.probity.Probity.*;

import org.probity.core.Prob;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;

/**
 * The sprinkler network (Russell and Norvig, "Artificial Intelligence: A Modern Approach", ch. 14):
 * cloudy -> sprinkler, cloudy -> rain, (sprinkler, rain) -> wet grass; given wet grass, the exact
 * posterior by enumeration.
 */
@Example(name = "sprinkler", description = "Sprinkler/rain/wet-grass Bayesian network; exact posterior by enumeration")
public final class Sprinkler {
  private Sprinkler() {
  }

  /** One joint state of the three hidden variables. */
  public record World(boolean cloudy, boolean sprinkler, boolean rain) {
  }

  /** P(wet grass | sprinkler, rain). */
  public static double wetGrass(boolean sprinkler, boolean rain) {
    if (sprinkler && rain) {
      return 0.99;
    }
    return sprinkler || rain ? 0.90 : 0.0;
  }

  /** The network, conditioned on the grass being wet. */
  public static Prob<World> model() {
    return sample(bernoulli(0.5), cloudy ->
        sample(bernoulli(cloudy ? 0.1 : 0.5), sprinkler ->
        sample(bernoulli(cloudy ? 0.8 : 0.2), rain ->
        observe(bernoulli(wetGrass(sprinkler, rain)), true, () ->
        pure(new World(cloudy, sprinkler, rain))))));
  }

  /** The exact posterior over worlds given wet grass. */
  public static Enumeration<World> posterior() {
    return Enumerator.enumerate(model());
  }

  /** Prints the exact posterior marginals and the evidence P(wet grass). */
  public static void main(String[] args) {
    if (Args.of("sprinkler", args).help()) {
      return;
    }
    Enumeration<World> post = posterior();
    System.out.println("Sprinkler network, given wet grass (exact, by enumeration):");
    System.out.printf("  P(rain      | wet) = %.6f%n", post.probabilityOf(World::rain));
    System.out.printf("  P(sprinkler | wet) = %.6f%n", post.probabilityOf(World::sprinkler));
    System.out.printf("  P(cloudy    | wet) = %.6f%n", post.probabilityOf(World::cloudy));
    System.out.printf("  P(wet)             = %.6f%n", post.evidence());
  }
}
