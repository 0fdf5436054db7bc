package dev.tributary.local.apiserver.admission.webhook;

import java.net.URI;

/**
 * Finds where a webhook's {@code clientConfig.service} can be reached. The local cluster has no
 * service network of its own, so this is pluggable: a later part of the cluster that gives Services
 * addresses supplies one.
 */
@FunctionalInterface
public interface ServiceResolver {

  /**
   * The address to connect to for port {@code port} of Service {@code namespace/name}, e.g. {@code
   * https://127.0.0.1:8443}. Path and query are ignored. TLS still checks the webhook's certificate
   * against the service's DNS name {@code name.namespace.svc}, as kube-apiserver does.
   *
   * @throws UnresolvedServiceException if the service cannot be reached; the call then fails as an
   *     unreachable webhook does (its failurePolicy decides)
   */
  URI resolve(String namespace, String name, int port);

  /** Resolves nothing: every service-addressed webhook call fails with a clear message. */
  static ServiceResolver none() {
    return (namespace, name, port) -> {
      throw new UnresolvedServiceException(
          "service "
              + namespace
              + "/"
              + name
              + " cannot be reached: the local cluster has no service network; use"
              + " clientConfig.url");
    };
  }

  /** A service that cannot be reached. */
  final class UnresolvedServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnresolvedServiceException(String message) {
      super(message);
    }
  }
}
