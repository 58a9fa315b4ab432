package org.probity.examples;

import static org.probity.Probity.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Prob;
import org.probity.dist.Categorical;
import org.probity.random.Rngs;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;

/**
 * The occasionally dishonest casino (Durbin, Eddy, Krogh and Mitchison, "Biological Sequence
 * Analysis", 1998, section 3.2): a fair die (1..6 equally likely) and a loaded one (a six half
 * the time) swapped now and then,
 *
 * <pre>
 *   die[1] ~ (fair 1/2, loaded 1/2),  die[t] ~ TRANS[die[t-1]]   (fair -&gt; loaded 0.05, loaded -&gt; fair 0.1)
 *   roll[t] ~ EMIT[die[t]]
 * </pre>
 *
 * The model returns the whole die sequence; its smoothing marginals P(die[t] = loaded | all
 * rolls) come from the forward-backward algorithm ({@link #smooth}) and, on a short sequence,
 * exactly from the Enumerator on the program itself (the test checks they agree to 1e-12).
 * Arguments: [rolls (default 200)] [seed (default 1)].
 */
@Example(name = "casino", description = "Occasionally dishonest casino HMM: smoothing by forward-backward, checked exactly by enumeration")
public final class CasinoHmm {
  /** Fair (0) and loaded (1). */
  static final double[] INIT = {0.5, 0.5};
  static final double[][] TRANS = {{0.95, 0.05}, {0.1, 0.9}};
  /** Probabilities of the faces 1..6 (index 0..5). */
  static final double[][] EMIT = {{1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0}, {0.1, 0.1, 0.1, 0.1, 0.1, 0.5}};

  private CasinoHmm() {
  }

  /**
   * Dice and rolls drawn from the model.
   *
   * @param t the number of rolls
   * @param seed the seed
   * @return {dice, rolls (faces 0..5)}
   */
  public static int[][] simulate(int t, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    int[] dice = new int[t];
    int[] rolls = new int[t];
    int d = categorical(INIT).sample(rng);
    for (int i = 0; i < t; i++) {
      if (i > 0) {
        d = categorical(TRANS[d]).sample(rng);
      }
      dice[i] = d;
      rolls[i] = categorical(EMIT[d]).sample(rng);
    }
    return new int[][] {dice, rolls};
  }

  /**
   * The model: the dice sequence given the rolls (faces 0..5).
   *
   * @param rolls the rolls
   * @return the model, returning the dice (0 fair, 1 loaded)
   */
  public static Prob<List<Integer>> casino(int[] rolls) {
    Categorical[] trans = {categorical(TRANS[0]), categorical(TRANS[1])};
    Categorical[] emit = {categorical(EMIT[0]), categorical(EMIT[1])};
    return sample("die.1", categorical(INIT)).flatMap(d -> observe(emit[d], rolls[0]).flatMap(u ->
        from(1, d, List.of(d), rolls, trans, emit)));
  }

  private static Prob<List<Integer>> from(int t, int prev, List<Integer> dice, int[] rolls, Categorical[] trans,
      Categorical[] emit) {
    if (t == rolls.length) {
      return pure(dice);
    }
    return sample("die." + (t + 1), trans[prev]).flatMap(d -> observe(emit[d], rolls[t]).flatMap(u -> {
      List<Integer> next = new ArrayList<>(dice);
      next.add(d);
      return from(t + 1, d, next, rolls, trans, emit);
    }));
  }

  /**
   * Forward-backward: P(die[t] = loaded | all rolls) for every t.
   *
   * @param rolls the rolls (faces 0..5)
   * @return the smoothing marginals of the loaded die
   */
  public static double[] smooth(int[] rolls) {
    int n = rolls.length;
    double[][] alpha = new double[n][2];
    for (int t = 0; t < n; t++) {
      double s = 0;
      for (int j = 0; j < 2; j++) {
        double prior = t == 0 ? INIT[j] : alpha[t - 1][0] * TRANS[0][j] + alpha[t - 1][1] * TRANS[1][j];
        alpha[t][j] = prior * EMIT[j][rolls[t]];
        s += alpha[t][j];
      }
      alpha[t][0] /= s;
      alpha[t][1] /= s;
    }
    double[] beta = {1, 1};
    double[] loaded = new double[n];
    for (int t = n - 1; t >= 0; t--) {
      double f = alpha[t][0] * beta[0];
      double l = alpha[t][1] * beta[1];
      loaded[t] = l / (f + l);
      if (t > 0) {
        double[] b = new double[2];
        for (int i = 0; i < 2; i++) {
          for (int j = 0; j < 2; j++) {
            b[i] += TRANS[i][j] * EMIT[j][rolls[t]] * beta[j];
          }
        }
        double s = b[0] + b[1];
        beta = new double[] {b[0] / s, b[1] / s};
      }
    }
    return loaded;
  }

  /**
   * The smoothing marginals of the loaded die exactly, by enumerating the program (2^n paths).
   *
   * @param rolls a short sequence of rolls
   * @return P(die[t] = loaded | all rolls) for every t
   */
  public static double[] smoothByEnumeration(int[] rolls) {
    Enumeration<List<Integer>> e = Enumerator.enumerate(casino(rolls));
    double[] loaded = new double[rolls.length];
    for (int t = 0; t < rolls.length; t++) {
      int at = t;
      loaded[t] = e.expectation(dice -> dice.get(at));
    }
    return loaded;
  }

  /**
   * Prints the rolls, the true dice and the smoothed dice (L where P(loaded) &gt; 1/2).
   *
   * @param args [rolls] [seed]
   */
  public static void main(String[] args) {
    Args cli = Args.of("casino", args, "rolls: number of rolls (default 200)", "seed: random seed (default 1)");
    if (cli.help()) {
      return;
    }
    int[][] sim = simulate(cli.positiveInt(0, 200), cli.longValue(1, 1));
    double[] p = smooth(sim[1]);
    StringBuilder rolls = new StringBuilder();
    StringBuilder truth = new StringBuilder();
    StringBuilder guess = new StringBuilder();
    int right = 0;
    for (int t = 0; t < p.length; t++) {
      rolls.append(sim[1][t] + 1);
      truth.append(sim[0][t] == 1 ? 'L' : 'F');
      guess.append(p[t] > 0.5 ? 'L' : 'F');
      right += (p[t] > 0.5) == (sim[0][t] == 1) ? 1 : 0;
    }
    for (int s = 0; s < p.length; s += 60) {
      int e = Math.min(p.length, s + 60);
      System.out.println("rolls    " + rolls.substring(s, e));
      System.out.println("die      " + truth.substring(s, e));
      System.out.println("smoothed " + guess.substring(s, e));
      System.out.println();
    }
    System.out.printf(java.util.Locale.ROOT, "smoothing (forward-backward) gets %d of %d dice right%n", right, p.length);
    int[] first = java.util.Arrays.copyOf(sim[1], Math.min(12, p.length));
    System.out.println("first " + first.length + " rolls, P(loaded) by enumerating the program: "
        + org.probity.semantics.Rounded.of(smoothByEnumeration(first)));
  }
}
