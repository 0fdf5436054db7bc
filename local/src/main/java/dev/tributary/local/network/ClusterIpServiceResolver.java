package dev.tributary.local.network;

import dev.tributary.local.apiserver.admission.webhook.ServiceResolver;
import java.net.URI;

/**
 * Lets the API server call admission webhooks given as {@code clientConfig.service}: the Service's
 * cluster IP and port, where the {@link ServiceProxy} forwards to the webhook's pods. The API
 * server still checks the certificate against {@code NAME.NS.svc}.
 *
 * <p>Built on the {@link ServiceNameTable} before the network runs (the API server starts first);
 * until the proxy has seen the Service, calls fail as an unreachable webhook does.
 */
public final class ClusterIpServiceResolver implements ServiceResolver {

  private final ServiceNameTable names;

  public ClusterIpServiceResolver(ServiceNameTable names) {
    this.names = names;
  }

  @Override
  public URI resolve(String namespace, String name, int port) {
    return names
        .clusterIp(namespace, name)
        .map(ip -> URI.create("https://" + ip.getHostAddress() + ":" + port))
        .orElseThrow(
            () ->
                new UnresolvedServiceException(
                    "service \"" + name + "\" not found in namespace \"" + namespace + "\""));
  }
}
