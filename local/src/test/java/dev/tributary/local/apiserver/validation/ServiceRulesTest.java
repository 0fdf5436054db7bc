package dev.tributary.local.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceRulesTest {

  private final ServiceRules rules = new ServiceRules();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "valid",
            "selector: {app: x}\n  ports: [{protocol: TCP, port: 80, targetPort: 8080}]",
            List.of()),
        Arguments.of("headless without ports", "clusterIP: None", List.of()),
        Arguments.of(
            "ExternalName without ports",
            "type: ExternalName\n  externalName: example.com.",
            List.of()),
        Arguments.of("no ports", "selector: {app: x}", List.of("spec.ports: Required value")),
        Arguments.of(
            "ExternalName without a name",
            "type: ExternalName",
            List.of("spec.externalName: Required value")),
        Arguments.of(
            "two ports without names",
            "ports: [{port: 80}, {port: 81}]",
            List.of("spec.ports[0].name: Required value", "spec.ports[1].name: Required value")),
        Arguments.of(
            "bad port, protocol and target port",
            "ports: [{name: a, port: 0, protocol: HTTP, targetPort: 70000}, {name: a, port: 1, targetPort: no_name}]",
            List.of(
                "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
                "spec.ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\","
                    + " \"TCP\", \"UDP\"",
                "spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535,"
                    + " inclusive",
                "spec.ports[1].name: Duplicate value: \"a\"",
                "spec.ports[1].targetPort: Invalid value: \"no_name\": must contain only"
                    + " alpha-numeric characters (a-z, 0-9), and hyphens (-)")),
        Arguments.of(
            "unknown type and affinity",
            "type: Internal\n  sessionAffinity: Sticky\n  ports: [{port: 80}]",
            List.of(
                "spec.sessionAffinity: Unsupported value: \"Sticky\": supported values:"
                    + " \"ClientIP\", \"None\"",
                "spec.type: Unsupported value: \"Internal\": supported values: \"ClusterIP\","
                    + " \"ExternalName\", \"LoadBalancer\", \"NodePort\"")),
        Arguments.of(
            "same port twice",
            "ports: [{name: a, port: 80}, {name: b, port: 80, protocol: TCP}]",
            List.of(
                "spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\","
                    + " AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0,"
                    + " IntVal:0, StrVal:\"\"}, NodePort:0}")),
        Arguments.of(
            "node port on a ClusterIP service",
            "ports: [{port: 80, nodePort: 30000}]",
            List.of(
                "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsUpstreamCauses(String name, String spec, List<String> expected) {
    String yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  " + spec + "\n";
    assertThat(Fixtures.causes(rules, yaml)).containsExactlyElementsOf(expected);
  }

  @Test
  void clusterIpMayNotChange() {
    var old =
        Fixtures.yaml(
            "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {clusterIP: 10.0.0.1, ports: [{port: 80}]}");
    var moved =
        Fixtures.yaml(
            "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {clusterIP: 10.0.0.2, ports: [{port: 80}]}");
    var cleared =
        Fixtures.yaml(
            "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}");
    assertThat(Fixtures.causes(rules, moved, old))
        .containsExactly(
            "spec.clusterIPs[0]: Invalid value: []string{\"10.0.0.2\"}: may not change once set");
    assertThat(Fixtures.causes(rules, cleared, old)).isEmpty();
  }
}
