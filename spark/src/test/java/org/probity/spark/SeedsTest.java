package org.probity.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.probity.random.Rngs;
import org.probity.testkit.Gen;
import org.probity.testkit.Property;
import org.probity.testkit.Shrinker;

/** The seed arithmetic that lets a piece of a run reproduce its place in the whole run. */
class SeedsTest {
  private static final Gen<long[]> TRIPLES = (rng, size) -> new long[] {rng.nextLong(), rng.nextInt(1 << 20),
      rng.nextInt(1000)};

  @Test
  void unmixInvertsMix() {
    Property.forAll(TRIPLES, Shrinker.none(), 500, 1, t -> Seeds.unmix64(Rngs.mix64(t[0])) == t[0]);
  }

  @Test
  void childJOfTheOffsetSeedIsChildKPlusJ() {
    Property.forAll(TRIPLES, Shrinker.none(), 500, 2,
        t -> Rngs.childSeed(Seeds.offset(t[0], t[1]), t[2]) == Rngs.childSeed(t[0], t[1] + t[2]));
    assertEquals(Rngs.childSeed(5, 0), Rngs.childSeed(Seeds.offset(5, 0), 0));
  }

  @Test
  void aGroupsIndexDependsOnItsKeyAlone() {
    assertEquals(Seeds.keyIndex("store-17"), Seeds.keyIndex(new String("store-17")));
    org.junit.jupiter.api.Assertions.assertNotEquals(Seeds.keyIndex("store-17"), Seeds.keyIndex("store-18"));
  }
}
