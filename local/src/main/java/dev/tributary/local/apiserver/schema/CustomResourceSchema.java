package dev.tributary.local.apiserver.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * Everything the API server does with one CRD version's schema on a write, in kube-apiserver's
 * order: {@link #decode} prunes then defaults (what happens while the request body is decoded; also
 * apply it to objects read back from storage), then admission runs, then {@link #validate} (or
 * {@link #validateStatus} for the status subresource).
 *
 * <p>Immutable and thread-safe; build one per served version when a CRD is created or changed.
 */
public final class CustomResourceSchema {

  private final StructuralSchema schema;
  private final Pruner pruner;
  private final Defaulter defaulter;
  private final SchemaValidator validator;
  private final SchemaValidator statusValidator;

  /**
   * @param schema the version's parsed {@code openAPIV3Schema}
   */
  public CustomResourceSchema(StructuralSchema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.pruner = new Pruner(schema);
    this.defaulter = new Defaulter(schema);
    this.validator = new SchemaValidator(schema);
    this.statusValidator = SchemaValidator.forStatus(schema);
  }

  /**
   * Parses a version's {@code openAPIV3Schema}.
   *
   * @throws InvalidSchemaException if it cannot be decoded
   */
  public static CustomResourceSchema of(JsonNode openApiV3Schema) {
    return new CustomResourceSchema(StructuralSchema.parse(openApiV3Schema));
  }

  /** The parsed schema. */
  public StructuralSchema schema() {
    return schema;
  }

  /**
   * A pruned and defaulted copy of {@code object}, with the paths of the unknown fields that were
   * dropped (for {@code fieldValidation=Strict|Warn}).
   */
  public PruneResult decode(ObjectNode object) {
    PruneResult pruned = pruner.prune(object);
    return new PruneResult(defaulter.apply(pruned.object()), pruned.unknownFields());
  }

  /** Every schema error of a whole object; empty when valid. */
  public List<FieldCause> validate(ObjectNode object) {
    return validator.validate(object);
  }

  /**
   * Every schema error of the object's {@code status} (a write to the status subresource); empty
   * when valid or when the object has no status.
   */
  public List<FieldCause> validateStatus(ObjectNode object) {
    JsonNode status = object.get("status");
    return status == null ? List.of() : statusValidator.validate(status);
  }
}
