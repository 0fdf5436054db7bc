package dev.tributary.local.apiserver.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClusterIpAllocatorTest {

  private static final ServiceIpRange SMALL = ServiceIpRange.parse("127.96.0.0/29");

  private final MutableClock clock = new MutableClock();

  private static long ip(String text) {
    return ServiceIpRange.parseAddress(text).orElseThrow();
  }

  @Test
  void handsOutEveryUsableAddressOnceThenReportsTheRangeFull() throws Exception {
    ClusterIpAllocator allocator = new ClusterIpAllocator(SMALL, clock, Map::of);
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      long address = allocator.allocate("ns/s" + i);
      allocator.confirm("ns/s" + i, List.of(address));
      assertThat(SMALL.allocatable(address)).isTrue();
      assertThat(seen.add(address)).isTrue();
    }

    assertThatThrownBy(() -> allocator.allocate("ns/more"))
        .isInstanceOf(ClusterIpAllocator.UnavailableException.class)
        .hasMessage("range is full");
  }

  @Test
  void aReleasedAddressIsFreeAgainButALiveOneNever() throws Exception {
    ClusterIpAllocator allocator = new ClusterIpAllocator(SMALL, clock, Map::of);
    long first = allocator.allocate("ns/a");
    allocator.confirm("ns/a", List.of(first));
    clock.advance(Duration.ofHours(1)); // confirmed allocations do not lapse

    assertThatThrownBy(() -> allocator.allocate("ns/b", first))
        .hasMessage("provided IP is already allocated");

    allocator.release("ns/other", List.of(first)); // not its owner: no effect
    assertThat(allocator.inUse(first)).isTrue();

    allocator.release("ns/a", List.of(first));
    allocator.allocate("ns/b", first);
    assertThat(allocator.inUse(first)).isTrue();
  }

  @Test
  void aRequestOutsideTheRangeSaysWhichRangeIsValid() {
    ClusterIpAllocator allocator = new ClusterIpAllocator(SMALL, clock, Map::of);

    assertThatThrownBy(() -> allocator.allocate("ns/a", ip("10.0.0.1")))
        .hasMessage(
            "the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is"
                + " 127.96.0.0/29");
    assertThatThrownBy(() -> allocator.allocate("ns/a", ip("127.96.0.0")))
        .hasMessageContaining("not in the valid range");
    assertThatThrownBy(() -> allocator.allocate("ns/a", ip("127.96.0.7")))
        .hasMessageContaining("not in the valid range");
  }

  @Test
  void anUnconfirmedReservationIsReusedByItsOwnerAndLapses() throws Exception {
    ClusterIpAllocator allocator = new ClusterIpAllocator(SMALL, clock, Map::of);
    long dryRun = allocator.allocate("ns/a");

    assertThat(allocator.allocate("ns/a")).isEqualTo(dryRun);
    assertThatThrownBy(() -> allocator.allocate("ns/b", dryRun))
        .hasMessage("provided IP is already allocated");

    clock.advance(ClusterIpAllocator.RESERVATION_TIMEOUT);
    assertThat(allocator.inUse(dryRun)).isFalse();
    allocator.allocate("ns/b", dryRun);
  }

  @Test
  void addressesHeldByStoredServicesAreReadOnceAndKept() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    ClusterIpAllocator allocator =
        new ClusterIpAllocator(
            SMALL,
            clock,
            () -> {
              reads.incrementAndGet();
              return Map.of(ip("127.96.0.1"), "ns/old", ip("127.96.0.2"), "ns/older");
            });

    Set<Long> handedOut = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      handedOut.add(allocator.allocate("ns/new" + i));
    }

    assertThat(handedOut).doesNotContain(ip("127.96.0.1"), ip("127.96.0.2")).hasSize(4);
    assertThat(reads).hasValue(1);
  }

  @Test
  void rangesParseAndRejectWhatIsNotAnIpv4Block() {
    ServiceIpRange range = ServiceIpRange.parse(ServiceIpRange.LOOPBACK_DEFAULT);
    assertThat(range.size()).isEqualTo(65536);
    assertThat(range.toString()).isEqualTo("127.96.0.0/16");
    assertThat(range.allocatable(ip("127.96.255.254"))).isTrue();
    assertThat(range.allocatable(ip("127.97.0.1"))).isFalse();

    for (String bad :
        List.of("127.96.0.0", "127.96.0.1/16", "fd00::/108", "127.96.0.0/31", "x/8")) {
      assertThatThrownBy(() -> ServiceIpRange.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(ServiceIpRange.parseAddress("127.096.0.1")).isEmpty();
    assertThat(ServiceIpRange.parseAddress("256.0.0.1")).isEmpty();
  }

  @Test
  void eachDataDirGetsItsOwnBlockOfTheLoopbackRange() throws Exception {
    ServiceIpRange whole = ServiceIpRange.parse(ServiceIpRange.LOOPBACK_DEFAULT);
    ServiceIpRange a = ServiceIpRange.forDataDir(Path.of("/tmp/cluster-a"));
    ServiceIpRange b = ServiceIpRange.forDataDir(Path.of("/tmp/cluster-b"));

    assertThat(a).isNotEqualTo(b);
    assertThat(ServiceIpRange.forDataDir(Path.of("/tmp/cluster-a"))).isEqualTo(a);
    for (ServiceIpRange block : List.of(a, b)) {
      assertThat(block.prefix()).isEqualTo(24);
      assertThat(whole.allocatable(block.network() + 1)).as(block.toString()).isTrue();
      assertThat(block.toString()).startsWith("127.96.").doesNotStartWith("127.96.0.");
    }
    long first =
        new ClusterIpAllocator(a, Clock.systemUTC(), Map::of).allocate("default/event-display");
    assertThat(a.allocatable(first)).isTrue();
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
