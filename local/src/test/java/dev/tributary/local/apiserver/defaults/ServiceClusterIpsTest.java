package dev.tributary.local.apiserver.defaults;

import static dev.tributary.local.apiserver.defaults.TestJson.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.registry.BuiltinResources;
import dev.tributary.local.apiserver.registry.ResourceRegistry;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Service storage's IP handling, driven through the hook calls ObjectService makes. */
class ServiceClusterIpsTest {

  private static final ResourceType SERVICES =
      new ResourceRegistry(BuiltinResources.all()).find("", "v1", "services").orElseThrow();

  private final ClusterIpAllocator allocator =
      new ClusterIpAllocator(ServiceIpRange.parse("127.96.0.0/24"), Clock.systemUTC(), Map::of);
  private final BuiltinDefaults defaults = new BuiltinDefaults();
  private final ServiceClusterIps ips = new ServiceClusterIps(allocator);

  private ObjectNode create(String yaml) {
    ObjectNode service = yaml(yaml);
    defaults.applyDefaults(SERVICES, service, null);
    ips.applyDefaults(SERVICES, service, null);
    ips.prepareForCreate(SERVICES, service);
    ips.afterCreate(SERVICES, service);
    return service;
  }

  private ObjectNode update(String yaml, ObjectNode old) {
    ObjectNode service = yaml(yaml);
    defaults.applyDefaults(SERVICES, service, old);
    ips.applyDefaults(SERVICES, service, old);
    ips.prepareForUpdate(SERVICES, service, old);
    ips.afterUpdate(SERVICES, service, old);
    return service;
  }

  private static String service(String name, String spec) {
    return "metadata:\n  name: " + name + "\n  namespace: default\nspec:\n" + spec.indent(2);
  }

  @Test
  void aClusterIpServiceGetsAUniqueAddressFromTheRange() {
    ObjectNode a = create(service("a", "ports: [{port: 80}]"));
    ObjectNode b = create(service("b", "ports: [{port: 80}]"));

    String ip = a.path("spec").path("clusterIP").asText();
    assertThat(ip).startsWith("127.96.0.");
    assertThat(a.path("spec").path("clusterIPs")).isEqualTo(TestJson.node("[" + ip + "]"));
    assertThat(a.path("spec").path("ipFamilies")).isEqualTo(TestJson.node("[IPv4]"));
    assertThat(a.path("spec").path("ipFamilyPolicy").asText()).isEqualTo("SingleStack");
    assertThat(b.path("spec").path("clusterIP").asText()).isNotEqualTo(ip);
  }

  @Test
  void headlessKeepsNoneAndExternalNameGetsNothing() {
    ObjectNode headless = create(service("h", "clusterIP: None\nselector: {app: h}"));
    ObjectNode selectorless = create(service("s", "clusterIP: None"));
    ObjectNode external = create(service("e", "type: ExternalName\nexternalName: example.com"));

    assertThat(headless.path("spec").path("clusterIPs")).isEqualTo(TestJson.node("[None]"));
    assertThat(headless.path("spec").path("ipFamilyPolicy").asText()).isEqualTo("SingleStack");
    assertThat(selectorless.path("spec").path("ipFamilyPolicy").asText())
        .isEqualTo("RequireDualStack");
    assertThat(selectorless.path("spec").path("ipFamilies"))
        .isEqualTo(TestJson.node("[IPv4, IPv6]"));
    assertThat(external.path("spec").has("clusterIP")).isFalse();
    assertThat(external.path("spec").has("ipFamilies")).isFalse();
  }

  @Test
  void aRequestedAddressIsHonouredOnceThenRefusedAsKubernetesDoes() {
    ObjectNode first = create(service("a", "clusterIP: 127.96.0.10"));
    assertThat(first.path("spec").path("clusterIPs")).isEqualTo(TestJson.node("[127.96.0.10]"));

    assertThatThrownBy(() -> create(service("b", "clusterIPs: [127.96.0.10]")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(422);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Service \"b\" is invalid: spec.clusterIPs: Invalid value:"
                          + " []string{\"127.96.0.10\"}: failed to allocate IP 127.96.0.10:"
                          + " provided IP is already allocated");
            });
    assertThatThrownBy(() -> create(service("c", "clusterIP: 10.96.0.10")))
        .hasMessageContaining(
            "failed to allocate IP 10.96.0.10: the provided IP (10.96.0.10) is not in the valid"
                + " range. The range of valid IPs is 127.96.0.0/24");
    assertThatThrownBy(() -> create(service("d", "clusterIP: nope")))
        .hasMessageContaining("spec.clusterIPs[0]: Invalid value: \"nope\": must be a valid IP");
    assertThatThrownBy(() -> create(service("f", "ipFamilies: [IPv6]")))
        .hasMessageContaining(
            "spec.ipFamilies[0]: Invalid value: \"IPv6\": not configured on this cluster");
  }

  @Test
  void anUpdateKeepsTheAddressAndMayNotChangeIt() {
    ObjectNode old = create(service("a", "ports: [{port: 80}]"));
    String ip = old.path("spec").path("clusterIP").asText();

    ObjectNode kept = update(service("a", "ports: [{port: 81}]"), old);
    assertThat(kept.path("spec").path("clusterIP").asText()).isEqualTo(ip);
    assertThat(kept.path("spec").path("clusterIPs")).isEqualTo(old.path("spec").path("clusterIPs"));
    assertThat(kept.path("spec").path("ipFamilyPolicy").asText()).isEqualTo("SingleStack");

    assertThatThrownBy(() -> update(service("a", "clusterIP: 127.96.0.200"), old))
        .hasMessageContaining(
            "spec.clusterIPs[0]: Invalid value: []string{\"127.96.0.200\"}: may not change once"
                + " set");
  }

  @Test
  void becomingExternalNameGivesTheAddressBackAndDeletingFreesIt() {
    ObjectNode old = create(service("a", "clusterIP: 127.96.0.20"));

    ObjectNode external =
        update(service("a", "type: ExternalName\nexternalName: example.com"), old);
    assertThat(external.path("spec").has("clusterIP")).isFalse();
    assertThat(allocator.inUse(ServiceIpRange.parseAddress("127.96.0.20").orElseThrow())).isFalse();

    ObjectNode again = create(service("b", "clusterIP: 127.96.0.20"));
    ips.afterDelete(SERVICES, again);
    assertThat(allocator.inUse(ServiceIpRange.parseAddress("127.96.0.20").orElseThrow())).isFalse();
  }
}
