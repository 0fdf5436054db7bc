package dev.tributary.local.apiserver;

import dev.tributary.local.apiserver.admission.AdmissionPlugins;
import dev.tributary.local.apiserver.admission.webhook.WebhookConfigurationValidation;
import dev.tributary.local.apiserver.crd.CrdSchemas;
import dev.tributary.local.apiserver.crd.KnativeSourceConverters;
import dev.tributary.local.apiserver.crd.SchemaProcessor;
import dev.tributary.local.apiserver.crd.VersionConverters;
import dev.tributary.local.apiserver.rbac.Authorizer;
import dev.tributary.local.apiserver.rest.DeletionListener;
import dev.tributary.local.apiserver.rest.KubePatches;
import dev.tributary.local.apiserver.rest.ObjectValidator;
import dev.tributary.local.apiserver.rest.PatchEngine;
import dev.tributary.local.apiserver.table.TableRenderer;
import dev.tributary.local.apiserver.validation.BuiltinValidation;
import dev.tributary.local.kubelet.logs.ContainerLogReader;
import java.util.Objects;

/**
 * The pluggable parts of the API server, each with a working default: who may do what, how tables,
 * patches, custom-resource schemas, version conversion and built-in validation are done, and who
 * hears of deletions. Immutable; the {@code with} methods return changed copies.
 *
 * @param authorizer decides every authenticated request; null (the default) for RBAC over the
 *     server's Roles, ClusterRoles and bindings
 * @param tables renders Tables for {@code kubectl get}; null (the default) for Kubernetes' printers
 *     measuring ages with the server's clock
 * @param patches applies PATCH bodies (default: Kubernetes' four patch types)
 * @param schemas prunes, defaults and validates custom objects (default: their CRD's schemas)
 * @param converters converts between served versions (default: the {@code sources.knative.dev}
 *     kinds through their v1, identity for all other kinds)
 * @param validator validates built-in kinds (default: {@link BuiltinValidation#defaults()}, the
 *     rules of kube-apiserver users meet most, RBAC's included)
 * @param deletions hears of removed objects (default: nobody; ownerReference garbage collection is
 *     built into the server regardless)
 * @param admission the admission plugins (default: the webhooks that webhook configurations
 *     register)
 * @param podLogs where {@code pods/log} reads containers' output (default: {@link
 *     ContainerLogReader#NONE}, for a server without a kubelet)
 */
public record ApiExtensions(
    Authorizer authorizer,
    TableRenderer tables,
    PatchEngine patches,
    SchemaProcessor schemas,
    VersionConverters converters,
    ObjectValidator validator,
    DeletionListener deletions,
    AdmissionPlugins admission,
    ContainerLogReader podLogs) {

  public ApiExtensions {
    Objects.requireNonNull(patches, "patches");
    Objects.requireNonNull(schemas, "schemas");
    Objects.requireNonNull(converters, "converters");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(deletions, "deletions");
    Objects.requireNonNull(admission, "admission");
    Objects.requireNonNull(podLogs, "podLogs");
  }

  /** Every default. */
  public static ApiExtensions defaults() {
    return new ApiExtensions(
        null,
        null,
        new KubePatches(),
        new CrdSchemas(),
        KnativeSourceConverters.registerAll(new VersionConverters()),
        ObjectValidator.all(BuiltinValidation.defaults(), new WebhookConfigurationValidation()),
        DeletionListener.none(),
        AdmissionPlugins.defaults(),
        ContainerLogReader.NONE);
  }

  public ApiExtensions withAuthorizer(Authorizer value) {
    return new ApiExtensions(
        value, tables, patches, schemas, converters, validator, deletions, admission, podLogs);
  }

  public ApiExtensions withTables(TableRenderer value) {
    return new ApiExtensions(
        authorizer, value, patches, schemas, converters, validator, deletions, admission, podLogs);
  }

  public ApiExtensions withPatches(PatchEngine value) {
    return new ApiExtensions(
        authorizer, tables, value, schemas, converters, validator, deletions, admission, podLogs);
  }

  public ApiExtensions withSchemas(SchemaProcessor value) {
    return new ApiExtensions(
        authorizer, tables, patches, value, converters, validator, deletions, admission, podLogs);
  }

  public ApiExtensions withConverters(VersionConverters value) {
    return new ApiExtensions(
        authorizer, tables, patches, schemas, value, validator, deletions, admission, podLogs);
  }

  public ApiExtensions withValidator(ObjectValidator value) {
    return new ApiExtensions(
        authorizer, tables, patches, schemas, converters, value, deletions, admission, podLogs);
  }

  public ApiExtensions withDeletions(DeletionListener value) {
    return new ApiExtensions(
        authorizer, tables, patches, schemas, converters, validator, value, admission, podLogs);
  }

  public ApiExtensions withAdmission(AdmissionPlugins value) {
    return new ApiExtensions(
        authorizer, tables, patches, schemas, converters, validator, deletions, value, podLogs);
  }

  public ApiExtensions withPodLogs(ContainerLogReader value) {
    return new ApiExtensions(
        authorizer, tables, patches, schemas, converters, validator, deletions, admission, value);
  }
}
