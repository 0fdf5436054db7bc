package dev.tributary.local.apiserver.admission;

/** The operation an admission request is about, as {@code AdmissionRequest.operation} names it. */
public enum Operation {
  CREATE,
  UPDATE,
  DELETE,
  CONNECT
}
