/**
 * Server-side apply's field ownership: {@code metadata.managedFields}, the FieldsV1 set encoding,
 * apply conflicts between field managers and the removal of fields an applier stopped applying.
 */
package dev.tributary.local.apiserver.fieldmanager;
