package dev.tributary.local.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkloadRulesTest {

  private static final String TEMPLATE =
      "template: {metadata: {labels: {app: x}}, spec: {containers: [{name: c, image: i}]}}";
  private static final String EMPTY_SELECTOR =
      "&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}";

  private final WorkloadRules rules = new WorkloadRules();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "Deployment",
            "replicas: 1\n  selector: {matchLabels: {app: x}}\n  " + TEMPLATE,
            List.of()),
        Arguments.of(
            "Deployment",
            "selector: {}\n  template: {}",
            List.of(
                "spec.selector: Invalid value: "
                    + EMPTY_SELECTOR
                    + ": empty selector is invalid for deployment",
                "spec.template.spec.containers: Required value")),
        Arguments.of(
            "Deployment",
            "template: {}",
            List.of(
                "spec.selector: Required value",
                "spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector`"
                    + " does not match template `labels`",
                "spec.template.spec.containers: Required value")),
        Arguments.of(
            "Deployment",
            "replicas: -1\n  selector: {matchLabels: {app: y, tier: web}}\n  " + TEMPLATE,
            List.of(
                "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"x\"}:"
                    + " `selector` does not match template `labels`")),
        Arguments.of(
            "Deployment",
            "selector: {matchExpressions: [{key: app, operator: In}]}\n  " + TEMPLATE,
            List.of(
                "spec.selector.matchExpressions[0].values: Required value: must be specified when"
                    + " `operator` is 'In' or 'NotIn'",
                "spec.selector: Invalid value: &LabelSelector{MatchLabels:map[string]string{},"
                    + "MatchExpressions:[]LabelSelectorRequirement{LabelSelectorRequirement{Key:app,"
                    + "Operator:In,Values:[],},},}: invalid label selector")),
        Arguments.of(
            "Deployment",
            "selector: {matchLabels: {app: x}}\n  template: {metadata: {labels: {app: x}}, spec: {restartPolicy: Never, activeDeadlineSeconds: 5, containers: [{name: c, image: i}]}}",
            List.of(
                "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values:"
                    + " \"Always\"",
                "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in"
                    + " ReplicaSet is not Supported")),
        Arguments.of(
            "Deployment",
            "strategy: {type: Blue}\n  selector: {matchLabels: {app: x}}\n  " + TEMPLATE,
            List.of(
                "spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:\"Blue\","
                    + " RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values:"
                    + " \"Recreate\", \"RollingUpdate\"")),
        Arguments.of(
            "Deployment",
            "strategy: {type: Recreate, rollingUpdate: {}}\n  selector: {matchLabels: {app: x}}\n  "
                + TEMPLATE,
            List.of(
                "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy"
                    + " `type` is 'Recreate'")),
        Arguments.of(
            "Deployment",
            "strategy: {rollingUpdate: {maxUnavailable: 0, maxSurge: 0}}\n  selector: {matchLabels: {app: x}}\n  "
                + TEMPLATE,
            List.of(
                "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when"
                    + " `maxSurge` is 0")),
        Arguments.of(
            "Deployment",
            "strategy: {rollingUpdate: {maxUnavailable: 150%, maxSurge: lots}}\n  selector: {matchLabels: {app: x}}\n  "
                + TEMPLATE,
            List.of(
                "spec.strategy.rollingUpdate.maxSurge: Invalid value: lots: a valid percent string"
                    + " must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%',"
                    + " regex used for validation is '[0-9]+%')",
                "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 150%: must not be"
                    + " greater than 100%")),
        Arguments.of(
            "ReplicaSet",
            "selector: {}\n  " + TEMPLATE,
            List.of(
                "spec.selector: Invalid value: "
                    + EMPTY_SELECTOR
                    + ": empty selector is invalid for deployment")),
        Arguments.of(
            "StatefulSet",
            "podManagementPolicy: Random\n  updateStrategy: {type: Sometimes}\n  selector: {}\n  template: {spec: {restartPolicy: OnFailure}}",
            List.of(
                "spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or"
                    + " 'Parallel'",
                "spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:"
                    + "\"Sometimes\", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}:"
                    + " must be 'RollingUpdate' or 'OnDelete'",
                "spec.selector: Invalid value: "
                    + EMPTY_SELECTOR
                    + ": empty selector is invalid for statefulset",
                "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported"
                    + " values: \"Always\"")),
        Arguments.of(
            "DaemonSet",
            "template: {metadata: {labels: {app: x}}}",
            List.of(
                "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"x\"}:"
                    + " `selector` does not match template `labels`",
                "spec.template.spec.containers: Required value")),
        Arguments.of(
            "DaemonSet",
            "selector: {matchLabels: {app: x}}\n  updateStrategy: {rollingUpdate: {maxUnavailable: 0}}\n  "
                + TEMPLATE,
            List.of(
                "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0"
                    + " when maxSurge is 0")));
  }

  @ParameterizedTest(name = "{0} {index}")
  @MethodSource("cases")
  void reportsUpstreamCauses(String kind, String spec, List<String> expected) {
    String yaml =
        "apiVersion: apps/v1\nkind: " + kind + "\nmetadata: {name: w}\nspec:\n  " + spec + "\n";
    assertThat(Fixtures.causes(rules, yaml)).containsExactlyElementsOf(expected);
  }

  @Test
  void selectorIsImmutableButEmptyPartsDoNotCount() {
    var old =
        Fixtures.yaml(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {selector: {matchLabels: {app: x}}, "
                + TEMPLATE
                + "}");
    var same =
        Fixtures.yaml(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {selector: {matchLabels: {app: x}, matchExpressions: []}, "
                + TEMPLATE
                + "}");
    var changed =
        Fixtures.yaml(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {selector: {matchLabels: {app: x, b: c}}, template: {metadata: {labels: {app: x, b: c}}, spec: {containers: [{name: c, image: i}]}}}");
    assertThat(Fixtures.causes(rules, same, old)).isEmpty();
    assertThat(Fixtures.causes(rules, changed, old))
        .containsExactly(
            "spec.selector: Invalid value: &LabelSelector{MatchLabels:map[string]string{app: x,b:"
                + " c,},MatchExpressions:[]LabelSelectorRequirement{},}: field is immutable");
  }

  @Test
  void statefulSetSpecChangesOnlyInUpdatableFields() {
    String base =
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec: {selector: {matchLabels: {app: x}}, serviceName: %s, replicas: %d, "
            + TEMPLATE
            + "}";
    var old = Fixtures.yaml(base.formatted("a", 1));
    assertThat(Fixtures.causes(rules, Fixtures.yaml(base.formatted("a", 3)), old)).isEmpty();
    assertThat(Fixtures.causes(rules, Fixtures.yaml(base.formatted("b", 1)), old))
        .containsExactly(
            "spec: Forbidden: updates to statefulset spec for fields other than 'replicas',"
                + " 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy'"
                + " and 'minReadySeconds' are forbidden");
  }
}
