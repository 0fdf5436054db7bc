package dev.tributary.local.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's running admission: the mutating steps, then (after the object service's own
 * validation) the validating steps, in kube-apiserver's order: in-process plugins first, then
 * webhooks. Built by {@link AdmissionPlugins#build}; started and closed by the API server.
 *
 * <p>Thread-safe once started; {@link #mutate} and {@link #validate} block while steps do (store
 * reads, webhook calls): call them on worker threads only.
 */
public final class AdmissionChain implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AdmissionChain.class);

  /** Something a step needs running, e.g. a watch-fed cache. */
  public interface Resource extends AutoCloseable {

    /** Loads what the step needs; blocking. Called once, before the server takes requests. */
    void start();

    @Override
    void close();
  }

  private final List<MutatingAdmission> mutating;
  private final List<ValidatingAdmission> validating;
  private final List<Resource> resources;

  /**
   * @param mutating run in this order
   * @param validating run in this order
   * @param resources started by {@link #start()} and closed by {@link #close()}
   */
  public AdmissionChain(
      List<MutatingAdmission> mutating,
      List<ValidatingAdmission> validating,
      List<Resource> resources) {
    this.mutating = List.copyOf(mutating);
    this.validating = List.copyOf(validating);
    this.resources = List.copyOf(resources);
  }

  /** Admits everything unchanged. */
  public static AdmissionChain none() {
    return new AdmissionChain(List.of(), List.of(), List.of());
  }

  /** Starts the steps' resources (blocking). */
  public void start() {
    resources.forEach(Resource::start);
  }

  /**
   * Runs every mutating step.
   *
   * @return the object after all of them (null for DELETE)
   * @throws dev.tributary.local.apiserver.errors.ApiException the first refusal
   */
  public ObjectNode mutate(AdmissionAttributes attributes, Warnings warnings) {
    AdmissionAttributes current = attributes;
    for (MutatingAdmission step : mutating) {
      current = current.withObject(step.admit(current, warnings));
    }
    return current.object();
  }

  /**
   * Runs every validating step.
   *
   * @throws dev.tributary.local.apiserver.errors.ApiException the first refusal
   */
  public void validate(AdmissionAttributes attributes, Warnings warnings) {
    for (ValidatingAdmission step : validating) {
      step.validate(attributes, warnings);
    }
  }

  /** Closes the steps' resources; failures are logged, every resource is closed. */
  @Override
  public void close() {
    for (Resource resource : resources) {
      try {
        resource.close();
      } catch (RuntimeException e) {
        log.error("admission resource failed to close resource={}", resource, e);
      }
    }
  }
}
