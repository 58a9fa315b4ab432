package org.probity.examples;

import static org.probity.Probity.*;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.probity.core.Prob;
import org.probity.dist.Empirical;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;

/**
 * Scalar implicature in the Rational Speech Act model (Goodman and Frank, "Pragmatic language
 * interpretation as probabilistic inference", Trends in Cognitive Sciences 2016; the WebPPL
 * version in "Probabilistic language understanding", problang.org, chapter 1): a model that
 * reasons about another model. Of three cookies, 0 to 3 were eaten (uniform prior). A literal
 * listener conditions the prior on the literal meaning of "none", "some" or "all"; a speaker
 * chooses an utterance with probability proportional to the literal listener's probability of the
 * true state to the power alpha (here {@code observe} of the literal listener's exact posterior,
 * an {@link Enumeration} used as a distribution); the pragmatic listener inverts the speaker. On
 * hearing "some" the pragmatic listener believes "not all": P(3 | "some") = 1/9 (with alpha = 1)
 * although "some" is literally true of 3.
 *
 * <p>Each nested inference is exact ({@link Enumerator}) and, being a pure function of its
 * argument, cached in a Java map (WebPPL writes {@code mem(Infer(...))} for the same purpose).
 */
@Example(name = "implicature", description = "Scalar implicature (RSA): a listener reasoning about a speaker reasoning about a listener; nested exact inference")
public final class ScalarImplicature {
  /** The numbers of cookies eaten. */
  public static final List<Integer> STATES = List.of(0, 1, 2, 3);
  /** The utterances. */
  public static final List<String> UTTERANCES = List.of("none", "some", "all");

  private final double alpha;
  private final Map<String, Enumeration<Integer>> literal = new ConcurrentHashMap<>();
  private final Map<Integer, Enumeration<String>> speakers = new ConcurrentHashMap<>();

  /**
   * The model with speaker rationality {@code alpha}.
   *
   * @param alpha the speaker's rationality (1: probability matching; large: always the best utterance)
   */
  public ScalarImplicature(double alpha) {
    if (!(alpha > 0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("scalar implicature: alpha must be positive and finite, got " + alpha);
    }
    this.alpha = alpha;
  }

  /**
   * Whether {@code utterance} is literally true when {@code state} cookies were eaten.
   *
   * @param utterance "none", "some" or "all"
   * @param state the number eaten, 0 to 3
   * @return the literal meaning
   */
  public static boolean meaning(String utterance, int state) {
    return switch (utterance) {
      case "none" -> state == 0;
      case "some" -> state > 0;
      case "all" -> state == 3;
      default -> throw new IllegalArgumentException("unknown utterance " + utterance);
    };
  }

  /**
   * The literal listener: the prior over states conditioned on the utterance being true.
   *
   * @param utterance what was said
   * @return the model of the state
   */
  public Prob<Integer> literalListener(String utterance) {
    return sample("state", uniformDraw(STATES), state -> condition(meaning(utterance, state)).map(u -> state));
  }

  /**
   * The speaker who saw {@code state}: an utterance from the uniform prior, weighted by the literal
   * listener's probability of the state to the power alpha.
   *
   * @param state the number eaten
   * @return the model of the utterance
   */
  public Prob<String> speaker(int state) {
    return sample("utterance", uniformDraw(UTTERANCES), utterance -> {
      Empirical<Integer> heard = literal(utterance).asDistribution();
      Prob<?> weigh = alpha == 1 ? observe(heard, state) : factor(alpha * heard.logDensity(state));
      return weigh.map(u -> utterance);
    });
  }

  /**
   * The pragmatic listener: the prior over states, weighted by the probability that the speaker
   * who saw the state says {@code utterance}.
   *
   * @param utterance what was said
   * @return the model of the state
   */
  public Prob<Integer> pragmaticListener(String utterance) {
    return sample("state", uniformDraw(STATES), state ->
        observe(speakerDistribution(state), utterance).map(u -> state));
  }

  /**
   * The literal listener's exact posterior (cached).
   *
   * @param utterance what was said
   * @return the exact distribution of the state
   */
  public Enumeration<Integer> literal(String utterance) {
    return literal.computeIfAbsent(utterance, u -> Enumerator.enumerate(literalListener(u)));
  }

  /**
   * The speaker's exact distribution of utterances (cached).
   *
   * @param state the number eaten
   * @return the exact distribution of the utterance
   */
  public Empirical<String> speakerDistribution(int state) {
    return speakers.computeIfAbsent(state, s -> Enumerator.enumerate(speaker(s))).asDistribution();
  }

  /**
   * The pragmatic listener's exact posterior.
   *
   * @param utterance what was said
   * @return the exact distribution of the state
   */
  public Enumeration<Integer> interpret(String utterance) {
    return Enumerator.enumerate(pragmaticListener(utterance));
  }

  /**
   * Prints the literal and the pragmatic interpretations of "some" and "all".
   *
   * @param args the speaker's rationality alpha, a positive integer (default 1)
   */
  public static void main(String[] args) {
    Args a = Args.of("implicature", args, "alpha: the speaker's rationality, a positive integer (default 1)");
    if (a.help()) {
      return;
    }
    ScalarImplicature model = new ScalarImplicature(a.positiveInt(0, 1));
    System.out.println("Scalar implicature (RSA), alpha = " + model.alpha + ", exact nested enumeration");
    for (String u : List.of("some", "all")) {
      Enumeration<Integer> lit = model.literal(u);
      Enumeration<Integer> prag = model.interpret(u);
      System.out.printf("  \"%s\": literal listener %s%n", u, row(lit));
      System.out.printf("  \"%s\": pragmatic listener %s%n", u, row(prag));
    }
  }

  private static String row(Enumeration<Integer> e) {
    StringBuilder sb = new StringBuilder();
    for (int s : STATES) {
      sb.append(String.format(" P(%d)=%.4f", s, e.probability(s)));
    }
    return sb.toString();
  }
}
