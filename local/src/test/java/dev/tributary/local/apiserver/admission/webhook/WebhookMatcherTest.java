package dev.tributary.local.apiserver.admission.webhook;

import static dev.tributary.local.apiserver.admission.AdmissionTestTypes.CONFIG_MAPS;
import static dev.tributary.local.apiserver.admission.AdmissionTestTypes.DEPLOYMENTS;
import static dev.tributary.local.apiserver.admission.AdmissionTestTypes.NAMESPACES;
import static dev.tributary.local.apiserver.admission.AdmissionTestTypes.NODES;
import static dev.tributary.local.apiserver.admission.AdmissionTestTypes.PODS;
import static dev.tributary.local.apiserver.admission.AdmissionTestTypes.VALIDATING_CONFIGS;
import static dev.tributary.local.apiserver.admission.AdmissionTestTypes.create;
import static dev.tributary.local.apiserver.admission.AdmissionTestTypes.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.local.apiserver.admission.AdmissionAttributes;
import dev.tributary.local.apiserver.admission.AdmissionContext;
import dev.tributary.local.apiserver.admission.Operation;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookMatcherTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, JsonNode> namespaceLabels =
      Map.of("labelled", json("{\"env\":\"prod\"}"), "plain", json("{}"));
  private final WebhookMatcher matcher = new WebhookMatcher(namespaceLabels::get);

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Webhook webhook(String rule, String more) {
    return Webhook.parse(
        "config",
        json(
            "{\"name\":\"w.example.com\",\"clientConfig\":{\"url\":\"https://x\"},\"rules\":["
                + rule
                + "]"
                + more
                + "}"));
  }

  private static String rule(String operations, String groups, String versions, String resources) {
    return "{\"operations\":["
        + operations
        + "],\"apiGroups\":["
        + groups
        + "],\"apiVersions\":["
        + versions
        + "],\"resources\":["
        + resources
        + "]}";
  }

  private static AdmissionAttributes request(
      Operation operation, ResourceType type, String subresource, String namespace) {
    return AdmissionAttributes.of(
        operation,
        type,
        subresource,
        namespace,
        "x",
        operation == Operation.DELETE ? null : object("x"),
        operation == Operation.CREATE ? null : object("x"),
        false,
        AdmissionContext.internal());
  }

  @ParameterizedTest(name = "{0} matches {1}/{2}: {3}")
  @CsvSource({
    "pods, pods, '', true",
    "pods, pods, status, false",
    "pods/status, pods, status, true",
    "pods/status, pods, '', false",
    "pods/*, pods, '', true",
    "pods/*, pods, status, true",
    "*, pods, '', true",
    "*, pods, status, false",
    "*/status, pods, status, true",
    "*/status, configmaps, '', false",
    "*/*, pods, log, true",
    "configmaps, pods, '', false",
  })
  void resourceForms(String ruleResource, String resource, String subresource, boolean expected) {
    assertThat(WebhookMatcher.resourceMatches(List.of(ruleResource), resource, subresource))
        .isEqualTo(expected);
  }

  @Test
  void operationsGroupsAndVersions() {
    Webhook createPods = webhook(rule("\"CREATE\"", "\"\"", "\"v1\"", "\"pods\""), "");
    assertThat(matcher.matches(createPods, request(Operation.CREATE, PODS, "", "ns"))).isTrue();
    assertThat(matcher.matches(createPods, request(Operation.UPDATE, PODS, "", "ns"))).isFalse();
    assertThat(matcher.matches(createPods, request(Operation.CREATE, CONFIG_MAPS, "", "ns")))
        .isFalse();

    Webhook anyApps = webhook(rule("\"*\"", "\"apps\"", "\"*\"", "\"*\""), "");
    assertThat(matcher.matches(anyApps, request(Operation.DELETE, DEPLOYMENTS, "", "ns"))).isTrue();
    assertThat(matcher.matches(anyApps, request(Operation.DELETE, PODS, "", "ns"))).isFalse();
  }

  @Test
  void equivalentIgnoresTheVersionAndExactComparesIt() {
    String v1beta1 = rule("\"*\"", "\"apps\"", "\"v1beta1\"", "\"deployments\"");
    assertThat(
            matcher.matches(webhook(v1beta1, ""), request(Operation.CREATE, DEPLOYMENTS, "", "ns")))
        .isTrue();
    assertThat(
            matcher.matches(
                webhook(v1beta1, ",\"matchPolicy\":\"Exact\""),
                request(Operation.CREATE, DEPLOYMENTS, "", "ns")))
        .isFalse();
  }

  @Test
  void scopes() {
    String namespaced =
        rule("\"*\"", "\"\"", "\"*\"", "\"*\"").replace("}", ",\"scope\":\"Namespaced\"}");
    String cluster =
        rule("\"*\"", "\"\"", "\"*\"", "\"*\"").replace("}", ",\"scope\":\"Cluster\"}");
    assertThat(matcher.matches(webhook(namespaced, ""), request(Operation.CREATE, PODS, "", "ns")))
        .isTrue();
    assertThat(matcher.matches(webhook(namespaced, ""), request(Operation.CREATE, NODES, "", "")))
        .isFalse();
    assertThat(
            matcher.matches(webhook(namespaced, ""), request(Operation.CREATE, NAMESPACES, "", "")))
        .isFalse();
    assertThat(matcher.matches(webhook(cluster, ""), request(Operation.CREATE, NAMESPACES, "", "")))
        .isTrue();
    assertThat(matcher.matches(webhook(cluster, ""), request(Operation.CREATE, NODES, "", "")))
        .isTrue();
    assertThat(matcher.matches(webhook(cluster, ""), request(Operation.CREATE, PODS, "", "ns")))
        .isFalse();
  }

  @Test
  void namespaceSelectorUsesTheNamespacesLabelsOrANamespacesOwn() {
    Webhook prodOnly =
        webhook(
            rule("\"*\"", "\"*\"", "\"*\"", "\"*\""),
            ",\"namespaceSelector\":{\"matchLabels\":{\"env\":\"prod\"}}");
    assertThat(matcher.matches(prodOnly, create(CONFIG_MAPS, "labelled", object("a")))).isTrue();
    assertThat(matcher.matches(prodOnly, create(CONFIG_MAPS, "plain", object("a")))).isFalse();
    assertThat(matcher.matches(prodOnly, create(CONFIG_MAPS, "missing", object("a")))).isFalse();
    // Cluster-scoped objects are not filtered by it; a Namespace is matched by its own labels.
    assertThat(matcher.matches(prodOnly, create(NODES, "", object("n")))).isTrue();
    assertThat(matcher.matches(prodOnly, create(NAMESPACES, "", object("new", "env", "prod"))))
        .isTrue();
    assertThat(matcher.matches(prodOnly, create(NAMESPACES, "", object("new", "env", "dev"))))
        .isFalse();
  }

  @Test
  void objectSelectorMatchesTheNewOrTheOldObject() {
    Webhook selected =
        webhook(
            rule("\"*\"", "\"*\"", "\"*\"", "\"*\""),
            ",\"objectSelector\":{\"matchExpressions\":[{\"key\":\"tier\",\"operator\":\"In\","
                + "\"values\":[\"web\"]}]}");
    assertThat(matcher.matches(selected, create(CONFIG_MAPS, "ns", object("a", "tier", "web"))))
        .isTrue();
    assertThat(matcher.matches(selected, create(CONFIG_MAPS, "ns", object("a", "tier", "db"))))
        .isFalse();
    AdmissionAttributes update =
        AdmissionAttributes.of(
            Operation.UPDATE,
            CONFIG_MAPS,
            "",
            "ns",
            "a",
            object("a"),
            object("a", "tier", "web"),
            false,
            AdmissionContext.internal());
    assertThat(matcher.matches(selected, update)).isTrue();
  }

  @Test
  void webhookConfigurationsThemselvesAreExempt() {
    Webhook everything = webhook(rule("\"*\"", "\"*\"", "\"*\"", "\"*/*\""), "");
    assertThat(matcher.matches(everything, create(VALIDATING_CONFIGS, "", object("c")))).isFalse();
    assertThat(matcher.matches(everything, create(CONFIG_MAPS, "ns", object("c")))).isTrue();
  }

  @Test
  void parsingFillsUpstreamsDefaults() {
    Webhook parsed = webhook(rule("\"*\"", "\"*\"", "\"*\"", "\"*\""), "");
    assertThat(parsed.failurePolicy()).isEqualTo("Fail");
    assertThat(parsed.matchPolicy()).isEqualTo("Equivalent");
    assertThat(parsed.timeoutSeconds()).isEqualTo(10);
    assertThat(parsed.rules().getFirst().scope()).isEqualTo("*");
    assertThat(parsed.ignoresFailures()).isFalse();
  }
}
