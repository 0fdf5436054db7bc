package dev.tributary.local.apiserver.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.KindHooks;
import dev.tributary.local.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What kube-apiserver's Service storage does beyond defaults, for a single-stack IPv4 cluster: a
 * Service that needs a cluster IP gets one from the range ({@code spec.clusterIP} and {@code
 * spec.clusterIPs}, {@code ipFamilies: [IPv4]}, {@code ipFamilyPolicy: SingleStack}); a requested
 * IP is honoured if it is in the range and free, else the create is Invalid (422). Headless
 * Services ({@code clusterIP: None}) keep {@code None}; ExternalName Services get no IP. An update
 * that leaves the IP fields out keeps the allocated ones, one that changes them is Invalid, and a
 * change to ExternalName gives the IP back. IPs are freed when their Service is removed.
 *
 * <p>Allocations live in a {@link ClusterIpAllocator} that reads the stored Services on first use.
 * Thread-safe.
 */
public final class ServiceClusterIps implements KindHooks {

  private static final String NONE = "None";
  private static final String IPV4 = "IPv4";
  private static final String IPV6 = "IPv6";

  private final ClusterIpAllocator allocator;

  public ServiceClusterIps(ClusterIpAllocator allocator) {
    this.allocator = allocator;
  }

  /** Allocates from {@code range}; the Services already stored in {@code store} keep theirs. */
  public static ServiceClusterIps over(ServiceIpRange range, Store store, Clock clock) {
    return new ServiceClusterIps(
        new ClusterIpAllocator(range, clock, () -> held(store.list("services", null).items())));
  }

  private static Map<Long, String> held(List<ObjectNode> services) {
    Map<Long, String> held = new HashMap<>();
    for (ObjectNode service : services) {
      for (long address : addresses(service)) {
        held.put(address, owner(service));
      }
    }
    return held;
  }

  @Override
  public void applyDefaults(ResourceType type, ObjectNode object, ObjectNode old) {
    if (!isService(type) || old == null) {
      return;
    }
    // Kubernetes' patchAllocatedValues and dropTypeDependentFields: an update need not repeat what
    // was allocated, and a change to ExternalName drops the IP fields it left as they were.
    ObjectNode spec = Fields.ensureObject(object, "spec");
    ObjectNode oldSpec = Fields.ensureObject(old.deepCopy(), "spec");
    boolean oldNeeds = needsClusterIp(oldSpec);
    if (oldNeeds && needsClusterIp(spec)) {
      for (String field : List.of("clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy")) {
        if (isBlank(spec, field) && !isBlank(oldSpec, field)) {
          spec.set(field, oldSpec.get(field).deepCopy());
        }
      }
      // normalizeClusterIPs: of the two linked fields, the one that changed wins.
      String clusterIp = Fields.text(spec, "clusterIP");
      List<String> clusterIps = texts(spec.get("clusterIPs"));
      List<String> oldClusterIps = texts(oldSpec.get("clusterIPs"));
      if (!clusterIp.isEmpty()
          && !clusterIp.equals(Fields.text(oldSpec, "clusterIP"))
          && clusterIps.equals(oldClusterIps)) {
        spec.putArray("clusterIPs").add(clusterIp);
      } else if (!clusterIps.isEmpty()
          && !clusterIps.equals(oldClusterIps)
          && clusterIp.equals(Fields.text(oldSpec, "clusterIP"))) {
        spec.put("clusterIP", clusterIps.get(0));
      }
    } else if (oldNeeds) {
      for (String field : List.of("clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy")) {
        if (isBlank(spec, field) || spec.get(field).equals(oldSpec.get(field))) {
          spec.remove(field);
        }
      }
      if (spec.path("internalTrafficPolicy").equals(oldSpec.path("internalTrafficPolicy"))) {
        spec.remove("internalTrafficPolicy");
      }
    }
  }

  @Override
  public void prepareForCreate(ResourceType type, ObjectNode object) {
    if (isService(type)) {
      assign(object, Fields.ensureObject(object, "spec"));
    }
  }

  @Override
  public void prepareForUpdate(ResourceType type, ObjectNode object, ObjectNode old) {
    if (!isService(type)) {
      return;
    }
    ObjectNode spec = Fields.ensureObject(object, "spec");
    ObjectNode oldSpec = Fields.object(old, "spec");
    if (oldSpec != null && needsClusterIp(oldSpec) && needsClusterIp(spec)) {
      List<String> before = texts(oldSpec.get("clusterIPs"));
      List<String> after = texts(spec.get("clusterIPs"));
      if (before.equals(after)) {
        return;
      }
      if (after.isEmpty()) {
        throw invalid(object, "spec.clusterIPs[0]", after, "primary clusterIP can not be unset");
      }
      throw invalid(object, "spec.clusterIPs[0]", after, "may not change once set");
    }
    assign(object, spec);
  }

  @Override
  public void afterCreate(ResourceType type, ObjectNode stored) {
    if (isService(type)) {
      allocator.confirm(owner(stored), addresses(stored));
    }
  }

  @Override
  public void afterUpdate(ResourceType type, ObjectNode stored, ObjectNode old) {
    if (isService(type)) {
      List<Long> now = addresses(stored);
      allocator.confirm(owner(stored), now);
      List<Long> gone = new ArrayList<>(addresses(old));
      gone.removeAll(now);
      allocator.release(owner(old), gone);
    }
  }

  @Override
  public void afterDelete(ResourceType type, ObjectNode last) {
    if (isService(type)) {
      allocator.release(owner(last), addresses(last));
    }
  }

  /** Sets the IP families and cluster IPs of a Service that has none allocated yet. */
  private void assign(ObjectNode service, ObjectNode spec) {
    if (!needsClusterIp(spec)) {
      spec.remove("ipFamilies");
      spec.remove("ipFamilyPolicy");
      return;
    }
    String clusterIp = Fields.text(spec, "clusterIP");
    List<String> clusterIps = texts(spec.get("clusterIPs"));
    if (clusterIp.isEmpty() && !clusterIps.isEmpty()) {
      clusterIp = clusterIps.get(0);
      spec.put("clusterIP", clusterIp);
    }
    boolean headless = clusterIp.equals(NONE);
    assignFamilies(service, spec, headless);
    if (headless) {
      setClusterIps(spec, NONE);
      return;
    }
    String owner = owner(service);
    try {
      if (clusterIp.isEmpty()) {
        setClusterIps(spec, ServiceIpRange.format(allocator.allocate(owner)));
        return;
      }
      List<String> requested = clusterIps.isEmpty() ? List.of(clusterIp) : clusterIps;
      Optional<Long> address = ServiceIpRange.parseAddress(clusterIp);
      if (address.isEmpty()) {
        throw invalid(
            service,
            "spec.clusterIPs[0]",
            clusterIp,
            "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
      }
      try {
        allocator.allocate(owner, address.get());
      } catch (ClusterIpAllocator.UnavailableException e) {
        throw invalid(
            service,
            "spec.clusterIPs",
            requested,
            "failed to allocate IP " + clusterIp + ": " + e.getMessage());
      }
      setClusterIps(spec, clusterIp);
    } catch (ClusterIpAllocator.UnavailableException e) {
      throw ApiErrors.internal("failed to allocate a service IP: " + e.getMessage());
    }
  }

  /**
   * IPv4 single-stack families; a headless Service without a selector defaults to dual-stack
   * families as Kubernetes allows it even on a single-stack cluster.
   */
  private static void assignFamilies(ObjectNode service, ObjectNode spec, boolean headless) {
    List<String> families = texts(spec.get("ipFamilies"));
    String policy = Fields.text(spec, "ipFamilyPolicy");
    if (headless && Fields.isEmpty(spec, "selector")) {
      if (policy.isEmpty()) {
        policy = "RequireDualStack";
      }
      if (families.isEmpty()) {
        families = new ArrayList<>(List.of(IPV4));
      }
      if (families.size() < 2 && !policy.equals("SingleStack")) {
        families = new ArrayList<>(families);
        families.add(families.get(0).equals(IPV4) ? IPV6 : IPV4);
      }
    } else {
      for (int i = 0; i < families.size(); i++) {
        if (!families.get(i).equals(IPV4)) {
          throw invalid(
              service,
              "spec.ipFamilies[" + i + "]",
              families.get(i),
              "not configured on this cluster");
        }
      }
      if (policy.equals("RequireDualStack")) {
        throw invalid(
            service,
            "spec.ipFamilyPolicy",
            policy,
            "this cluster is not configured for dual-stack services");
      }
      if (policy.isEmpty()) {
        policy = "SingleStack";
      }
      families = List.of(IPV4);
    }
    ArrayNode familyArray = spec.putArray("ipFamilies");
    families.forEach(familyArray::add);
    spec.put("ipFamilyPolicy", policy);
  }

  private static void setClusterIps(ObjectNode spec, String address) {
    spec.put("clusterIP", address);
    spec.putArray("clusterIPs").add(address);
  }

  private static boolean needsClusterIp(ObjectNode spec) {
    return !Fields.text(spec, "type").equals("ExternalName");
  }

  /** The in-range IPs a stored Service holds (none for headless and ExternalName ones). */
  private static List<Long> addresses(ObjectNode service) {
    ObjectNode spec = Fields.object(service, "spec");
    if (spec == null || !needsClusterIp(spec)) {
      return List.of();
    }
    List<String> ips = texts(spec.get("clusterIPs"));
    if (ips.isEmpty() && !Fields.text(spec, "clusterIP").isEmpty()) {
      ips = List.of(Fields.text(spec, "clusterIP"));
    }
    return ips.stream()
        .map(ServiceIpRange::parseAddress)
        .flatMap(Optional::stream)
        .collect(Collectors.toList());
  }

  private static String owner(ObjectNode service) {
    ObjectNode metadata = Fields.object(service, "metadata");
    return Fields.text(metadata, "namespace") + "/" + Fields.text(metadata, "name");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(item -> texts.add(item.asText()));
    }
    return texts;
  }

  private static boolean isBlank(ObjectNode spec, String field) {
    JsonNode value = spec.get(field);
    return value == null
        || value.isNull()
        || (value.isTextual() && value.asText().isEmpty())
        || (value.isContainerNode() && value.isEmpty());
  }

  private static boolean isService(ResourceType type) {
    return type.group().isEmpty() && type.kind().equals("Service");
  }

  private static RuntimeException invalid(
      ObjectNode service, String field, Object value, String detail) {
    Object shown = value instanceof List<?> list ? new GoStrings(list) : value;
    return ApiErrors.invalid(
        "",
        "Service",
        Fields.text(Fields.object(service, "metadata"), "name"),
        List.of(FieldCause.invalid(field, shown, detail)));
  }

  /** A []string as Go's %#v prints it inside a field error: {@code []string{"a", "b"}}. */
  private record GoStrings(List<?> items) {
    @Override
    public String toString() {
      return items.stream()
          .map(item -> dev.tributary.local.apiserver.errors.GoQuote.quote(String.valueOf(item)))
          .collect(Collectors.joining(", ", "[]string{", "}"));
    }
  }
}
