package dev.tributary.local.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceNameTableTest {

  private final ServiceNameTable table = new ServiceNameTable("cluster.local");

  @Test
  void everyQualifiedFormResolvesCaseInsensitivelyWithOrWithoutTrailingDot() {
    table.put("default", "event-display", "127.96.0.12");

    for (String host :
        new String[] {
          "event-display.default.svc.cluster.local",
          "event-display.default.svc.cluster.local.",
          "Event-Display.Default.SVC",
          "event-display.default"
        }) {
      Optional<InetAddress> found = table.lookup(host);
      assertThat(found).as(host).isPresent();
      assertThat(found.get().getHostAddress()).isEqualTo("127.96.0.12");
      assertThat(found.get().getHostName()).isEqualTo(host);
    }
  }

  @Test
  void otherNamesAreNotAnswered() {
    table.put("default", "event-display", "127.96.0.12");

    assertThat(table.lookup("event-display.other.svc.cluster.local")).isEmpty();
    assertThat(table.lookup("event-display.default.svc.example.org")).isEmpty();
    assertThat(table.lookup("a.event-display.default.svc.cluster.local")).isEmpty();
    assertThat(table.lookup("example.com")).isEmpty();
    assertThat(table.lookup("")).isEmpty();
  }

  @Test
  void bareNamesResolveOnlyWhenOneNamespaceHasTheService() {
    table.put("default", "event-display", "127.96.0.12");
    table.put("default", "web", "127.96.0.13");
    table.put("other", "web", "127.96.0.14");
    table.put("default", "localhost", "127.96.0.15");

    assertThat(table.lookup("event-display"))
        .map(InetAddress::getHostAddress)
        .contains("127.96.0.12");
    assertThat(table.lookup("web")).isEmpty();
    assertThat(table.lookup("localhost")).isEmpty();
  }

  @Test
  void replaceAllDropsServicesThatWentAway() {
    table.put("default", "old", "127.96.0.20");
    table.replaceAll(Map.of(new ServiceName("default", "new"), "127.96.0.21"));

    assertThat(table.lookup("old.default")).isEmpty();
    assertThat(table.clusterIp("default", "new"))
        .map(InetAddress::getHostAddress)
        .contains("127.96.0.21");
  }

  @Test
  void onlyIpLiteralsAreAccepted() {
    assertThatThrownBy(() -> table.put("default", "x", "example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> table.put("default", "x", "127.96.0.256"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
