package dev.tributary.local.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodRulesTest {

  private static final String DNS_LABEL =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

  private final PodRules rules = new PodRules();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "valid",
            "containers: [{name: c, image: i, ports: [{containerPort: 80, name: http}], env: [{name: my.env-1, value: x}]}]",
            List.of()),
        Arguments.of(
            "no containers", "restartPolicy: Never", List.of("spec.containers: Required value")),
        Arguments.of(
            "container without name and image",
            "containers: [{}]",
            List.of(
                "spec.containers[0].name: Required value",
                "spec.containers[0].image: Required value")),
        Arguments.of(
            "container name not a DNS label",
            "containers: [{name: My_C, image: i}]",
            List.of("spec.containers[0].name: Invalid value: \"My_C\": " + DNS_LABEL)),
        Arguments.of(
            "duplicate container names, also with init containers",
            "containers: [{name: c, image: i}, {name: c, image: i}]\n  initContainers: [{name: c, image: i}]",
            List.of(
                "spec.containers[1].name: Duplicate value: \"c\"",
                "spec.initContainers[0].name: Duplicate value: \"c\"")),
        Arguments.of(
            "image with whitespace",
            "containers: [{name: c, image: ' i'}]",
            List.of(
                "spec.containers[0].image: Invalid value: \" i\": must not have leading or trailing whitespace")),
        Arguments.of(
            "bad ports",
            "containers: [{name: c, image: i, ports: [{containerPort: 0}, {containerPort: 70000, protocol: HTTP, name: Web--}, {containerPort: 1, name: '80'}]}]",
            List.of(
                "spec.containers[0].ports[0].containerPort: Required value",
                "spec.containers[0].ports[1].name: Invalid value: \"Web--\": must contain only"
                    + " alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                "spec.containers[0].ports[1].name: Invalid value: \"Web--\": must not contain"
                    + " consecutive hyphens",
                "spec.containers[0].ports[1].name: Invalid value: \"Web--\": must not begin or end"
                    + " with a hyphen",
                "spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between"
                    + " 1 and 65535, inclusive",
                "spec.containers[0].ports[1].protocol: Unsupported value: \"HTTP\": supported"
                    + " values: \"SCTP\", \"TCP\", \"UDP\"",
                "spec.containers[0].ports[2].name: Invalid value: \"80\": must contain at least one"
                    + " letter (a-z)")),
        Arguments.of(
            "duplicate port names",
            "containers: [{name: c, image: i, ports: [{containerPort: 1, name: p}, {containerPort: 2, name: p}]}]",
            List.of("spec.containers[0].ports[1].name: Duplicate value: \"p\"")),
        Arguments.of(
            "env names",
            "containers: [{name: c, image: i, env: [{value: x}, {name: A=B}]}]",
            List.of(
                "spec.containers[0].env[0].name: Required value",
                "spec.containers[0].env[0].name: Invalid value: \"\": environment variable name"
                    + " must be non-empty",
                "spec.containers[0].env[1].name: Invalid value: \"A=B\": a valid environment"
                    + " variable name must consist only of printable ASCII characters other than"
                    + " '='")),
        Arguments.of(
            "restart, DNS, pull and termination message policies",
            "restartPolicy: Sometimes\n  dnsPolicy: Google\n  containers: [{name: c, image: i, imagePullPolicy: Maybe, terminationMessagePolicy: Log}]",
            List.of(
                "spec.containers[0].terminationMessagePolicy: Unsupported value: \"Log\":"
                    + " supported values: \"File\", \"FallbackToLogsOnError\"",
                "spec.containers[0].imagePullPolicy: Unsupported value: \"Maybe\": supported"
                    + " values: \"Always\", \"IfNotPresent\", \"Never\"",
                "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values:"
                    + " \"Always\", \"OnFailure\", \"Never\"",
                "spec.dnsPolicy: Unsupported value: \"Google\": supported values:"
                    + " \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"")),
        Arguments.of(
            "volumes and mounts",
            "volumes: [{name: data}, {name: data}, {name: Bad}]\n  containers: [{name: c, image: i, volumeMounts: [{name: data, mountPath: /d}, {name: Bad, mountPath: /d}, {name: gone}]}]",
            List.of(
                "spec.volumes[1].name: Duplicate value: \"data\"",
                "spec.volumes[2].name: Invalid value: \"Bad\": " + DNS_LABEL,
                "spec.containers[0].volumeMounts[1].name: Not found: \"Bad\"",
                "spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/d\": must be"
                    + " unique",
                "spec.containers[0].volumeMounts[2].name: Not found: \"gone\"",
                "spec.containers[0].volumeMounts[2].mountPath: Required value")),
        Arguments.of(
            "service account and node selector",
            "serviceAccountName: Bad_SA\n  nodeSelector: {'a b': c}\n  containers: [{name: c, image: i}]",
            List.of(
                "spec.nodeSelector: Invalid value: \"a b\": name part must consist of"
                    + " alphanumeric characters, '-', '_' or '.', and must start and end with an"
                    + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc',"
                    + " regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
                "spec.serviceAccountName: Invalid value: \"Bad_SA\": a lowercase RFC 1123"
                    + " subdomain must consist of lower case alphanumeric characters, '-' or '.',"
                    + " and must start and end with an alphanumeric character (e.g."
                    + " 'example.com', regex used for validation is"
                    + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsUpstreamCauses(String name, String spec, List<String> expected) {
    String yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  " + spec + "\n";
    assertThat(Fixtures.causes(rules, yaml)).containsExactlyElementsOf(expected);
  }
}
