package dev.tributary.adapters.ping.leader;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which bucket owns a key, as knative.dev/pkg's {@code hash.BucketSet.Owner} decides it (its
 * consistent subset choice with a subset of one), so that replicas of this adapter and of
 * upstream's agree on the split of {@code namespace/name} keys between leases.
 *
 * <p>The choice: with {@code universe} = 2048, every bucket name gets the angle {@code fnv64a(name
 * + key) mod universe} (on a collision, the hash's lower-case hex is appended to the hashed text
 * and it is hashed again); the key gets a start angle {@code fnv64a(key + "start-angle-salt") mod
 * universe}; the owner is the bucket with the smallest angle ≥ the start, wrapping round to the
 * smallest. Upstream resolves collisions in map order; here in name order. A collision happens for
 * about one key in a thousand with ten buckets, and only then could the two disagree.
 *
 * <p>Immutable and thread-safe.
 */
public final class BucketSet {

  private static final int UNIVERSE = 1 << 11;
  private static final String START_SALT = "start-angle-salt";
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final List<String> names;

  /** The set of {@code names} (at least one). */
  public BucketSet(List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a bucket set needs at least one bucket");
    }
    this.names = List.copyOf(new TreeSet<>(names));
  }

  /** The bucket names, sorted. */
  public List<String> names() {
    return names;
  }

  /** The bucket owning {@code key} ({@code namespace/name}). */
  public String owner(String key) {
    Objects.requireNonNull(key, "key");
    if (names.size() == 1) {
      return names.get(0);
    }
    int start = (int) Long.remainderUnsigned(fnv64a(key + START_SALT), UNIVERSE);
    Map<Integer, String> byAngle = new HashMap<>();
    for (String name : names) {
      StringBuilder text = new StringBuilder(name).append(key);
      long hash = fnv64a(text.toString());
      int angle = (int) Long.remainderUnsigned(hash, UNIVERSE);
      while (byAngle.containsKey(angle)) {
        text.append(Long.toHexString(hash));
        hash = fnv64a(text.toString());
        angle = (int) Long.remainderUnsigned(hash, UNIVERSE);
      }
      byAngle.put(angle, name);
    }
    int[] angles = byAngle.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    int index = Arrays.binarySearch(angles, start);
    if (index < 0) {
      index = -index - 1;
    }
    if (index == angles.length) {
      index = 0;
    }
    return byAngle.get(angles[index]);
  }

  /** 64-bit FNV-1a over the UTF-8 bytes of {@code text}, as Go's {@code hash/fnv.New64a}. */
  static long fnv64a(String text) {
    long hash = FNV_OFFSET;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= (b & 0xff);
      hash *= FNV_PRIME;
    }
    return hash;
  }
}
