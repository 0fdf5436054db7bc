package dev.tributary.local.apiserver.fieldmanager;

/**
 * Which part of an object a write may own, as kube-apiserver's reset fields: the main resource of a
 * kind with a status subresource does not own {@code .status}, its status subresource owns only
 * that.
 */
public enum FieldScope {
  /** Every field (kinds without a status subresource). */
  WHOLE,
  /** Everything but {@code .status}. */
  MAIN,
  /** Only {@code .status}. */
  STATUS
}
