package dev.tributary.adapters.ping.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.adapters.ping.PingEventIds;
import dev.tributary.adapters.ping.leader.LeaderElectionSettings;
import dev.tributary.api.sources.ping.PingSource;
import io.cloudevents.CloudEvent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-tenant ping adapter against a local API server: per-second schedules with deterministic
 * ids, updates, deletes and not-Ready sources, and two replicas of which only the leader sends and
 * which hand over without losing or doubling a tick.
 */
class MtPingIT {

  static final String EVERY_SECOND = "*/1 * * * * *";
  static final String LEASE =
      LeaderElectionSettings.DEFAULTS
          .leaseNames(LeaderElectionSettings.COMPONENT, LeaderElectionSettings.QUEUE_NAME)
          .get(0);

  @TempDir Path temp;
  PingCluster pings;

  @BeforeEach
  void start() throws Exception {
    pings = PingCluster.start(temp.resolve("cluster"));
  }

  @AfterEach
  void stop() throws Exception {
    pings.close();
  }

  @Test
  void readySourcesTickWithDeterministicIdsFollowUpdatesAndStopWhenNotReadyOrDeleted()
      throws Exception {
    Instant began = Instant.now();
    PingSource ticking = pings.create("ticking", EVERY_SECOND, "hello");
    PingSource waiting = pings.create("waiting", EVERY_SECOND, "later");
    pings.markReady("ticking");
    pings.markNotReady("waiting");
    ShiftedClock clock = new ShiftedClock();
    PingCluster.Replica adapter =
        pings.startReplica("solo", Map.of("K_NO_SHUTDOWN_AFTER", "58"), clock);

    await().atMost(Duration.ofSeconds(30)).until(() -> pings.receivedFrom("ticking").size() >= 3);
    List<CloudEvent> events = pings.receivedFrom("ticking");
    Map<String, Instant> ticks = tickIds(ticking, began, Instant.now());
    assertThat(events)
        .allSatisfy(
            event -> {
              assertThat(event.getType()).isEqualTo("dev.knative.sources.ping");
              assertThat(event.getDataContentType()).isEqualTo("text/plain");
              assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
                  .isEqualTo("hello");
              assertThat(ticks).containsKey(event.getId());
            });
    assertThat(events.stream().map(CloudEvent::getId).distinct()).hasSameSizeAs(events);
    assertThat(pings.receivedFrom("waiting")).isEmpty();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> hasEvent("ticking", "PingSourceSynchronized"));
    await().atMost(Duration.ofSeconds(30)).until(() -> hasEvent("waiting", "PingSourceSkipped"));

    // An update is picked up: the next ticks carry the new data.
    pings
        .pingSources()
        .inNamespace(PingCluster.NAMESPACE)
        .withName("ticking")
        .edit(
            source -> {
              source.setSpec(source.getSpec().withData("bye"));
              return source;
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                pings.receivedFrom("ticking").stream()
                    .anyMatch(
                        e ->
                            new String(e.getData().toBytes(), StandardCharsets.UTF_8)
                                .equals("bye")));

    // Becoming Ready starts a source; no longer Ready stops it.
    pings.markReady("waiting");
    pings.markNotReady("ticking");
    await().atMost(Duration.ofSeconds(30)).until(() -> !pings.receivedFrom("waiting").isEmpty());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                adapter
                    .log
                    .text()
                    .contains("ping source not ready, unscheduled\" key=pings/ticking"));
    assertNoMoreEventsFrom("ticking");

    // Deleting a source stops it.
    pings.pingSources().inNamespace(PingCluster.NAMESPACE).withName("waiting").delete();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                adapter
                    .log
                    .text()
                    .contains("ping source deleted, unscheduled\" key=pings/waiting"));
    assertNoMoreEventsFrom("waiting");

    // Asked to stop at second 59 of a minute, past K_NO_SHUTDOWN_AFTER=58, it waits past the
    // minute boundary first. (Nothing is scheduled any more, so moving its clock is harmless.)
    await()
        .pollInterval(Duration.ofMillis(5))
        .atMost(Duration.ofSeconds(5))
        .until(() -> Instant.now().getNano() < 300_000_000); // far from the next second
    clock.shiftToSecond(59);
    assertThat(adapter.stop()).isZero();
    assertThat(adapter.log.text())
        .contains(
            "msg=\"delaying shutdown past the minute boundary\" seconds=2 K_NO_SHUTDOWN_AFTER=58")
        .contains("msg=stopped");
  }

  @Test
  void onlyTheLeaderSendsAndAHandoverJustBeforeATickNeitherLosesNorDoublesOne() throws Exception {
    Instant began = Instant.now();
    PingSource source = pings.create("handover", EVERY_SECOND, "tick");
    pings.markReady("handover");
    PingCluster.Replica a = pings.startReplica("replica-a", Map.of());
    PingCluster.Replica b = pings.startReplica("replica-b", Map.of());

    await().atMost(Duration.ofSeconds(30)).until(() -> holder() != null);
    PingCluster.Replica leader = holder().startsWith(a.podName + "_") ? a : b;
    PingCluster.Replica standby = leader == a ? b : a;
    await().atMost(Duration.ofSeconds(30)).until(() -> pings.receivedFrom("handover").size() >= 3);
    assertThat(leader.log.text()).contains("ping source scheduled\" key=pings/handover");
    assertThat(standby.log.text()).doesNotContain("ping source scheduled");

    // Stop the leader in the last tenth of a second before a tick.
    await()
        .pollInterval(Duration.ofMillis(5))
        .atMost(Duration.ofSeconds(5))
        .until(() -> Instant.now().getNano() >= 880_000_000);
    assertThat(leader.stop()).isZero();
    int atHandover = pings.receivedFrom("handover").size();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> standby.log.text().contains("took over tick checkpoint"));
    assertThat(standby.log.text()).contains("ping source scheduled\" key=pings/handover");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> pings.receivedFrom("handover").size() >= atHandover + 3);
    assertThat(standby.stop()).isZero();

    List<CloudEvent> events = pings.receivedFrom("handover");
    Map<String, Instant> ticks = tickIds(source, began, Instant.now());
    List<Instant> times = new ArrayList<>();
    for (CloudEvent event : events) {
      assertThat(ticks).as("id of a tick: %s", event.getId()).containsKey(event.getId());
      times.add(ticks.get(event.getId()));
    }
    assertThat(new HashSet<>(times)).as("no tick sent twice").hasSameSizeAs(times);
    times.sort(null);
    for (int i = 1; i < times.size(); i++) {
      assertThat(times.get(i))
          .as("no tick lost between %s and %s", times.get(i - 1), times.get(i))
          .isEqualTo(times.get(i - 1).plusSeconds(1));
    }

    ConfigMap checkpoint =
        pings.admin.configMaps().inNamespace(PingCluster.SYSTEM_NAMESPACE).withName(LEASE).get();
    assertThat(checkpoint.getData()).containsKey("pings.handover");
    assertThat(checkpoint.getData().get("pings.handover"))
        .contains("\"claimed\":\"" + times.get(times.size() - 1) + "\"")
        .contains("\"pending\":[]");
  }

  /** The system clock, moved by a whole number of seconds on demand. */
  static final class ShiftedClock extends Clock {
    private volatile Duration shift = Duration.ZERO;

    /** Moves the clock so that it reads second {@code second} of the minute now. */
    void shiftToSecond(int second) {
      int current = Instant.now().atOffset(ZoneOffset.UTC).getSecond();
      shift = Duration.ofSeconds(Math.floorMod(second - current, 60));
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(shift);
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

  /** The lease holder's identity, or null before there is one. */
  private String holder() {
    Lease lease =
        pings.admin.leases().inNamespace(PingCluster.SYSTEM_NAMESPACE).withName(LEASE).get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  private boolean hasEvent(String name, String reason) {
    List<Event> events =
        pings.admin.v1().events().inNamespace(PingCluster.NAMESPACE).list().getItems();
    return events.stream()
        .anyMatch(
            e ->
                e.getInvolvedObject().getName().equals(name)
                    && reason.equals(e.getReason())
                    && "pingsource-controller".equals(e.getSource().getComponent()));
  }

  /** After a send still waiting out its spread has landed, no event from {@code name} arrives. */
  private void assertNoMoreEventsFrom(String name) {
    int[] seen = {-1};
    await()
        .pollInterval(Duration.ofMillis(700)) // longer than the 0-499 ms spread before a send
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              int now = pings.receivedFrom(name).size();
              boolean stable = now == seen[0];
              seen[0] = now;
              return stable;
            });
    int settled = seen[0];
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> pings.receivedFrom(name).size() == settled);
  }

  /** The id of every whole-second tick of {@code source} from a second before {@code from}. */
  private static Map<String, Instant> tickIds(PingSource source, Instant from, Instant to) {
    String identity = PingEventIds.identity(source);
    Map<String, Instant> ids = new HashMap<>();
    for (Instant t = from.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        !t.isAfter(to.plusSeconds(2));
        t = t.plusSeconds(1)) {
      ids.put(PingEventIds.id(identity, t).toString(), t);
    }
    return ids;
  }
}
