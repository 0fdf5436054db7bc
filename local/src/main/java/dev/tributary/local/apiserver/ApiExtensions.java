package dev.tributary.local.apiserver;

import dev.tributary.local.apiserver.auth.Authorizer;
import dev.tributary.local.apiserver.crd.KnativeSourceConverters;
import dev.tributary.local.apiserver.crd.SchemaProcessor;
import dev.tributary.local.apiserver.crd.VersionConverters;
import dev.tributary.local.apiserver.rest.DeletionListener;
import dev.tributary.local.apiserver.rest.NameAgeTables;
import dev.tributary.local.apiserver.rest.ObjectValidator;
import dev.tributary.local.apiserver.rest.PatchEngine;
import dev.tributary.local.apiserver.rest.TableConverter;
import java.util.Objects;

/**
 * The pluggable parts of the API server, each with a working default: who may do what, how tables,
 * patches, custom-resource schemas, version conversion and built-in validation are done, and who
 * hears of deletions. Immutable; the {@code with} methods return changed copies.
 *
 * @param authorizer decides every authenticated request (default: allow all)
 * @param tables renders Tables for {@code kubectl get} (default: NAME and AGE)
 * @param patches applies PATCH bodies (default: merge patch only)
 * @param schemas prunes, defaults and validates custom objects (default: none)
 * @param converters converts between served versions (default: the {@code sources.knative.dev}
 *     kinds through their v1, identity for all other kinds)
 * @param validator validates built-in kinds (default: none)
 * @param deletions hears of removed objects, for garbage collection (default: nobody)
 */
public record ApiExtensions(
    Authorizer authorizer,
    TableConverter tables,
    PatchEngine patches,
    SchemaProcessor schemas,
    VersionConverters converters,
    ObjectValidator validator,
    DeletionListener deletions) {

  public ApiExtensions {
    Objects.requireNonNull(authorizer, "authorizer");
    Objects.requireNonNull(tables, "tables");
    Objects.requireNonNull(patches, "patches");
    Objects.requireNonNull(schemas, "schemas");
    Objects.requireNonNull(converters, "converters");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(deletions, "deletions");
  }

  /** Every default. */
  public static ApiExtensions defaults() {
    return new ApiExtensions(
        Authorizer.allowAll(),
        new NameAgeTables(),
        PatchEngine.mergeOnly(),
        SchemaProcessor.none(),
        KnativeSourceConverters.registerAll(new VersionConverters()),
        ObjectValidator.none(),
        DeletionListener.none());
  }

  public ApiExtensions withAuthorizer(Authorizer value) {
    return new ApiExtensions(value, tables, patches, schemas, converters, validator, deletions);
  }

  public ApiExtensions withTables(TableConverter value) {
    return new ApiExtensions(authorizer, value, patches, schemas, converters, validator, deletions);
  }

  public ApiExtensions withPatches(PatchEngine value) {
    return new ApiExtensions(authorizer, tables, value, schemas, converters, validator, deletions);
  }

  public ApiExtensions withSchemas(SchemaProcessor value) {
    return new ApiExtensions(authorizer, tables, patches, value, converters, validator, deletions);
  }

  public ApiExtensions withConverters(VersionConverters value) {
    return new ApiExtensions(authorizer, tables, patches, schemas, value, validator, deletions);
  }

  public ApiExtensions withValidator(ObjectValidator value) {
    return new ApiExtensions(authorizer, tables, patches, schemas, converters, value, deletions);
  }

  public ApiExtensions withDeletions(DeletionListener value) {
    return new ApiExtensions(authorizer, tables, patches, schemas, converters, validator, value);
  }
}
