package dev.tributary.adapters.ping.leader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketSetTest {

  @Test
  void fnv64aMatchesGosHashFnvNew64a() {
    // Published FNV-1a 64 test vectors.
    assertThat(BucketSet.fnv64a("")).isEqualTo(0xcbf29ce484222325L);
    assertThat(BucketSet.fnv64a("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(BucketSet.fnv64a("foobar")).isEqualTo(0x85944171f73967e8L);
  }

  @Test
  void oneBucketOwnsEverything() {
    BucketSet set = new BucketSet(List.of("only.00-of-01"));

    assertThat(set.owner("ns/a")).isEqualTo("only.00-of-01");
    assertThat(set.owner("other/b")).isEqualTo("only.00-of-01");
  }

  @Test
  void keysSpreadOverEveryBucketTheSameWayWhateverTheOrderOfNames() {
    List<String> names = List.of("c.00-of-03", "c.01-of-03", "c.02-of-03");
    BucketSet set = new BucketSet(names);
    BucketSet reordered = new BucketSet(List.of(names.get(2), names.get(0), names.get(1)));
    Map<String, Integer> counts = new HashMap<>();

    for (int i = 0; i < 3000; i++) {
      String key = "ns-" + (i % 7) + "/source-" + i;
      String owner = set.owner(key);
      assertThat(reordered.owner(key)).isEqualTo(owner);
      assertThat(set.owner(key)).as("stable").isEqualTo(owner);
      counts.merge(owner, 1, Integer::sum);
    }

    assertThat(counts).containsOnlyKeys(names);
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(600, 1400));
  }
}
