package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.api.validation.GoQuote;
import dev.tributary.local.apiserver.admission.AdmissionAttributes;
import dev.tributary.local.apiserver.admission.AdmissionChain;
import dev.tributary.local.apiserver.admission.AdmissionContext;
import dev.tributary.local.apiserver.admission.Operation;
import dev.tributary.local.apiserver.crd.SchemaProcessor;
import dev.tributary.local.apiserver.crd.VersionConverters;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.fieldmanager.AppliedConfiguration;
import dev.tributary.local.apiserver.fieldmanager.FieldManager;
import dev.tributary.local.apiserver.fieldmanager.FieldScope;
import dev.tributary.local.apiserver.fieldmanager.ListKeys;
import dev.tributary.local.apiserver.http.Json;
import dev.tributary.local.apiserver.protobuf.BuiltinDecoder;
import dev.tributary.local.apiserver.protobuf.DecodedObject;
import dev.tributary.local.apiserver.protobuf.GoTypeError;
import dev.tributary.local.apiserver.registry.BuiltinResources;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.store.JsonListPage;
import dev.tributary.local.store.ListPage;
import dev.tributary.local.store.ObjectKey;
import dev.tributary.local.store.Store;
import dev.tributary.local.store.StoreException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API server's object semantics over the {@link Store}: what GET, LIST, POST, PUT, PATCH and
 * DELETE do to Kubernetes objects (server-set metadata, optimistic concurrency, the status and
 * generation rules, finalizers, version conversion), independent of HTTP.
 *
 * <p>Objects come in and go out in the version of the {@link ResourceType} addressed and are stored
 * in its storage version. Every method blocks on the store: call from worker threads, never from an
 * event loop. Thread-safe. Failures are {@link ApiException}s carrying Kubernetes' Status.
 */
public final class ObjectService {

  private static final Logger log = LoggerFactory.getLogger(ObjectService.class);

  /** Kubernetes' alphabet for generated name suffixes (no vowels, no look-alikes). */
  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private static final int MAX_GENERATE_ATTEMPTS = 8;
  private static final int MAX_INTERNAL_RETRIES = 16;

  private final Store store;
  private final Clock clock;
  private final VersionConverters converters;
  private final SchemaProcessor schemas;
  private final ObjectValidator validator;
  private final DeletionListener deletions;
  private final PatchEngine patches;
  private final FieldManager fieldManager;
  private final BuiltinDecoder builtins = new BuiltinDecoder(BuiltinResources::all);
  private final SecureRandom random = new SecureRandom();
  private final List<KindHooks> hooks = new CopyOnWriteArrayList<>();
  private volatile AdmissionChain admission = AdmissionChain.none();

  public ObjectService(
      Store store,
      Clock clock,
      VersionConverters converters,
      SchemaProcessor schemas,
      ObjectValidator validator,
      DeletionListener deletions,
      PatchEngine patches) {
    this.store = store;
    this.clock = clock;
    this.converters = converters;
    this.schemas = schemas;
    this.validator = validator;
    this.deletions = deletions;
    this.patches = patches;
    this.fieldManager = new FieldManager(clock);
  }

  /** Adds kind-specific behaviour; hooks run in the order added. */
  public void addHooks(KindHooks kindHooks) {
    hooks.add(kindHooks);
  }

  /** Installs the admission chain every write goes through (default: none). */
  public void useAdmission(AdmissionChain chain) {
    this.admission = chain;
  }

  /** The store underneath, for the watch layer and hooks. */
  public Store store() {
    return store;
  }

  /** The clock timestamps come from. */
  public Clock clock() {
    return clock;
  }

  /** The patch engine, whose content types the HTTP layer checks. */
  public PatchEngine patches() {
    return patches;
  }

  // ---- reads ----

  /** GET: the object, in {@code type}'s version. */
  public ObjectNode get(ResourceType type, String namespace, String name) {
    return served(type, stored(type, namespace, name));
  }

  /** The stored object (storage version), or 404. */
  ObjectNode stored(ResourceType type, String namespace, String name) {
    Optional<ObjectNode> found = call(type, name, () -> store.get(key(type, namespace, name)));
    return found.orElseThrow(() -> ApiErrors.notFound(type.group(), type.plural(), name));
  }

  /**
   * LIST: one page of the objects matching {@code options}, in {@code type}'s version.
   *
   * @param namespace the namespace, or null for all namespaces (and for cluster-scoped resources)
   */
  public ListResult list(ResourceType type, String namespace, ListOptions options) {
    String storeNamespace = type.namespaced() ? namespace : "";
    // As kube-apiserver: the remaining count only where the store can tell it, without selectors.
    boolean countRemaining = options.labels().isEmpty() && options.fields().isEmpty();
    ListPage page;
    try {
      page =
          call(
              type,
              "",
              () ->
                  store.list(
                      type.storageResource(),
                      storeNamespace,
                      options.limit(),
                      options.continueToken(),
                      countRemaining));
    } catch (IllegalArgumentException e) {
      throw ApiErrors.badRequest("invalid continue token: " + e.getMessage());
    }
    List<ObjectNode> items = new ArrayList<>();
    for (ObjectNode object : page.items()) {
      if (options.matches(object)) {
        items.add(served(type, object));
      }
    }
    return new ListResult(items, page.revision(), page.continueToken(), page.remainingItemCount());
  }

  /**
   * LIST without selectors, with the items already serialised: the answer of {@link #list}, but an
   * object stored in {@code type}'s version is sent as its stored JSON, neither parsed nor written
   * again (for a large LIST, most of the server's work); others are converted as {@link #served}
   * does.
   *
   * @throws IllegalArgumentException if {@code options} has a label or field selector (use {@link
   *     #list})
   */
  public JsonListResult listJson(ResourceType type, String namespace, ListOptions options) {
    if (!options.labels().isEmpty() || !options.fields().isEmpty()) {
      throw new IllegalArgumentException("listJson takes no selectors");
    }
    String storeNamespace = type.namespaced() ? namespace : "";
    JsonListPage page;
    try {
      page =
          call(
              type,
              "",
              () ->
                  store.listJson(
                      type.storageResource(),
                      storeNamespace,
                      options.limit(),
                      options.continueToken(),
                      true));
    } catch (IllegalArgumentException e) {
      throw ApiErrors.badRequest("invalid continue token: " + e.getMessage());
    }
    List<byte[]> items = new ArrayList<>(page.items().size());
    for (byte[] stored : page.items()) {
      if (ServedJson.servedAsIs(stored, type.apiVersion(), type.kind())) {
        items.add(stored);
      } else {
        items.add(Json.bytes(served(type, Json.parseObject(stored))));
      }
    }
    return new JsonListResult(
        items, page.revision(), page.continueToken(), page.remainingItemCount());
  }

  // ---- create ----

  /**
   * POST: stores a new object.
   *
   * @param namespace the namespace from the URL (ignored for cluster-scoped resources)
   * @return the stored object, in {@code type}'s version
   */
  public ObjectNode create(ResourceType type, String namespace, ObjectNode body, boolean dryRun) {
    return create(type, namespace, body, dryRun, AdmissionContext.internal());
  }

  /** POST on behalf of the request described by {@code context} (its user, options, warnings). */
  public ObjectNode create(
      ResourceType type,
      String namespace,
      ObjectNode body,
      boolean dryRun,
      AdmissionContext context) {
    return create(type, namespace, body, dryRun, context, false);
  }

  /**
   * POST, or the create of an apply patch ({@code applied}: {@code body} carries the managedFields
   * the apply computed).
   */
  private ObjectNode create(
      ResourceType type,
      String namespace,
      ObjectNode body,
      boolean dryRun,
      AdmissionContext context,
      boolean applied) {
    checkTypeOf(type, body);
    ObjectNode decoded = decodeBuiltin(type, body, context, false);
    ObjectNode object = decoded == body ? body.deepCopy() : decoded;
    ObjectNode metadata = Meta.of(object);
    if (type.namespaced()) {
      String bodyNamespace = Meta.namespace(object);
      if (!bodyNamespace.isEmpty() && !bodyNamespace.equals(namespace)) {
        throw ApiErrors.badRequest(
            "the namespace of the provided object does not match the namespace sent on the"
                + " request");
      }
      metadata.put("namespace", namespace);
    } else {
      metadata.remove("namespace");
    }
    boolean generated = Meta.name(object).isEmpty() && !Meta.text(object, "generateName").isEmpty();
    for (int attempt = 0; ; attempt++) {
      if (generated) {
        metadata.put("name", generateName(Meta.text(object, "generateName")));
      }
      try {
        return createOnce(type, namespace, object, dryRun, context, applied);
      } catch (ApiException e) {
        if (!generated || !e.reason().equals("AlreadyExists") || attempt >= MAX_GENERATE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private ObjectNode createOnce(
      ResourceType type,
      String namespace,
      ObjectNode request,
      boolean dryRun,
      AdmissionContext context,
      boolean applied) {
    if (type.namespaced()) {
      requireNamespaceOpen(type, namespace, Meta.name(request));
    }
    // Mutating admission sees the decoded request, before the server sets its metadata.
    ObjectNode object =
        admission.mutate(
            AdmissionAttributes.of(
                Operation.CREATE,
                type,
                "",
                namespace,
                Meta.name(request),
                decode(type, request.deepCopy()),
                null,
                dryRun,
                context),
            context.warnings());
    ObjectNode metadata = Meta.of(object);
    if (type.namespaced()) {
      metadata.put("namespace", namespace);
    }
    String name = Meta.name(object);
    List<FieldCause> causes = new ArrayList<>();
    if (name.isEmpty()) {
      causes.add(FieldCause.required("metadata.name", "name or generateName is required"));
    } else {
      causes.addAll(Names.validate(type, name));
    }
    // A bad name is reported together with every other error of the object, as upstream's
    // ValidateObjectMeta is part of each kind's validation; only a missing name stops here.
    List<FieldCause> nameCauses = List.copyOf(causes);
    if (name.isEmpty()) {
      throw ApiErrors.invalid(type.group(), type.kind(), name, causes);
    }
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", Timestamps.format(clock.instant()));
    if (Generations.tracked(type)) {
      metadata.put("generation", 1);
    }
    JsonNode requestedManagedFields = metadata.get("managedFields");
    for (String field :
        List.of(
            "resourceVersion",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "managedFields",
            "selfLink")) {
      metadata.remove(field);
    }
    if (type.hasStatus()) {
      object.remove("status");
    }
    // Kubernetes' order: decode (schema pruning and defaulting), then defaults of the kind, then
    // validation of the complete object.
    ObjectNode storage = toStorage(type, decode(type, object));
    hooks.forEach(h -> h.applyDefaults(type, storage, null));
    hooks.forEach(h -> h.prepareForCreate(type, storage));
    if (applied) {
      if (requestedManagedFields != null) {
        Meta.of(storage).set("managedFields", requestedManagedFields);
      }
    } else {
      fieldManager.recordUpdate(
          null,
          storage,
          requestedManagedFields,
          writer(type, context, ""),
          listKeys(type),
          scope(type, false));
    }
    ObjectNode admitted = served(type, storage);
    validate(type, admitted, null, false, nameCauses);
    admission.validate(
        AdmissionAttributes.of(
            Operation.CREATE, type, "", namespace, name, admitted, null, dryRun, context),
        context.warnings());
    if (dryRun) {
      return served(type, storage);
    }
    ObjectNode stored = call(type, name, () -> store.create(key(type, namespace, name), storage));
    hooks.forEach(h -> h.afterCreate(type, stored));
    return served(type, stored);
  }

  private void requireNamespaceOpen(ResourceType type, String namespace, String name) {
    Optional<ObjectNode> found =
        call(type, name, () -> store.get(ObjectKey.cluster("namespaces", namespace)));
    if (found.isEmpty()) {
      throw ApiErrors.notFound("", "namespaces", namespace);
    }
    if (Meta.deleting(found.get())) {
      throw ApiErrors.forbidden(
          type.group(),
          type.plural(),
          name,
          ApiErrors.qualified(type.group(), type.plural())
              + " "
              + dev.tributary.api.validation.GoQuote.quote(name)
              + " is forbidden: unable to create new content in namespace "
              + namespace
              + " because it is being terminated");
    }
  }

  // ---- update ----

  /** PUT on the main resource. */
  public ObjectNode update(
      ResourceType type, String namespace, String name, ObjectNode body, boolean dryRun) {
    return update(type, namespace, name, body, dryRun, AdmissionContext.internal());
  }

  /** PUT on the main resource on behalf of the request described by {@code context}. */
  public ObjectNode update(
      ResourceType type,
      String namespace,
      String name,
      ObjectNode body,
      boolean dryRun,
      AdmissionContext context) {
    return put(type, namespace, name, body, false, dryRun, context);
  }

  /**
   * PUT on the {@code status} subresource on behalf of the request described by {@code context}.
   */
  public ObjectNode updateStatus(
      ResourceType type,
      String namespace,
      String name,
      ObjectNode body,
      boolean dryRun,
      AdmissionContext context) {
    return put(type, namespace, name, body, true, dryRun, context);
  }

  /** A PUT of the main resource or, when {@code status}, of its status subresource. */
  private ObjectNode put(
      ResourceType type,
      String namespace,
      String name,
      ObjectNode body,
      boolean status,
      boolean dryRun,
      AdmissionContext context) {
    checkTypeOf(type, body);
    checkNameAndNamespace(type, namespace, name, body);
    ObjectNode decoded = decodeBuiltin(type, body, context, false);
    ObjectNode old = stored(type, namespace, name);
    return write(type, namespace, name, decoded, old, status, dryRun, context, false);
  }

  /**
   * PATCH on the main resource or its {@code status} subresource, on behalf of the request
   * described by {@code context}; admission sees the patched result.
   *
   * @param subresource {@code ""} or {@code "status"}
   * @return the result, and whether it was created (an apply patch of a missing object)
   */
  public PatchResult patch(
      ResourceType type,
      String namespace,
      String name,
      String subresource,
      String contentType,
      byte[] patch,
      boolean dryRun,
      AdmissionContext context) {
    Optional<ObjectNode> current = call(type, name, () -> store.get(key(type, namespace, name)));
    if (current.isEmpty()) {
      if (!contentType.equals(PatchEngine.APPLY) || !subresource.isEmpty()) {
        throw ApiErrors.notFound(type.group(), type.plural(), name);
      }
      ObjectNode applied = patches.apply(contentType, null, patch, type);
      applied = withOwnership(type, null, applied, patch, subresource, context);
      if (Meta.name(applied).isEmpty()) {
        Meta.of(applied).put("name", name);
      }
      checkNameAndNamespace(type, namespace, name, applied);
      return new PatchResult(create(type, namespace, applied, dryRun, context, true), true);
    }
    ObjectNode old = current.get();
    ObjectNode live = served(type, old);
    ObjectNode patched = patches.apply(contentType, live, patch, type);
    boolean apply = contentType.equals(PatchEngine.APPLY);
    if (apply) {
      patched = withOwnership(type, live, patched, patch, subresource, context);
    }
    checkTypeOf(type, patched);
    checkNameAndNamespace(type, namespace, name, patched);
    ObjectNode decoded = decodeBuiltin(type, patched, context, true);
    return new PatchResult(
        write(
            type,
            namespace,
            name,
            decoded,
            old,
            subresource.equals("status"),
            dryRun,
            context,
            apply),
        false);
  }

  /** Server-side apply's field ownership over the plain merge {@code merged} of an apply patch. */
  private ObjectNode withOwnership(
      ResourceType type,
      ObjectNode live,
      ObjectNode merged,
      byte[] patch,
      String subresource,
      AdmissionContext context) {
    boolean force = context.options() != null && context.options().path("force").asBoolean();
    boolean status = subresource.equals("status");
    return fieldManager.apply(
        live,
        AppliedConfiguration.parse(patch),
        merged,
        writer(type, context, subresource),
        force,
        listKeys(type),
        scope(type, status));
  }

  /** The field manager of a write: the request's fieldManager, else its User-Agent's product. */
  private static FieldManager.Writer writer(
      ResourceType type, AdmissionContext context, String subresource) {
    String manager =
        context.options() == null ? "" : context.options().path("fieldManager").asText("");
    if (manager.isEmpty()) {
      // as upstream's prefixFromUserAgent: the product token, at most 128 characters
      String product = context.userAgent().split("/", 2)[0];
      manager = product.length() > 128 ? product.substring(0, 128) : product;
    }
    if (manager.isEmpty()) {
      manager = context.user().username();
    }
    return new FieldManager.Writer(manager, type.apiVersion(), subresource);
  }

  /** How field ownership keys {@code type}'s lists: its CRD schema's, else its merge keys. */
  private ListKeys listKeys(ResourceType type) {
    if (type.isCustom()) {
      return ListKeys.ofOpenApi(type.customResource().path("schema").get("openAPIV3Schema"));
    }
    return ListKeys.of(patches.listKeys(type));
  }

  private static FieldScope scope(ResourceType type, boolean status) {
    if (status) {
      return FieldScope.STATUS;
    }
    return type.hasStatus() ? FieldScope.MAIN : FieldScope.WHOLE;
  }

  /**
   * A PATCH's outcome.
   *
   * @param object the resulting object, in the requested version
   * @param created whether the patch created it (201)
   */
  public record PatchResult(ObjectNode object, boolean created) {}

  /**
   * Writes {@code request} (in {@code type}'s version) over {@code old} (storage version), with the
   * main-resource or status rules.
   */
  private ObjectNode write(
      ResourceType type,
      String namespace,
      String name,
      ObjectNode request,
      ObjectNode old,
      boolean status,
      boolean dryRun,
      AdmissionContext context,
      boolean applied) {
    Long requested = Meta.revision(request);
    if (requested != null && !requested.equals(Meta.revision(old))) {
      throw ApiErrors.conflict(type.group(), type.plural(), name);
    }
    String subresource = status ? "status" : "";
    ObjectNode oldServed = served(type, old);
    ObjectNode mutated =
        admission.mutate(
            AdmissionAttributes.of(
                Operation.UPDATE,
                type,
                subresource,
                namespace,
                name,
                decode(type, request.deepCopy()),
                oldServed,
                dryRun,
                context),
            context.warnings());
    ObjectNode incoming = toStorage(type, decode(type, mutated));
    hooks.forEach(h -> h.applyDefaults(type, incoming, old));
    ObjectNode next;
    if (status) {
      next = old.deepCopy();
      JsonNode newStatus = incoming.get("status");
      if (newStatus == null || newStatus.isNull()) {
        next.remove("status");
      } else {
        next.set("status", newStatus);
      }
    } else {
      next = incoming;
      if (Meta.text(next, "uid").isEmpty()) {
        Meta.copy(old, next, "uid"); // a uid sent must match: the validator says if it does not
      }
      for (String field :
          List.of(
              "creationTimestamp",
              "deletionTimestamp",
              "deletionGracePeriodSeconds",
              "generation",
              "name",
              "namespace")) {
        Meta.copy(old, next, field);
      }
      Meta.of(next).remove("selfLink");
      if (type.hasStatus()) {
        JsonNode oldStatus = old.get("status");
        if (oldStatus == null) {
          next.remove("status");
        } else {
          next.set("status", oldStatus.deepCopy());
        }
      }
      if (Generations.tracked(type) && specChanged(old, next)) {
        Meta.of(next).put("generation", Meta.generation(old) + 1);
      }
    }
    Meta.of(next).put("resourceVersion", Meta.resourceVersion(old));
    hooks.forEach(h -> h.prepareForUpdate(type, next, old));
    JsonNode requestedManagedFields = Meta.of(incoming).get("managedFields");
    if (applied) {
      if (requestedManagedFields == null) {
        Meta.of(next).remove("managedFields");
      } else {
        Meta.of(next).set("managedFields", requestedManagedFields);
      }
    } else {
      fieldManager.recordUpdate(
          old,
          next,
          status ? null : requestedManagedFields,
          writer(type, context, subresource),
          listKeys(type),
          scope(type, status));
    }
    if (next.equals(old)) {
      return served(type, old); // nothing changed: no write, no new resourceVersion
    }
    ObjectNode admitted = served(type, next);
    validate(type, admitted, oldServed, status);
    admission.validate(
        AdmissionAttributes.of(
            Operation.UPDATE,
            type,
            subresource,
            namespace,
            name,
            admitted,
            oldServed,
            dryRun,
            context),
        context.warnings());
    ObjectNode toStore = next;
    if (dryRun) {
      return served(type, toStore);
    }
    ObjectKey key = key(type, namespace, name);
    long expected = Meta.revision(old);
    if (Meta.deleting(toStore) && Meta.finalizers(toStore).isEmpty()) {
      // The last finalizer is gone: the pending deletion completes.
      ObjectNode last = call(type, name, () -> store.delete(key, expected));
      afterRemoval(type, last, "Background");
      return served(type, last);
    }
    ObjectNode stored = call(type, name, () -> store.update(key, toStore, expected));
    hooks.forEach(h -> h.afterUpdate(type, stored, old));
    return served(type, stored);
  }

  // ---- delete ----

  /** DELETE of one object. */
  public ObjectNode delete(
      ResourceType type, String namespace, String name, DeleteOptions options) {
    return delete(type, namespace, name, options, AdmissionContext.internal());
  }

  /** DELETE of one object on behalf of the request described by {@code context}. */
  public ObjectNode delete(
      ResourceType type,
      String namespace,
      String name,
      DeleteOptions options,
      AdmissionContext context) {
    ObjectNode old = stored(type, namespace, name);
    checkPreconditions(type, name, old, options);
    AdmissionAttributes attributes =
        AdmissionAttributes.of(
            Operation.DELETE,
            type,
            "",
            namespace,
            name,
            null,
            served(type, old),
            options.dryRun(),
            context);
    admission.mutate(attributes, context.warnings());
    admission.validate(attributes, context.warnings());
    if (options.dryRun()) {
      return served(type, old);
    }
    if (type.group().isEmpty() && type.plural().equals("namespaces")) {
      return served(type, namespaces().delete(type, old));
    }
    return served(type, deleteStored(type, old, options.propagationPolicy()));
  }

  /**
   * DELETE of a collection, every object matching {@code selection}, on behalf of the request
   * described by {@code context}.
   */
  public ListResult deleteCollection(
      ResourceType type,
      String namespace,
      ListOptions selection,
      DeleteOptions options,
      AdmissionContext context) {
    ListResult matching =
        list(type, namespace, new ListOptions(selection.labels(), selection.fields(), 0, null));
    List<ObjectNode> deleted = new ArrayList<>();
    for (ObjectNode object : matching.items()) {
      try {
        deleted.add(delete(type, Meta.namespace(object), Meta.name(object), options, context));
      } catch (ApiException e) {
        if (e.code() != 404) {
          throw e;
        }
      }
    }
    return new ListResult(deleted, store.currentRevision(), null);
  }

  /**
   * Deletes a stored object: marks it (deletionTimestamp) if finalizers hold it, else removes it.
   * The propagation policy adds or drops the garbage collector's finalizers ({@link
   * DeletionFinalizers}). Retries on concurrent writes. Used by DELETE and by namespace and CRD
   * clean-up.
   *
   * @return the object's state afterwards (storage version): marked, or its last state
   */
  ObjectNode deleteStored(ResourceType type, ObjectNode object, String propagationPolicy) {
    ObjectNode current = object;
    String namespace = Meta.namespace(current);
    String name = Meta.name(current);
    ObjectKey key = key(type, namespace, name);
    for (int attempt = 0; ; attempt++) {
      long expected = Meta.revision(current);
      try {
        List<String> finalizers = Meta.finalizers(current);
        List<String> wanted = DeletionFinalizers.forDelete(finalizers, propagationPolicy);
        if (!wanted.isEmpty()) {
          boolean deleting = Meta.deleting(current);
          if (deleting && DeletionFinalizers.sameSet(wanted, finalizers)) {
            return current;
          }
          ObjectNode marked = current.deepCopy();
          if (!deleting) {
            Meta.of(marked).put("deletionTimestamp", Timestamps.format(clock.instant()));
            if (Meta.generation(marked) > 0) {
              Meta.of(marked).put("generation", Meta.generation(marked) + 1);
            }
          }
          Meta.of(marked).put("deletionGracePeriodSeconds", 0);
          wanted.forEach(Meta.of(marked).putArray("finalizers")::add);
          ObjectNode before = current;
          ObjectNode stored = store.update(key, marked, expected);
          // A marking is an update: hooks (the garbage collector among them) hear of it.
          hooks.forEach(h -> h.afterUpdate(type, stored, before));
          return stored;
        }
        ObjectNode last = store.delete(key, expected);
        afterRemoval(type, last, propagationPolicy);
        return last;
      } catch (StoreException.Conflict e) {
        if (attempt >= MAX_INTERNAL_RETRIES) {
          throw ApiErrors.conflict(type.group(), type.plural(), name);
        }
        current = stored(type, namespace, name);
      } catch (StoreException e) {
        throw translate(type, name, e);
      }
    }
  }

  private void afterRemoval(ResourceType type, ObjectNode last, String propagationPolicy) {
    for (KindHooks hook : hooks) {
      try {
        hook.afterDelete(type, last);
      } catch (RuntimeException e) {
        log.error(
            "after-delete hook failed resource={} namespace={} name={}",
            type.storageResource(),
            Meta.namespace(last),
            Meta.name(last),
            e);
      }
    }
    try {
      deletions.deleted(type, last, propagationPolicy);
    } catch (RuntimeException e) {
      log.error(
          "deletion listener failed resource={} namespace={} name={}",
          type.storageResource(),
          Meta.namespace(last),
          Meta.name(last),
          e);
    }
  }

  private void checkPreconditions(
      ResourceType type, String name, ObjectNode old, DeleteOptions options) {
    if (options.uid() != null && !options.uid().equals(Meta.uid(old))) {
      throw ApiErrors.conflict(
          type.group(),
          type.plural(),
          name,
          "Precondition failed: UID in precondition: "
              + options.uid()
              + ", UID in object meta: "
              + Meta.uid(old));
    }
    if (options.resourceVersion() != null
        && !options.resourceVersion().equals(Meta.resourceVersion(old))) {
      throw ApiErrors.conflict(
          type.group(),
          type.plural(),
          name,
          "Precondition failed: ResourceVersion in precondition: "
              + options.resourceVersion()
              + ", ResourceVersion in object meta: "
              + Meta.resourceVersion(old));
    }
  }

  // ---- namespaces ----

  private volatile NamespaceLifecycle namespaceLifecycle;

  /** Installs the namespace behaviour; the registry supplies the types it sweeps. */
  public void useNamespaces(NamespaceLifecycle lifecycle) {
    this.namespaceLifecycle = lifecycle;
    addHooks(lifecycle);
  }

  private NamespaceLifecycle namespaces() {
    NamespaceLifecycle lifecycle = namespaceLifecycle;
    if (lifecycle == null) {
      throw new IllegalStateException("namespace lifecycle not installed");
    }
    return lifecycle;
  }

  // ---- helpers ----

  /** The store key of an object of {@code type}. */
  public static ObjectKey key(ResourceType type, String namespace, String name) {
    return type.namespaced()
        ? new ObjectKey(type.storageResource(), namespace, name)
        : ObjectKey.cluster(type.storageResource(), name);
  }

  /**
   * {@code object} (storage version) as {@code type}'s version; {@code object} itself when nothing
   * needs to change. {@code object} is never modified.
   */
  public ObjectNode served(ResourceType type, ObjectNode object) {
    ObjectNode converted = converters.convert(type.group(), type.kind(), object, type.apiVersion());
    if (!converted.has("kind")) {
      // Never change the caller's object: watch events are shared between watchers.
      converted = converted == object ? object.deepCopy() : converted;
      converted.put("kind", type.kind());
    }
    return converted;
  }

  private ObjectNode toStorage(ResourceType type, ObjectNode object) {
    object.put("apiVersion", type.apiVersion());
    object.put("kind", type.kind());
    return converters.convert(type.group(), type.kind(), object, type.storageApiVersion());
  }

  /**
   * kube-apiserver's decode of a built-in kind's request body (or of a patch's result): a value of
   * the wrong JSON type is a 400 (a 422 naming {@code patch} for a patch, as kube-apiserver's
   * patcher says), fields the Go type does not have are dropped and, as the request's
   * fieldValidation asks, refused (400), warned about, or ignored. Custom resources are only
   * reported on here: their CRD schema prunes them in {@link #decode}. The server's own writes (no
   * request options) pass unchanged.
   *
   * @return the decoded copy, or {@code body} itself when nothing was checked or changed
   */
  private ObjectNode decodeBuiltin(
      ResourceType type, ObjectNode body, AdmissionContext context, boolean patched) {
    FieldValidation directive = FieldValidation.of(context.options());
    if (directive == null) {
      return body;
    }
    if (type.isCustom()) {
      report(
          type, schemas.decodeReporting(type, body).unknownFields(), directive, context, patched);
      return body;
    }
    DecodedObject decoded;
    try {
      decoded = builtins.decode(type, body);
    } catch (GoTypeError e) {
      if (patched) {
        throw ApiErrors.invalid(
            "", "", "", List.of(FieldCause.invalid("patch", body.toString(), e.getMessage())));
      }
      throw cannotBeHandled(type, e.getMessage());
    }
    report(type, decoded.unknownFields(), directive, context, patched);
    return decoded.object();
  }

  /** Refuses or warns about the unknown fields of a request, as its fieldValidation says. */
  private static void report(
      ResourceType type,
      List<String> unknown,
      FieldValidation directive,
      AdmissionContext context,
      boolean patched) {
    if (!unknown.isEmpty() && directive == FieldValidation.STRICT) {
      String strict =
          unknown.stream()
              .map(path -> "unknown field " + GoQuote.quote(path))
              .collect(Collectors.joining(", ", "strict decoding error: ", ""));
      throw patched ? ApiErrors.badRequest(strict) : cannotBeHandled(type, strict);
    }
    if (directive == FieldValidation.WARN) {
      unknown.forEach(path -> context.warnings().add("unknown field " + GoQuote.quote(path)));
    }
  }

  /** kube-apiserver's transformDecodeError, for a body whose kind is {@code type}'s. */
  private static ApiException cannotBeHandled(ResourceType type, String why) {
    return ApiErrors.badRequest(
        type.kind()
            + " in version "
            + GoQuote.quote(type.version())
            + " cannot be handled as a "
            + type.kind()
            + ": "
            + why);
  }

  /** {@code object} (in {@code type}'s version) pruned and defaulted by its CRD's schema. */
  private ObjectNode decode(ResourceType type, ObjectNode object) {
    if (!type.isCustom()) {
      return object;
    }
    ObjectNode decoded = schemas.decode(type, object);
    return decoded == object ? object : decoded.deepCopy();
  }

  private void validate(ResourceType type, ObjectNode object, ObjectNode old, boolean status) {
    validate(type, object, old, status, List.of());
  }

  /** Validates {@code object}; {@code earlier} are causes already found (its name's). */
  private void validate(
      ResourceType type,
      ObjectNode object,
      ObjectNode old,
      boolean status,
      List<FieldCause> earlier) {
    List<FieldCause> causes = new ArrayList<>(earlier);
    if (old != null && Meta.deleting(old)) {
      causes.addAll(noNewFinalizers(object, old));
    }
    if (type.isCustom()) {
      causes.addAll(schemas.validate(type, object, status));
    }
    causes.addAll(validator.validate(type, object, old));
    if (!causes.isEmpty()) {
      throw ApiErrors.invalid(type.group(), type.kind(), Meta.name(object), causes);
    }
  }

  /** As ValidateObjectMetaUpdate: an object being deleted may lose finalizers, never gain them. */
  private static List<FieldCause> noNewFinalizers(ObjectNode object, ObjectNode old) {
    TreeSet<String> added = new TreeSet<>(Meta.finalizers(object));
    added.removeAll(Meta.finalizers(old));
    if (added.isEmpty()) {
      return List.of();
    }
    // Go's %#v of the sorted []string.
    String found =
        added.stream().map(GoQuote::quote).collect(Collectors.joining(", ", "[]string{", "}"));
    return List.of(
        FieldCause.forbidden(
            "metadata.finalizers",
            "no new finalizers can be added if the object is being deleted, found new finalizers "
                + found));
  }

  private static void checkTypeOf(ResourceType type, ObjectNode body) {
    String apiVersion = body.path("apiVersion").asText("");
    if (!apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion())) {
      throw ApiErrors.badRequest(
          "the API version in the data ("
              + apiVersion
              + ") does not match the expected API version ("
              + type.apiVersion()
              + ")");
    }
    String kind = body.path("kind").asText("");
    if (!kind.isEmpty() && !kind.equals(type.kind())) {
      throw ApiErrors.badRequest(
          "the kind in the data ("
              + kind
              + ") does not match the expected kind ("
              + type.kind()
              + ")");
    }
  }

  private static void checkNameAndNamespace(
      ResourceType type, String namespace, String name, ObjectNode body) {
    String bodyName = Meta.name(body);
    if (!bodyName.equals(name)) {
      throw ApiErrors.badRequest(
          "the name of the object ("
              + bodyName
              + ") does not match the name on the URL ("
              + name
              + ")");
    }
    String bodyNamespace = Meta.namespace(body);
    if (type.namespaced() && !bodyNamespace.isEmpty() && !bodyNamespace.equals(namespace)) {
      throw ApiErrors.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request");
    }
  }

  /** Whether anything outside metadata and status (and the type fields) differs. */
  private static boolean specChanged(ObjectNode old, ObjectNode next) {
    return !withoutMetaAndStatus(old).equals(withoutMetaAndStatus(next));
  }

  private static ObjectNode withoutMetaAndStatus(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    copy.remove(List.of("metadata", "status", "apiVersion", "kind"));
    return copy;
  }

  private String generateName(String base) {
    String prefix = base.length() > 58 ? base.substring(0, 58) : base;
    StringBuilder name = new StringBuilder(prefix);
    for (int i = 0; i < 5; i++) {
      name.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
    }
    return name.toString();
  }

  private <T> T call(ResourceType type, String name, java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (StoreException e) {
      throw translate(type, name, e);
    }
  }

  /** The Status a store failure becomes. */
  public static ApiException translate(ResourceType type, String name, StoreException e) {
    if (e instanceof StoreException.NotFound) {
      return ApiErrors.notFound(type.group(), type.plural(), name);
    }
    if (e instanceof StoreException.AlreadyExists) {
      return ApiErrors.alreadyExists(type.group(), type.plural(), name);
    }
    if (e instanceof StoreException.Conflict) {
      return ApiErrors.conflict(type.group(), type.plural(), name);
    }
    if (e instanceof StoreException.Expired) {
      return ApiErrors.expired(e.getMessage());
    }
    log.error("store failure resource={} name={}", type.storageResource(), name, e);
    return ApiErrors.internal("storage failure: " + e.getMessage());
  }
}
