/**
 * Structural schemas of CustomResourceDefinition versions and what the API server does with them on
 * every write of a custom object, in kube-apiserver's order: {@link
 * dev.tributary.local.apiserver.schema.Pruner prune} unknown fields (and non-nullable nulls),
 * {@link dev.tributary.local.apiserver.schema.Defaulter default} from the schema, then {@link
 * dev.tributary.local.apiserver.schema.SchemaValidator validate}, reporting every error as a {@link
 * dev.tributary.local.apiserver.schema.FieldCause} with Kubernetes' field paths and messages.
 * {@link dev.tributary.local.apiserver.schema.StructuralSchemaCheck} is the check a CRD's schema
 * must pass when the CRD is created.
 *
 * <p>Everything here is pure: no I/O, no shared state; inputs are never mutated.
 */
package dev.tributary.local.apiserver.schema;
