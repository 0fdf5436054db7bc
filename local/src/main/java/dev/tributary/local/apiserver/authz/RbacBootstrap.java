package dev.tributary.local.apiserver.authz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.rbac.BootstrapPolicy;
import dev.tributary.local.apiserver.registry.GroupVersion;
import dev.tributary.local.apiserver.registry.ResourceRegistry;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.Meta;
import dev.tributary.local.apiserver.rest.ObjectService;
import dev.tributary.local.store.ObjectKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Kubernetes' default ClusterRoles and ClusterRoleBindings ({@link BootstrapPolicy}) that
 * are missing, at every start, as kube-apiserver's RBAC post-start hook does; existing ones are
 * left as they are (a user's edits stand). Blocks on the store.
 */
public final class RbacBootstrap {

  private static final Logger log = LoggerFactory.getLogger(RbacBootstrap.class);

  private final ObjectService objects;
  private final ResourceRegistry registry;

  public RbacBootstrap(ObjectService objects, ResourceRegistry registry) {
    this.objects = objects;
    this.registry = registry;
  }

  /** Creates what is missing of the default policy. */
  public void ensureDefaultPolicy() {
    int created = 0;
    for (ObjectNode object : BootstrapPolicy.objects()) {
      GroupVersion gv = GroupVersion.parse(object.path("apiVersion").asText());
      ResourceType type =
          registry
              .findByKind(gv.group(), gv.version(), object.path("kind").asText())
              .orElseThrow(() -> new IllegalStateException("not served: " + object.path("kind")));
      String name = Meta.name(object);
      if (objects.store().get(ObjectKey.cluster(type.storageResource(), name)).isPresent()) {
        continue;
      }
      try {
        objects.create(type, "", object, false);
        created++;
      } catch (ApiException e) {
        if (!e.reason().equals("AlreadyExists")) {
          throw e;
        }
      }
    }
    if (created > 0) {
      log.info("created default RBAC policy objects={}", created);
    }
  }
}
