package dev.tributary.local.apiserver.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A Pod's quality-of-service class from its containers' cpu and memory requests and limits, as
 * kube-apiserver records it in {@code status.qosClass} on create. Stateless.
 */
final class PodQos {

  private static final List<String> RESOURCES = List.of("cpu", "memory");
  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("m", new BigDecimal("0.001")),
          Map.entry("k", BigDecimal.TEN.pow(3)),
          Map.entry("M", BigDecimal.TEN.pow(6)),
          Map.entry("G", BigDecimal.TEN.pow(9)),
          Map.entry("T", BigDecimal.TEN.pow(12)),
          Map.entry("P", BigDecimal.TEN.pow(15)),
          Map.entry("E", BigDecimal.TEN.pow(18)),
          Map.entry("Ki", BigDecimal.valueOf(2).pow(10)),
          Map.entry("Mi", BigDecimal.valueOf(2).pow(20)),
          Map.entry("Gi", BigDecimal.valueOf(2).pow(30)),
          Map.entry("Ti", BigDecimal.valueOf(2).pow(40)),
          Map.entry("Pi", BigDecimal.valueOf(2).pow(50)),
          Map.entry("Ei", BigDecimal.valueOf(2).pow(60)));

  private PodQos() {}

  /** {@code BestEffort}, {@code Guaranteed} or {@code Burstable}; {@code spec} is defaulted. */
  static String of(ObjectNode spec) {
    boolean any = false;
    boolean guaranteed = true;
    for (String list : List.of("initContainers", "containers")) {
      for (ObjectNode container : Fields.objects(spec, list)) {
        ObjectNode resources = Fields.object(container, "resources");
        ObjectNode requests = Fields.object(resources, "requests");
        ObjectNode limits = Fields.object(resources, "limits");
        for (String resource : RESOURCES) {
          BigDecimal request = quantity(requests, resource);
          BigDecimal limit = quantity(limits, resource);
          any |= isPositive(request) || isPositive(limit);
          if (!isPositive(limit) || request == null || request.compareTo(limit) != 0) {
            guaranteed = false;
          }
        }
      }
    }
    if (!any) {
      return "BestEffort";
    }
    return guaranteed ? "Guaranteed" : "Burstable";
  }

  private static boolean isPositive(BigDecimal value) {
    return value != null && value.signum() > 0;
  }

  /** A resource quantity ({@code 100m}, {@code 1Gi}, {@code 2}); null if missing or unreadable. */
  static BigDecimal quantity(ObjectNode list, String resource) {
    JsonNode value = list == null ? null : list.get(resource);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    String text = value.asText().trim();
    try {
      for (String suffix :
          List.of("Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "m", "k", "M", "G", "T", "P", "E")) {
        if (text.endsWith(suffix)) {
          return new BigDecimal(text.substring(0, text.length() - suffix.length()))
              .multiply(SUFFIXES.get(suffix));
        }
      }
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null; // validation, not QoS, is where a malformed quantity is reported
    }
  }
}
