package dev.tributary.api.tracker;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.LabelSelector;

/**
 * A reference to one object by name, or to every object of a kind matching a label selector, in one
 * namespace: knative.dev/pkg's {@code tracker.Reference}, the shape of a SinkBinding's {@code
 * subject}.
 *
 * <p>{@code selector} is a fabric8 model object and so mutable; this record and the code here treat
 * it as a value and never change it.
 *
 * @param apiVersion e.g. {@code batch/v1}; only its group matters when matching objects
 * @param kind e.g. {@code Job}
 * @param namespace the referents' namespace
 * @param name one referent; exclusive with {@code selector}
 * @param selector the referents' labels; exclusive with {@code name}. An empty selector selects
 *     every object of the kind, so it is kept when serialized
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Reference(
    String apiVersion, String kind, String namespace, String name, LabelSelector selector) {

  /** A reference to one named object. */
  public static Reference byName(String apiVersion, String kind, String namespace, String name) {
    return new Reference(apiVersion, kind, namespace, name, null);
  }

  /** A reference to the objects of a kind whose labels match {@code selector}. */
  public static Reference bySelector(
      String apiVersion, String kind, String namespace, LabelSelector selector) {
    return new Reference(apiVersion, kind, namespace, null, selector);
  }

  /** This reference with {@code namespace} filled in when it is empty. */
  public Reference withDefaultNamespace(String defaultNamespace) {
    if (namespace != null && !namespace.isEmpty()) {
      return this;
    }
    return new Reference(apiVersion, kind, defaultNamespace, name, selector);
  }
}
