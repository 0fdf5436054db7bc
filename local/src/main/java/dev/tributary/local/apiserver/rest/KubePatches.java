package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.patch.BuiltinPatchSchemas;
import dev.tributary.local.apiserver.patch.ObjectPatcher;
import dev.tributary.local.apiserver.patch.PatchException;
import dev.tributary.local.apiserver.patch.PatchSchema;
import dev.tributary.local.apiserver.patch.PatchType;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * The {@link PatchEngine} of Kubernetes: JSON patch, merge patch, strategic merge patch (built-in
 * kinds only, as kube-apiserver) and server-side apply, through {@link ObjectPatcher}. Stateless.
 */
public final class KubePatches implements PatchEngine {

  private final BuiltinPatchSchemas schemas = new BuiltinPatchSchemas();
  private final ObjectPatcher patcher = new ObjectPatcher(schemas);

  @Override
  public List<String> contentTypes(ResourceType type) {
    return types(type).stream().map(PatchType::contentType).toList();
  }

  @Override
  public ObjectNode apply(String contentType, ObjectNode live, byte[] patch, ResourceType type) {
    PatchType patchType =
        PatchType.fromContentType(contentType)
            .orElseThrow(() -> unsupported(PatchException.unsupportedMediaType(types(type))));
    try {
      return patcher.apply(patchType, live, patch, type.apiVersion(), type.kind());
    } catch (PatchException e) {
      throw unsupported(e);
    }
  }

  @Override
  public Optional<PatchSchema> listKeys(ResourceType type) {
    return schemas.forKind(type.apiVersion(), type.kind());
  }

  private List<PatchType> types(ResourceType type) {
    return patcher.supportedTypes(type.apiVersion(), type.kind());
  }

  private static ApiException unsupported(PatchException e) {
    return new ApiException(e.status(), e.reason(), e.getMessage(), ApiException.Details.NONE);
  }
}
