package dev.tributary.adapters.ping;

import dev.tributary.adapters.ping.leader.BucketSet;
import dev.tributary.adapters.schedule.Tick;
import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.api.sources.ping.PingSourceLifecycle;
import dev.tributary.api.sources.ping.PingSourceSpec;
import dev.tributary.api.sources.ping.PingSourceStatus;
import dev.tributary.runtime.KvLog;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The adapter's view of the PingSources, and what it schedules: upstream's mtping reconciler and
 * runner, leader-aware per bucket.
 *
 * <ul>
 *   <li>Every source the informer reports is remembered; only those in a bucket this replica leads
 *       are acted on (upstream's reconciler only runs for keys of buckets it leads).
 *   <li>A source that is Ready (with a {@code status.sinkUri}) is scheduled, replacing any entry it
 *       had (Normal Event {@code PingSourceSynchronized}); one that is not is unscheduled (Normal
 *       Event {@code PingSourceSkipped}); a deleted one is unscheduled. A source the ticker cannot
 *       act on (a spec validation would have refused) is unscheduled and logged.
 *   <li>On promotion to leader of a bucket, its Ready sources are scheduled and a {@link
 *       BucketLeader} takes the bucket's tick checkpoint over; every tick then goes through it. On
 *       demotion, the bucket's entries are dropped.
 * </ul>
 *
 * <p>Thread-safe: informer and elector callbacks change state under this object's lock; {@link
 * #admit} (the tick scheduler's thread) takes no lock.
 */
final class MtPingAdapter implements PingTicker.TickGate {

  /** Makes the leader of a bucket: (bucket name, ticker) → leader. */
  interface LeaderFactory {
    BucketLeader create(String bucket, PingTicker ticker);
  }

  private final BucketSet buckets;
  private final LeaderFactory leaders;
  private final SinkSenders senders;
  private final SourceEvents events;
  private final Clock clock;
  private final KvLog log;
  private PingTicker ticker; // set once by the factory

  private final Map<String, PingSource> sources = new HashMap<>(); // guarded by this
  private final Map<String, BucketLeader> leading = new ConcurrentHashMap<>();
  private boolean stopping; // guarded by this

  private MtPingAdapter(
      BucketSet buckets,
      LeaderFactory leaders,
      SinkSenders senders,
      SourceEvents events,
      Clock clock,
      KvLog log) {
    this.buckets = buckets;
    this.leaders = leaders;
    this.senders = senders;
    this.events = events;
    this.clock = clock;
    this.log = log;
  }

  /**
   * An adapter whose ticker is made by {@code tickerWithGate} around the adapter (its {@link
   * PingTicker.TickGate}).
   */
  static MtPingAdapter create(
      BucketSet buckets,
      LeaderFactory leaders,
      SinkSenders senders,
      SourceEvents events,
      Clock clock,
      KvLog log,
      Function<PingTicker.TickGate, PingTicker> tickerWithGate) {
    MtPingAdapter adapter = new MtPingAdapter(buckets, leaders, senders, events, clock, log);
    adapter.ticker = Objects.requireNonNull(tickerWithGate.apply(adapter), "ticker");
    return adapter;
  }

  PingTicker ticker() {
    return ticker;
  }

  /** The bucket names this replica leads now. */
  List<String> leadingBuckets() {
    return List.copyOf(leading.keySet());
  }

  /** The leader of {@code bucket}, or null. */
  BucketLeader leader(String bucket) {
    return leading.get(bucket);
  }

  /** The informer saw {@code source} added or changed. */
  synchronized void upsert(PingSource source) {
    String key = key(source);
    sources.put(key, source);
    BucketLeader leader = leading.get(buckets.owner(key));
    if (leader != null && !stopping) {
      reconcile(source, leader, false);
    }
  }

  /** The informer saw {@code source} deleted. */
  synchronized void delete(PingSource source) {
    String key = key(source);
    sources.remove(key);
    BucketLeader leader = leading.get(buckets.owner(key));
    int slash = key.indexOf('/');
    if (ticker.unschedule(key.substring(0, slash), key.substring(slash + 1))) {
      log.info("ping source deleted, unscheduled", "key", key);
    }
    if (leader != null) {
      leader.untrack(key, true);
    }
  }

  /**
   * This replica now leads {@code bucket}: schedules its Ready sources and starts its leader.
   *
   * @return completes when the leader has taken the checkpoint over
   */
  synchronized CompletableFuture<Void> promote(String bucket) {
    if (stopping || leading.containsKey(bucket)) {
      return CompletableFuture.completedFuture(null);
    }
    BucketLeader leader = leaders.create(bucket, ticker);
    List<BucketLeader.Scheduled> scheduled = new ArrayList<>();
    Map<String, String> known = new HashMap<>();
    for (PingSource source : sources.values()) {
      String key = key(source);
      if (!buckets.owner(key).equals(bucket)) {
        continue;
      }
      known.put(key, uid(source));
      BucketLeader.Scheduled entry = reconcile(source, null, true);
      if (entry != null) {
        scheduled.add(entry);
      }
    }
    leading.put(bucket, leader);
    log.info("started leading", "bucket", bucket, "sources", scheduled.size());
    return leader.start(scheduled, known);
  }

  /** This replica lost {@code bucket}: drops its entries; the next leader sends its ticks. */
  synchronized void demote(String bucket) {
    BucketLeader leader = leading.remove(bucket);
    if (leader == null) {
      return;
    }
    leader.stop();
    unscheduleBucket(bucket);
    log.info("stopped leading", "bucket", bucket);
  }

  /**
   * The first step of a graceful shutdown: no tick is claimed or fired any more (the next leader
   * catches those up), every entry is unscheduled; sends already started run on.
   */
  synchronized CompletableFuture<Void> quiesce() {
    stopping = true;
    List<CompletableFuture<Void>> quiesced = new ArrayList<>();
    leading.values().forEach(leader -> quiesced.add(leader.quiesce()));
    return CompletableFuture.allOf(quiesced.toArray(CompletableFuture[]::new))
        .thenRun(ticker::close);
  }

  /**
   * The last step of a graceful shutdown, once sends have ended: each leader records the
   * completions and stops, so the next leader re-sends nothing that was delivered.
   */
  CompletableFuture<Void> finish() {
    List<CompletableFuture<Void>> finished = new ArrayList<>();
    leading.values().forEach(leader -> finished.add(leader.finish()));
    return CompletableFuture.allOf(finished.toArray(CompletableFuture[]::new));
  }

  @Override
  public void admit(String key, Tick tick) {
    BucketLeader leader = leading.get(buckets.owner(key));
    if (leader != null) {
      leader.admit(tick);
    }
    // Else the bucket was lost between the tick and now: the next leader catches it up.
  }

  /**
   * Schedules or unschedules {@code source}, which is in a bucket this replica leads. Outside a
   * takeover ({@code leader} non-null) tells the leader; during one returns what the takeover
   * needs.
   */
  private BucketLeader.Scheduled reconcile(
      PingSource source, BucketLeader leader, boolean takeover) {
    String key = key(source);
    String namespace = source.getMetadata().getNamespace();
    String name = source.getMetadata().getName();
    PingSourceStatus status = source.getStatus();
    boolean ready = status != null && new PingSourceLifecycle(status, clock).isReady();
    if (!ready) {
      if (ticker.unschedule(namespace, name)) {
        log.info("ping source not ready, unscheduled", "key", key);
      }
      if (leader != null) {
        leader.untrack(key, false);
      }
      events.skipped(source);
      return null;
    }
    Instant scheduledAt = clock.instant();
    try {
      URI sink = sink(key, status.getSinkUri());
      if (status.getSinkAudience() != null && !status.getSinkAudience().isEmpty()) {
        log.warn(
            "sinkAudience is set but OIDC is not supported, sending without a token", "key", key);
      }
      ticker.schedule(source, sink, senders.forCaCerts(status.getSinkCACerts()));
      PingSourceSpec spec = source.getSpec() == null ? PingSourceSpec.EMPTY : source.getSpec();
      PingSchedule schedule = PingSchedule.of(key, spec);
      log.info(
          "ping source scheduled",
          "key",
          key,
          "schedule",
          schedule.cronSpec(),
          "sink",
          sink,
          "id",
          uid(source));
      events.synchronizedOk(source);
      if (leader != null) {
        leader.track(key, uid(source), scheduledAt);
      }
      return takeover
          ? new BucketLeader.Scheduled(key, uid(source), schedule.cron(), schedule.zone())
          : null;
    } catch (InvalidPingSourceException e) {
      ticker.unschedule(namespace, name);
      if (leader != null) {
        leader.untrack(key, false);
      }
      log.error("ping source cannot be scheduled", "key", key, "error", e.getMessage());
      return null;
    }
  }

  private static URI sink(String key, String sinkUri) throws InvalidPingSourceException {
    if (sinkUri == null || sinkUri.isEmpty()) {
      throw new InvalidPingSourceException(key, "status.sinkUri is empty", null);
    }
    try {
      URI uri = new URI(sinkUri);
      if (!uri.isAbsolute()) {
        throw new InvalidPingSourceException(
            key, "status.sinkUri is not absolute: " + sinkUri, null);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidPingSourceException(key, "status.sinkUri: " + e.getMessage(), e);
    }
  }

  private void unscheduleBucket(String bucket) {
    for (String key : sources.keySet()) {
      if (buckets.owner(key).equals(bucket)) {
        int slash = key.indexOf('/');
        ticker.unschedule(key.substring(0, slash), key.substring(slash + 1));
      }
    }
  }

  static String key(PingSource source) {
    return source.getMetadata().getNamespace() + "/" + source.getMetadata().getName();
  }

  private static String uid(PingSource source) {
    String uid = source.getMetadata().getUid();
    return uid == null || uid.isEmpty() ? key(source) : uid;
  }
}
