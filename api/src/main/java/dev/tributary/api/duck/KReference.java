package dev.tributary.api.duck;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A reference to an object by apiVersion, kind, name (and namespace), as knative.dev/pkg's {@code
 * duckv1.KReference}.
 *
 * @param group experimental; rejected unless the kreference-group feature is on (it never is here)
 * @param address selects a named entry of the target's {@code status.addresses}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record KReference(
    String kind, String namespace, String name, String apiVersion, String group, String address) {

  /** A reference with only the usual four fields. */
  public static KReference of(String apiVersion, String kind, String namespace, String name) {
    return new KReference(kind, namespace, name, apiVersion, null, null);
  }

  /** This reference with {@code namespace} filled in when it is empty. */
  public KReference withDefaultNamespace(String defaultNamespace) {
    if (namespace != null && !namespace.isEmpty()) {
      return this;
    }
    return new KReference(kind, defaultNamespace, name, apiVersion, group, address);
  }
}
