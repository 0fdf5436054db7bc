package dev.tributary.api.duck;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The status every source shares (knative.dev/pkg's {@code duckv1.SourceStatus}). Kinds extend it.
 * A mutable bean because Kubernetes status is written in place by reconcilers; conditions change
 * only through a kind's Lifecycle, which manages them with its {@link ConditionSet}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class SourceStatus implements Conditioned {
  private Long observedGeneration;
  private List<Condition> conditions = new ArrayList<>();
  private Map<String, String> annotations;
  private String sinkUri;
  private String sinkCACerts;
  private String sinkAudience;
  private List<CloudEventAttributes> ceAttributes;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  @Override
  public List<Condition> getConditions() {
    return conditions;
  }

  @Override
  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }

  public String getSinkUri() {
    return sinkUri;
  }

  public void setSinkUri(String sinkUri) {
    this.sinkUri = sinkUri;
  }

  public String getSinkCACerts() {
    return sinkCACerts;
  }

  public void setSinkCACerts(String sinkCACerts) {
    this.sinkCACerts = sinkCACerts;
  }

  public String getSinkAudience() {
    return sinkAudience;
  }

  public void setSinkAudience(String sinkAudience) {
    this.sinkAudience = sinkAudience;
  }

  public List<CloudEventAttributes> getCeAttributes() {
    return ceAttributes;
  }

  public void setCeAttributes(List<CloudEventAttributes> ceAttributes) {
    this.ceAttributes = ceAttributes;
  }
}
