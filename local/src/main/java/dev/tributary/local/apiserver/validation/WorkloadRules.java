package dev.tributary.local.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.ObjectValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code apps/v1} Deployments, ReplicaSets, StatefulSets and DaemonSets as kube-apiserver's apps
 * validation and registry strategies check them: selector required, non-empty and matching the
 * template's labels, non-negative counts, strategy types, the pod template, {@code restartPolicy:
 * Always}; on update an unchanged selector (and for StatefulSets only the updatable spec fields).
 * Absent fields count as their Kubernetes defaults. Stateless.
 */
public final class WorkloadRules implements ObjectValidator {

  private static final String LABELS_MISMATCH = "`selector` does not match template `labels`";

  @Override
  public List<FieldCause> validate(ResourceType type, ObjectNode object, ObjectNode old) {
    if (!type.group().equals("apps")) {
      return List.of();
    }
    JsonNode spec = Json.child(object, "spec");
    List<FieldCause> out = new ArrayList<>();
    switch (type.kind()) {
      case "Deployment" -> {
        deployment(spec, out);
        immutableSelector(spec, old, out);
      }
      case "ReplicaSet" -> {
        Causes.nonNegative(Json.number(spec, "replicas"), "spec.replicas", out);
        Causes.nonNegative(Json.number(spec, "minReadySeconds"), "spec.minReadySeconds", out);
        selectorAndTemplate(spec, out);
        immutableSelector(spec, old, out);
      }
      case "DaemonSet" -> {
        daemonSet(spec, out);
        immutableSelector(spec, old, out);
      }
      case "StatefulSet" -> {
        statefulSet(spec, out);
        if (old != null) {
          statefulSetUpdate(spec, Json.child(old, "spec"), out);
        }
      }
      default -> {}
    }
    return out;
  }

  private static void deployment(JsonNode spec, List<FieldCause> out) {
    Causes.nonNegative(Json.number(spec, "replicas"), "spec.replicas", out);
    selectorAndTemplate(spec, out);
    strategy(Json.child(spec, "strategy"), out);
    Long minReady = Json.number(spec, "minReadySeconds");
    Causes.nonNegative(minReady, "spec.minReadySeconds", out);
    Causes.nonNegative(Json.number(spec, "revisionHistoryLimit"), "spec.revisionHistoryLimit", out);
    Long deadline = Json.number(spec, "progressDeadlineSeconds");
    if (deadline != null) {
      Causes.nonNegative(deadline, "spec.progressDeadlineSeconds", out);
      if (deadline <= (minReady == null ? 0 : minReady)) {
        out.add(
            FieldCause.invalid(
                "spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds"));
      }
    }
  }

  /**
   * The selector and template rules Deployments and ReplicaSets share (both say "for deployment",
   * as upstream does, and "in ReplicaSet" for a deadline).
   */
  private static void selectorAndTemplate(JsonNode spec, List<FieldCause> out) {
    JsonNode selector = Json.child(spec, "selector");
    requiredSelector(selector, "deployment", out);
    if (!Selectors.convertible(selector)) {
      out.add(
          FieldCause.invalid(
              "spec.selector", GoValue.labelSelector(selector), "invalid label selector"));
      return;
    }
    JsonNode template = Json.child(spec, "template");
    templateLabelsMatch(selector, template, out);
    PodSpecRules.template(template, "spec.template", out);
    alwaysRestart(template, "ReplicaSet", out);
  }

  private static void statefulSet(JsonNode spec, List<FieldCause> out) {
    String policy = Json.text(spec, "podManagementPolicy");
    if (!policy.isEmpty() && !policy.equals("OrderedReady") && !policy.equals("Parallel")) {
      out.add(
          FieldCause.invalid(
              "spec.podManagementPolicy", policy, "must be 'OrderedReady' or 'Parallel'"));
    }
    JsonNode strategy = Json.child(spec, "updateStrategy");
    JsonNode rolling = Json.child(strategy, "rollingUpdate");
    switch (Json.text(strategy, "type")) {
      case "", "RollingUpdate" ->
          Causes.nonNegative(
              Json.number(rolling, "partition"),
              "spec.updateStrategy.rollingUpdate.partition",
              out);
      case "OnDelete" -> {
        if (!rolling.isMissingNode()) {
          out.add(
              FieldCause.invalid(
                  "spec.updateStrategy.rollingUpdate",
                  statefulSetRollingUpdate(rolling),
                  "only allowed for updateStrategy 'RollingUpdate'"));
        }
      }
      default ->
          out.add(
              FieldCause.invalid(
                  "spec.updateStrategy",
                  new GoValue(
                      "apps.StatefulSetUpdateStrategy{Type:"
                          + GoValue.quoted(Json.text(strategy, "type"))
                          + ", RollingUpdate:"
                          + pointer("apps.RollingUpdateStatefulSetStrategy", rolling)
                          + "}"),
                  "must be 'RollingUpdate' or 'OnDelete'"));
    }
    Causes.nonNegative(Json.number(spec, "replicas"), "spec.replicas", out);
    Causes.nonNegative(Json.number(spec, "minReadySeconds"), "spec.minReadySeconds", out);
    JsonNode selector = Json.child(spec, "selector");
    requiredSelector(selector, "statefulset", out);
    JsonNode template = Json.child(spec, "template");
    if (Selectors.convertible(selector)) {
      templateLabelsMatch(selector, template, out);
      // Upstream checks only the template's labels and annotations for StatefulSets.
      JsonNode metadata = Json.child(template, "metadata");
      MetadataRules.labels(Json.stringMap(metadata, "labels"), "spec.template.labels", out);
      MetadataRules.annotations(
          Json.stringMap(metadata, "annotations"), "spec.template.annotations", out);
    }
    alwaysRestart(template, "StatefulSet", out);
  }

  private static void statefulSetUpdate(JsonNode spec, JsonNode oldSpec, List<FieldCause> out) {
    if (!frozenStatefulSetSpec(spec).equals(frozenStatefulSetSpec(oldSpec))) {
      out.add(
          FieldCause.forbidden(
              "spec",
              "updates to statefulset spec for fields other than 'replicas', 'ordinals',"
                  + " 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and"
                  + " 'minReadySeconds' are forbidden"));
    }
  }

  /** The StatefulSet spec without its updatable fields, with the defaults that matter. */
  private static JsonNode frozenStatefulSetSpec(JsonNode spec) {
    ObjectNode frozen =
        spec.isObject() ? ((ObjectNode) spec).deepCopy() : JsonNodeFactory.instance.objectNode();
    for (String field :
        List.of(
            "replicas",
            "ordinals",
            "template",
            "updateStrategy",
            "persistentVolumeClaimRetentionPolicy",
            "minReadySeconds")) {
      frozen.remove(field);
    }
    if (Json.text(frozen, "podManagementPolicy").isEmpty()) {
      frozen.set("podManagementPolicy", TextNode.valueOf("OrderedReady"));
    }
    if (!Json.has(frozen, "revisionHistoryLimit")) {
      frozen.put("revisionHistoryLimit", 10);
    }
    if (frozen.has("selector")) {
      frozen.set("selector", normalizedSelector(frozen.get("selector")));
    }
    return frozen;
  }

  private static void daemonSet(JsonNode spec, List<FieldCause> out) {
    JsonNode selector = Json.child(spec, "selector");
    Selectors.validate(selector, "spec.selector", out);
    JsonNode template = Json.child(spec, "template");
    if (Selectors.convertible(selector) && !Selectors.matches(selector, templateLabels(template))) {
      out.add(
          FieldCause.invalid(
              "spec.template.metadata.labels",
              GoValue.stringMap(templateLabels(template)),
              LABELS_MISMATCH));
    }
    if (!selector.isMissingNode() && Selectors.isEmpty(selector)) {
      out.add(
          FieldCause.invalid(
              "spec.selector",
              GoValue.labelSelector(selector),
              "empty selector is invalid for daemonset"));
    }
    PodSpecRules.template(template, "spec.template", out);
    alwaysRestart(template, "DaemonSet", out);
    Causes.nonNegative(Json.number(spec, "minReadySeconds"), "spec.minReadySeconds", out);
    Causes.nonNegative(Json.number(spec, "templateGeneration"), "spec.templateGeneration", out);
    JsonNode strategy = Json.child(spec, "updateStrategy");
    JsonNode rolling = Json.child(strategy, "rollingUpdate");
    switch (Json.text(strategy, "type")) {
      case "OnDelete" -> {}
      case "", "RollingUpdate" -> daemonSetRollingUpdate(rolling, out);
      default ->
          out.add(
              FieldCause.notSupported(
                  "spec.updateStrategy",
                  new GoValue(
                      "apps.DaemonSetUpdateStrategy{Type:"
                          + GoValue.quoted(Json.text(strategy, "type"))
                          + ", RollingUpdate:"
                          + pointer("apps.RollingUpdateDaemonSet", rolling)
                          + "}"),
                  List.of("RollingUpdate", "OnDelete")));
    }
    Causes.nonNegative(Json.number(spec, "revisionHistoryLimit"), "spec.revisionHistoryLimit", out);
  }

  /** {@code ValidateRollingUpdateDaemonSet}, with the defaults maxUnavailable 1, maxSurge 0. */
  private static void daemonSetRollingUpdate(JsonNode rolling, List<FieldCause> out) {
    String path = "spec.updateStrategy.rollingUpdate";
    JsonNode unavailable = orDefault(Json.child(rolling, "maxUnavailable"), 1);
    JsonNode surge = orDefault(Json.child(rolling, "maxSurge"), 0);
    IntOrPercent.validatePositive(unavailable, path + ".maxUnavailable", out);
    IntOrPercent.validatePositive(surge, path + ".maxSurge", out);
    IntOrPercent.validateAtMost100Percent(unavailable, path + ".maxUnavailable", out);
    IntOrPercent.validateAtMost100Percent(surge, path + ".maxSurge", out);
    boolean hasUnavailable = IntOrPercent.amount(unavailable) != 0;
    boolean hasSurge = IntOrPercent.amount(surge) != 0;
    if (hasUnavailable && hasSurge) {
      out.add(
          FieldCause.invalid(
              path + ".maxSurge",
              IntOrPercent.render(surge),
              "may not be set when maxUnavailable is non-zero"));
    } else if (!hasUnavailable && !hasSurge) {
      out.add(FieldCause.required(path + ".maxUnavailable", "cannot be 0 when maxSurge is 0"));
    }
  }

  /** {@code ValidateDeploymentStrategy}, with the default {@code RollingUpdate} of 25%/25%. */
  private static void strategy(JsonNode strategy, List<FieldCause> out) {
    JsonNode rolling = Json.child(strategy, "rollingUpdate");
    switch (Json.text(strategy, "type")) {
      case "Recreate" -> {
        if (!rolling.isMissingNode()) {
          out.add(
              FieldCause.forbidden(
                  "spec.strategy.rollingUpdate",
                  "may not be specified when strategy `type` is 'Recreate'"));
        }
      }
      case "", "RollingUpdate" -> {
        String path = "spec.strategy.rollingUpdate";
        JsonNode unavailable = orDefault(Json.child(rolling, "maxUnavailable"), "25%");
        JsonNode surge = orDefault(Json.child(rolling, "maxSurge"), "25%");
        IntOrPercent.validatePositive(unavailable, path + ".maxUnavailable", out);
        IntOrPercent.validatePositive(surge, path + ".maxSurge", out);
        if (IntOrPercent.amount(unavailable) == 0 && IntOrPercent.amount(surge) == 0) {
          out.add(
              FieldCause.invalid(
                  path + ".maxUnavailable",
                  IntOrPercent.render(unavailable),
                  "may not be 0 when `maxSurge` is 0"));
        }
        IntOrPercent.validateAtMost100Percent(unavailable, path + ".maxUnavailable", out);
      }
      default ->
          out.add(
              FieldCause.notSupported(
                  "spec.strategy",
                  new GoValue(
                      "apps.DeploymentStrategy{Type:"
                          + GoValue.quoted(Json.text(strategy, "type"))
                          + ", RollingUpdate:"
                          + pointer("apps.RollingUpdateDeployment", rolling)
                          + "}"),
                  List.of("Recreate", "RollingUpdate")));
    }
  }

  /** Selector required; present but without requirements is invalid for {@code what}. */
  private static void requiredSelector(JsonNode selector, String what, List<FieldCause> out) {
    if (selector.isMissingNode()) {
      out.add(FieldCause.required("spec.selector", ""));
      return;
    }
    Selectors.validate(selector, "spec.selector", out);
    if (Selectors.isEmpty(selector)) {
      out.add(
          FieldCause.invalid(
              "spec.selector",
              GoValue.labelSelector(selector),
              "empty selector is invalid for " + what));
    }
  }

  /**
   * The template's labels must satisfy the selector, unless the selector is empty (which selects
   * everything); an absent selector selects nothing, so it never matches.
   */
  private static void templateLabelsMatch(
      JsonNode selector, JsonNode template, List<FieldCause> out) {
    boolean everything = !selector.isMissingNode() && Selectors.isEmpty(selector);
    if (!everything && !Selectors.matches(selector, templateLabels(template))) {
      out.add(
          FieldCause.invalid(
              "spec.template.metadata.labels",
              GoValue.stringMap(templateLabels(template)),
              LABELS_MISMATCH));
    }
  }

  /** Controllers' pods restart always; they have no deadline. */
  private static void alwaysRestart(JsonNode template, String owner, List<FieldCause> out) {
    JsonNode podSpec = Json.child(template, "spec");
    String policy = PodSpecRules.restartPolicy(podSpec);
    if (!policy.equals("Always")) {
      out.add(
          FieldCause.notSupported("spec.template.spec.restartPolicy", policy, List.of("Always")));
    }
    if (Json.has(podSpec, "activeDeadlineSeconds")) {
      out.add(
          FieldCause.forbidden(
              "spec.template.spec.activeDeadlineSeconds",
              "activeDeadlineSeconds in " + owner + " is not Supported"));
    }
  }

  /** apps/v1 selectors never change (the registry strategies' rule). */
  private static void immutableSelector(JsonNode spec, ObjectNode old, List<FieldCause> out) {
    if (old == null) {
      return;
    }
    JsonNode selector = Json.child(spec, "selector");
    JsonNode oldSelector = Json.child(Json.child(old, "spec"), "selector");
    if (!normalizedSelector(selector).equals(normalizedSelector(oldSelector))) {
      out.add(
          FieldCause.invalid("spec.selector", GoValue.labelSelector(selector), Causes.IMMUTABLE));
    }
  }

  /** A selector without empty parts: Kubernetes' semantic equality treats empty as nil. */
  static JsonNode normalizedSelector(JsonNode selector) {
    ObjectNode normal = JsonNodeFactory.instance.objectNode();
    if (selector.isMissingNode() || selector.isNull()) {
      return normal.nullNode();
    }
    for (String part : List.of("matchLabels", "matchExpressions")) {
      JsonNode value = Json.child(selector, part);
      if (!value.isMissingNode() && !value.isEmpty()) {
        normal.set(part, value);
      }
    }
    return normal;
  }

  static java.util.Map<String, String> templateLabels(JsonNode template) {
    return Json.stringMap(Json.child(template, "metadata"), "labels");
  }

  private static JsonNode orDefault(JsonNode value, Object fallback) {
    if (!value.isMissingNode()) {
      return value;
    }
    return fallback instanceof Integer i
        ? JsonNodeFactory.instance.numberNode(i)
        : TextNode.valueOf(fallback.toString());
  }

  /** Go's {@code %#v} of a struct pointer field: nil, or an address we cannot reproduce. */
  private static String pointer(String type, JsonNode value) {
    return "(*" + type + ")(" + (value.isMissingNode() ? "nil" : "0xc000000000") + ")";
  }

  private static GoValue statefulSetRollingUpdate(JsonNode rolling) {
    Long partition = Json.number(rolling, "partition");
    return new GoValue(
        "apps.RollingUpdateStatefulSetStrategy{Partition:"
            + (partition == null ? 0 : partition)
            + ", MaxUnavailable:"
            + pointer("intstr.IntOrString", Json.child(rolling, "maxUnavailable"))
            + "}");
  }
}
