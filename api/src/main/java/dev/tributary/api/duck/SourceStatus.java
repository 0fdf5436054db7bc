package dev.tributary.api.duck;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status every source shares (knative.dev/pkg's {@code duckv1.SourceStatus}). Kinds extend it.
 * A mutable bean because Kubernetes status is written in place by reconcilers; conditions change
 * only through a kind's Lifecycle, which manages them with its {@link ConditionSet}. Not
 * thread-safe: one owner at a time.
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

  /**
   * Makes every field this class declares (conditions and observedGeneration included) a copy of
   * {@code other}'s, sharing no list or map with it. Fields a subclass adds are not touched. Used
   * by version conversion and a kind's deep copy.
   */
  public void copyFrom(SourceStatus other) {
    setObservedGeneration(other.getObservedGeneration());
    setConditions(other.getConditions());
    copyOutputsFrom(other);
  }

  /**
   * Makes what a source publishes about its output (annotations, sinkUri, sinkCACerts,
   * sinkAudience, ceAttributes) a copy of {@code other}'s, sharing no list or map with it; leaves
   * this status's conditions and observedGeneration alone. Used by kinds that mirror a child's
   * status (ContainerSource mirrors its SinkBinding's).
   */
  public void copyOutputsFrom(SourceStatus other) {
    setAnnotations(
        other.getAnnotations() == null ? null : new LinkedHashMap<>(other.getAnnotations()));
    setSinkUri(other.getSinkUri());
    setSinkCACerts(other.getSinkCACerts());
    setSinkAudience(other.getSinkAudience());
    setCeAttributes(
        other.getCeAttributes() == null ? null : new ArrayList<>(other.getCeAttributes()));
  }
}
