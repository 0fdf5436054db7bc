package dev.tributary.api.sources.apiserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tributary.api.duck.SourceStatus;
import java.util.List;

/**
 * The observed state of an ApiServerSource: the shared source status plus {@code namespaces}, the
 * namespaces the adapter actually watches. A mutable bean written by the reconciler; conditions
 * change only through {@link ApiServerSourceLifecycle}.
 */
public class ApiServerSourceStatus extends SourceStatus {
  private List<String> namespaces;

  /**
   * The namespaces watched, sorted; null until reconciled. Written even when empty (upstream's JSON
   * has no {@code omitempty} here, and a selector matching no namespace yields {@code []}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces == null ? null : List.copyOf(namespaces);
  }
}
