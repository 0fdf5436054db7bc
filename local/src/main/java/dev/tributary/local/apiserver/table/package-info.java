/**
 * Server-side Tables ({@code meta.k8s.io/v1} {@code Table}): what {@code kubectl get} asks for with
 * {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}. Pure functions of the objects and
 * an injected clock: CRD {@code additionalPrinterColumns} as apiextensions evaluates them, and the
 * columns kube-apiserver prints for the built-in kinds. Entry point: {@link
 * dev.tributary.local.apiserver.table.TableRenderer}.
 */
package dev.tributary.local.apiserver.table;
