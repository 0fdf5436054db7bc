package dev.tributary.local.apiserver.protobuf;

/**
 * A value that the Go type of a built-in kind cannot hold. The message is the one Go's
 * encoding/json (as kube-apiserver uses it) gives, e.g. {@code json: cannot unmarshal number into
 * Go struct field ConfigMap.data of type string}; the caller adds kube-apiserver's prefix.
 */
public final class GoTypeError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public GoTypeError(String message) {
    super(message, null, false, false);
  }
}
