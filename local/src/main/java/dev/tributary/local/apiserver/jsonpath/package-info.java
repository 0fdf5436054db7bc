/**
 * Kubernetes JSONPath templates as client-go's {@code util/jsonpath} reads them, evaluated over
 * Jackson trees. The API server uses them for CRD {@code additionalPrinterColumns}; see {@link
 * dev.tributary.local.apiserver.jsonpath.JsonPath}.
 */
package dev.tributary.local.apiserver.jsonpath;
