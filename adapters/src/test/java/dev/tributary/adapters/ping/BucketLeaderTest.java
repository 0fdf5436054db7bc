package dev.tributary.adapters.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.adapters.ping.checkpoint.CheckpointStore;
import dev.tributary.adapters.ping.checkpoint.SourceCheckpoint;
import dev.tributary.adapters.schedule.Tick;
import dev.tributary.api.cron.CronParser;
import dev.tributary.runtime.KvLog;
import dev.tributary.runtime.RecordingLogSink;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tick checkpoint protocol of {@link BucketLeader} over an in-memory compare-and-swap store:
 * each tick is claimed once even by two replicas that both believe they lead, and a new leader
 * sends exactly the ticks its predecessor left.
 */
class BucketLeaderTest {

  static final String KEY = "ns/every-second";
  static final String UID = "uid-1";
  static final Instant T0 = Instant.parse("2026-11-29T17:00:00Z");

  final MemoryStore store = new MemoryStore();
  final MutableClock clock = new MutableClock(T0.plusMillis(300));
  final ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
  final List<BucketLeader> leaders = new ArrayList<>();

  @AfterEach
  void stopLeaders() {
    leaders.forEach(BucketLeader::stop);
  }

  @Test
  void twoReplicasThatBothBelieveTheyLeadNeverClaimTheSameTick() throws Exception {
    BucketLeader a = leader("a", (key, t) -> sent("a", key, t));
    BucketLeader b = leader("b", (key, t) -> sent("b", key, t));
    a.start(List.of(scheduled()), Map.of(KEY, UID)).get(10, TimeUnit.SECONDS);
    b.start(List.of(scheduled()), Map.of(KEY, UID)).get(10, TimeUnit.SECONDS);

    for (int i = 1; i <= 20; i++) {
      Tick tick = new Tick(KEY, T0.plusSeconds(i));
      a.admit(tick);
      b.admit(tick);
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> sentTicks().size() >= 20);
    await().during(Duration.ofMillis(500)).until(() -> sent.size() == 20);
    assertThat(sentTicks()).hasSize(20).containsExactlyInAnyOrderElementsOf(ticks(1, 20));
  }

  @Test
  void aNewLeaderSendsExactlyTheTicksItsPredecessorDidNotClaim() throws Exception {
    BucketLeader a = leader("a", (key, t) -> sent("a", key, t));
    a.start(List.of(scheduled()), Map.of(KEY, UID)).get(10, TimeUnit.SECONDS);
    for (int i = 1; i <= 3; i++) {
      a.admit(new Tick(KEY, T0.plusSeconds(i)));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 3);
    a.quiesce().get(10, TimeUnit.SECONDS);
    a.admit(new Tick(KEY, T0.plusSeconds(4))); // fires while stopping: left to the successor
    a.finish().get(10, TimeUnit.SECONDS);
    assertThat(store.load().sources().get(KEY).pending()).isEmpty();

    clock.set(T0.plusSeconds(6).plusMillis(200));
    BucketLeader b = leader("b", (key, t) -> sent("b", key, t));
    b.start(List.of(scheduled()), Map.of(KEY, UID)).get(10, TimeUnit.SECONDS);
    b.admit(new Tick(KEY, T0.plusSeconds(6))); // the scheduler also fired it: not sent twice
    b.admit(new Tick(KEY, T0.plusSeconds(7)));

    await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() >= 7);
    await().during(Duration.ofMillis(500)).until(() -> sent.size() == 7);
    assertThat(sent)
        .containsExactly(
            "a " + T0.plusSeconds(1),
            "a " + T0.plusSeconds(2),
            "a " + T0.plusSeconds(3),
            "b " + T0.plusSeconds(4),
            "b " + T0.plusSeconds(5),
            "b " + T0.plusSeconds(6),
            "b " + T0.plusSeconds(7));
  }

  @Test
  void aTickWhoseSendNeverEndedIsSentAgainByTheNextLeader() throws Exception {
    Promise<Boolean> stuck = Promise.promise(); // the leader dies during this send
    BucketLeader a =
        leader(
            "a",
            (key, t) -> {
              sent.add("a " + t);
              return t.equals(T0.plusSeconds(2)) ? stuck.future() : Future.succeededFuture(true);
            });
    a.start(List.of(scheduled()), Map.of(KEY, UID)).get(10, TimeUnit.SECONDS);
    a.admit(new Tick(KEY, T0.plusSeconds(1)));
    a.admit(new Tick(KEY, T0.plusSeconds(2)));
    await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 2);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> store.load().sources().get(KEY).pending().equals(Set.of(T0.plusSeconds(2))));
    a.stop(); // crashed: nothing more is written

    clock.set(T0.plusSeconds(3).plusMillis(100));
    BucketLeader b = leader("b", (key, t) -> sent("b", key, t));
    b.start(List.of(scheduled()), Map.of(KEY, UID)).get(10, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() >= 4);
    assertThat(sent)
        .containsExactly(
            "a " + T0.plusSeconds(1),
            "a " + T0.plusSeconds(2),
            "b " + T0.plusSeconds(2),
            "b " + T0.plusSeconds(3));
  }

  @Test
  void aRecreatedSourceDoesNotInheritTheOldOnesTicks() throws Exception {
    store.seed(KEY, new SourceCheckpoint("old-uid", T0, new java.util.TreeSet<>()));
    clock.set(T0.plusSeconds(3).plusMillis(100));
    BucketLeader b = leader("b", (key, t) -> sent("b", key, t));

    b.start(List.of(scheduled()), Map.of(KEY, UID)).get(10, TimeUnit.SECONDS);

    assertThat(store.load().sources()).doesNotContainKey(KEY);
    assertThat(sent).isEmpty();
  }

  private BucketLeader leader(String name, BucketLeader.Releaser releaser) {
    BucketLeader leader =
        new BucketLeader(
            "bucket",
            store,
            releaser,
            clock,
            new BucketLeader.CatchUp(Duration.ofMinutes(1), 120),
            Duration.ofMillis(50),
            new KvLog(new RecordingLogSink()));
    leaders.add(leader);
    return leader;
  }

  private Future<Boolean> sent(String leader, String key, Instant tick) {
    assertThat(key).isEqualTo(KEY);
    sent.add(leader + " " + tick);
    return Future.succeededFuture(true);
  }

  private List<Instant> sentTicks() {
    return sent.stream().map(s -> Instant.parse(s.substring(2))).collect(Collectors.toList());
  }

  private static List<Instant> ticks(int from, int to) {
    List<Instant> ticks = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      ticks.add(T0.plusSeconds(i));
    }
    return ticks;
  }

  private static BucketLeader.Scheduled scheduled() throws Exception {
    return new BucketLeader.Scheduled(
        KEY, UID, CronParser.KNATIVE.parse("*/1 * * * * *"), ZoneOffset.UTC);
  }

  /** A checkpoint in memory, with the ConfigMap's compare-and-swap. */
  static final class MemoryStore implements CheckpointStore {
    private long version = 1;
    private Map<String, SourceCheckpoint> sources = Map.of();

    @Override
    public String key() {
      return "memory";
    }

    @Override
    public synchronized Snapshot load() {
      return new Snapshot(Long.toString(version), sources);
    }

    @Override
    public synchronized Snapshot write(String resourceVersion, Map<String, SourceCheckpoint> next)
        throws ConflictException {
      if (!resourceVersion.equals(Long.toString(version))) {
        throw new ConflictException("at " + version + ", not " + resourceVersion, null);
      }
      version++;
      sources = Map.copyOf(next);
      return load();
    }

    synchronized void seed(String key, SourceCheckpoint checkpoint) {
      sources = Map.of(key, checkpoint);
      version++;
    }
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
