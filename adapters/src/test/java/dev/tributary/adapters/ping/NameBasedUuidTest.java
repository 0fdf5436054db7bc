package dev.tributary.adapters.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameBasedUuidTest {

  private static final UUID DNS_NAMESPACE = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

  @Test
  void matchesTheRfc9562ExampleForVersion5() {
    // RFC 9562, Appendix A.4: "www.example.com" in the DNS namespace.
    assertThat(NameBasedUuid.v5(DNS_NAMESPACE, "www.example.com"))
        .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
  }

  @Test
  void isVersion5WithTheRfcVariant() {
    UUID uuid = NameBasedUuid.v5(DNS_NAMESPACE, "anything");
    assertThat(uuid.version()).isEqualTo(5);
    assertThat(uuid.variant()).isEqualTo(2);
  }

  @Test
  void dependsOnTheNamespaceAndTheName() {
    UUID other = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
    assertThat(NameBasedUuid.v5(DNS_NAMESPACE, "a"))
        .isEqualTo(NameBasedUuid.v5(DNS_NAMESPACE, "a"));
    assertThat(NameBasedUuid.v5(DNS_NAMESPACE, "a")).isNotEqualTo(NameBasedUuid.v5(other, "a"));
    assertThat(NameBasedUuid.v5(DNS_NAMESPACE, "a"))
        .isNotEqualTo(NameBasedUuid.v5(DNS_NAMESPACE, "b"));
  }
}
