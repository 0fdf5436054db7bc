package dev.tributary.local.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The SPI is really installed: {@link InetAddress} answers from a registered table. */
class ClusterDnsResolverProviderTest {

  @Test
  void registeredNamesResolveThroughInetAddress() throws UnknownHostException {
    // a fresh name per run: the JDK caches answers, and a name must not be looked up before it is
    // registered
    String name = "svc-" + UUID.randomUUID().toString().substring(0, 8);
    ServiceNameTable table = new ServiceNameTable("cluster.local");
    table.put("dns-test", name, "127.96.200.1");

    try (ClusterHostTables.Registration ignored = ClusterHostTables.register(table)) {
      assertThat(InetAddress.getByName(name + ".dns-test.svc.cluster.local").getHostAddress())
          .isEqualTo("127.96.200.1");
      assertThat(InetAddress.getAllByName(name + ".dns-test.svc"))
          .extracting(InetAddress::getHostAddress)
          .containsExactly("127.96.200.1");
    }
  }

  @Test
  void otherNamesStillGoToTheSystemResolver() throws UnknownHostException {
    assertThat(InetAddress.getByName("localhost").isLoopbackAddress()).isTrue();
  }
}
