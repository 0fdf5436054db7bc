package dev.tributary.local.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PodAddressesTest {

  @Test
  void givesEachPodItsOwnLoopbackAddressOutsideHostAndServiceRanges() {
    PodAddresses addresses = new PodAddresses();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 600; i++) {
      String ip = addresses.allocate("pod-" + i);
      assertThat(ip)
          .startsWith("127.")
          .isNotEqualTo("127.0.0.1")
          .doesNotStartWith("127.96.")
          .doesNotEndWith(".0")
          .doesNotEndWith(".255");
      assertThat(seen.add(ip)).isTrue();
    }
    assertThat(addresses.allocate("pod-3")).isEqualTo(addresses.allocate("pod-3"));
  }

  @Test
  void reservesAddressesFromStatusAfterARestartAndReusesReleasedOnes() {
    PodAddresses addresses = new PodAddresses();
    assertThat(addresses.reserve("old", "127.1.0.1")).isTrue();
    assertThat(addresses.reserve("other", "127.1.0.1")).isFalse();
    assertThat(addresses.reserve("x", "127.96.0.5")).isFalse();
    assertThat(addresses.reserve("x", "10.0.0.1")).isFalse();
    assertThat(addresses.allocate("new")).isNotEqualTo("127.1.0.1");
    assertThat(addresses.allocate("old")).isEqualTo("127.1.0.1");

    addresses.release("old");
    assertThat(addresses.reserve("other", "127.1.0.1")).isTrue();
  }

  @Test
  void backOffDoublesFromTenSecondsUpToFiveMinutes() {
    BackOff backOff =
        new BackOff(java.time.Duration.ofSeconds(10), java.time.Duration.ofMinutes(5));
    assertThat(backOff.delay(0)).hasSeconds(10);
    assertThat(backOff.delay(1)).hasSeconds(20);
    assertThat(backOff.delay(4)).hasSeconds(160);
    assertThat(backOff.delay(5)).hasSeconds(300);
    assertThat(backOff.delay(50)).hasSeconds(300);
    assertThat(GoDurations.format(java.time.Duration.ofSeconds(160))).isEqualTo("2m40s");
    assertThat(GoDurations.format(java.time.Duration.ofSeconds(300))).isEqualTo("5m0s");
    assertThat(GoDurations.format(java.time.Duration.ofSeconds(10))).isEqualTo("10s");
  }

  @Test
  void clustersOnDifferentDataDirsStartAtDifferentAddresses() {
    String a = PodAddresses.forDataDir(java.nio.file.Path.of("/tmp/cluster-a")).allocate("p");
    String b = PodAddresses.forDataDir(java.nio.file.Path.of("/tmp/cluster-b")).allocate("p");

    assertThat(a).isNotEqualTo(b).startsWith("127.").endsWith(".0.1");
    assertThat(PodAddresses.forDataDir(java.nio.file.Path.of("/tmp/cluster-a")).allocate("q"))
        .isEqualTo(a);
    assertThat(a).doesNotStartWith("127.96.").doesNotStartWith("127.0.");
  }
}
