package dev.tributary.local.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.table.IncludeObject;
import dev.tributary.local.apiserver.table.PrinterColumn;
import dev.tributary.local.apiserver.table.ResourceInfo;
import dev.tributary.local.apiserver.table.TableOptions;
import dev.tributary.local.apiserver.table.TableRenderer;
import java.util.List;
import java.util.Map;

/**
 * Server-side Tables for the registry's resources: a {@link TableRenderer} told what each {@link
 * ResourceType} is (built-in printers, or a CRD version's printer columns). Thread-safe.
 */
public final class Tables {

  private final TableRenderer renderer;

  public Tables(TableRenderer renderer) {
    this.renderer = renderer;
  }

  /** A Table of {@code objects} (in {@code type}'s version). */
  public ObjectNode table(
      ResourceType type,
      List<ObjectNode> objects,
      String resourceVersion,
      String continueToken,
      TableOptions options) {
    return renderer.table(info(type), objects, resourceVersion, continueToken, options);
  }

  /**
   * The options a request asks for with {@code includeObject} and {@code noHeaders}.
   *
   * @throws dev.tributary.local.apiserver.errors.ApiException 400 for an unknown includeObject
   */
  public static TableOptions options(Map<String, String> query) {
    String value = query.get("includeObject");
    IncludeObject include =
        IncludeObject.parse(value)
            .orElseThrow(() -> ApiErrors.badRequest(IncludeObject.unsupportedMessage(value)));
    return new TableOptions(include, Query.bool(query, "noHeaders"));
  }

  /** What the renderer needs to know of {@code type}. */
  static ResourceInfo info(ResourceType type) {
    if (!type.isCustom()) {
      return ResourceInfo.builtIn(
          type.group(), type.version(), type.kind(), type.plural(), type.namespaced());
    }
    return new ResourceInfo(
        type.group(),
        type.version(),
        type.kind(),
        type.plural(),
        type.namespaced(),
        PrinterColumn.fromCrd(type.customResource().get("additionalPrinterColumns")));
  }
}
