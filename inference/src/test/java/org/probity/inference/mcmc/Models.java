package org.probity.inference.mcmc;

import static org.probity.Probity.*;

import org.probity.core.Prob;

/** Small finite models for exact kernel checks, with stochastic control flow. */
final class Models {
  private Models() {
  }

  /**
   * b ~ Bernoulli(0.4); if b then x ~ Categorical(0.2, 0.5, 0.3) else { x ~ Bernoulli(0.7);
   * y ~ Bernoulli(0.3) }, with observations that depend on the branch.
   */
  static Prob<Integer> branching() {
    return sample("b", bernoulli(0.4)).flatMap(b -> b
        ? sample("x", categorical(0.2, 0.5, 0.3)).flatMap(x ->
            observe(bernoulli(0.15 + 0.3 * x), true).then(() -> pure(x)))
        : sample("x", bernoulli(0.7)).flatMap(x -> sample("y", bernoulli(0.3)).flatMap(y ->
            observe(bernoulli(x && y ? 0.9 : 0.25), true).then(() -> pure(x ? 10 : 20)))));
  }

  /**
   * The support of x shrinks with b, so an old value may be invalid under the new distribution:
   * b ~ Bernoulli(0.5); x ~ b ? Categorical(3) : Categorical(2); anonymous z ~ Bernoulli, and
   * an independent pair of anonymous coins; observations on all.
   */
  static Prob<Integer> shrinking() {
    return sample("b", bernoulli(0.5)).flatMap(b ->
        sample("x", b ? categorical(0.3, 0.3, 0.4) : categorical(0.6, 0.4)).flatMap(x ->
            sample(bernoulli(b ? 0.8 : 0.3)).flatMap(z ->
                independent(2, i -> sample(bernoulli(0.2 + 0.5 * i))).flatMap(pair ->
                    observe(bernoulli(0.05 + 0.15 * x + (z ? 0.3 : 0.0) + (pair.get(0) ? 0.1 : 0) + (pair.get(1) ? 0.2 : 0)), true)
                        .then(() -> pure(x + (z ? 3 : 0)))))));
  }
}
