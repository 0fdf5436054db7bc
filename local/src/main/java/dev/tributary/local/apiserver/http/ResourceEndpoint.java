package dev.tributary.local.apiserver.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tributary.local.apiserver.admission.AdmissionContext;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.protobuf.ProtobufDecoder;
import dev.tributary.local.apiserver.registry.BuiltinResources;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.DeleteOptions;
import dev.tributary.local.apiserver.rest.FieldSelector;
import dev.tributary.local.apiserver.rest.FieldValidation;
import dev.tributary.local.apiserver.rest.JsonListResult;
import dev.tributary.local.apiserver.rest.LabelSelector;
import dev.tributary.local.apiserver.rest.ListOptions;
import dev.tributary.local.apiserver.rest.ListResult;
import dev.tributary.local.apiserver.rest.ObjectService;
import dev.tributary.local.apiserver.rest.ScaleSubresource;
import dev.tributary.local.security.UserInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Maps a non-watch resource request (method, route, query, headers, body) onto {@link
 * ObjectService} and renders the answer: objects, lists, Tables when the Accept header asks for
 * them. Blocking; runs on worker threads. Thread-safe.
 */
public final class ResourceEndpoint {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).setNodeFactory(Json.NODES);

  private static final List<String> BODY_TYPES =
      List.of("application/json", "application/yaml", ProtobufDecoder.MEDIA_TYPE);

  /** What responses are written in (YAML and protobuf requests are answered in JSON). */
  private static final List<String> RESPONSE_TYPES = List.of("application/json");

  private final ObjectService objects;
  private final Tables tables;
  private final ScaleSubresource scales;
  private final AccessReviewEndpoint reviews;
  private final ProtobufDecoder protobuf;

  public ResourceEndpoint(ObjectService objects, Tables tables, AccessReviewEndpoint reviews) {
    this.objects = objects;
    this.tables = tables;
    this.scales = new ScaleSubresource(objects);
    this.reviews = reviews;
    this.protobuf = new ProtobufDecoder(BuiltinResources::all, Json.MAPPER);
  }

  /**
   * The Kubernetes verb of a request: what discovery advertises and authorization checks.
   *
   * @param watch whether a GET on a collection asked for a watch
   */
  public static String verb(String method, ResourceRoute route, boolean watch) {
    return switch (method) {
      case "GET", "HEAD" -> route.collection() ? (watch ? "watch" : "list") : "get";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> route.collection() ? "deletecollection" : "delete";
      default -> method.toLowerCase(java.util.Locale.ROOT);
    };
  }

  /**
   * Serves one request.
   *
   * @param user who the request acts as (after impersonation): a SelfSubjectAccessReview asks about
   *     them
   * @param userAgent the request's {@code User-Agent}, from which a write that names no field
   *     manager gets one
   */
  public ApiResponse handle(
      String method,
      ResourceRoute route,
      Map<String, String> query,
      String accept,
      String contentType,
      byte[] body,
      UserInfo user,
      String userAgent) {
    ResourceType type = route.type();
    if (onlyProtobuf(accept)) {
      throw ApiErrors.notAcceptable(RESPONSE_TYPES);
    }
    String verb = verb(method, route, false);
    boolean onCollection =
        verb.equals("list") || verb.equals("create") || verb.equals("deletecollection");
    if (onCollection != route.collection()) {
      throw ApiErrors.methodNotAllowed(); // e.g. POST to an object's URL, PUT to a collection
    }
    boolean subresource = !route.subresource().isEmpty();
    if (subresource ? !subresourceAllows(route.subresource(), verb) : !type.allows(verb)) {
      throw ApiErrors.methodNotAllowed();
    }
    if (route.subresource().equals("log")) {
      // A GET is streamed by RequestHandler through PodLogs; only a HEAD gets here.
      throw ApiErrors.methodNotAllowed();
    }
    if (route.subresource().equals("scale")) {
      return scale(verb, route, contentType, body, query);
    }
    if (AccessReviewEndpoint.answers(type)) {
      return reviews.create(type, object(type, contentType, body), user);
    }
    boolean dryRun = query.containsKey("dryRun") && !query.get("dryRun").isEmpty();
    checkFieldValidation(verb, query);
    List<String> warnings = new java.util.ArrayList<>();
    AdmissionContext admission =
        new AdmissionContext(user, writeOptions(verb, query, body), warnings::add, userAgent);
    try {
      return write(verb, route, query, accept, contentType, body, dryRun, admission)
          .withWarnings(warnings);
    } catch (ApiException e) {
      if (warnings.isEmpty()) {
        throw e;
      }
      return ApiResponse.error(e).withWarnings(warnings);
    }
  }

  private ApiResponse write(
      String verb,
      ResourceRoute route,
      Map<String, String> query,
      String accept,
      String contentType,
      byte[] body,
      boolean dryRun,
      AdmissionContext admission) {
    ResourceType type = route.type();
    boolean subresource = !route.subresource().isEmpty();
    String namespace = route.namespace();
    return switch (verb) {
      case "get" -> {
        ObjectNode object = objects.get(type, namespace, route.name());
        yield wantsTable(accept)
            ? ApiResponse.json(
                200,
                tables.table(
                    type,
                    List.of(object),
                    object.path("metadata").path("resourceVersion").asText(""),
                    null,
                    Tables.options(query)))
            : ApiResponse.json(200, object);
      }
      case "list" -> list(type, namespace, query, accept);
      case "create" ->
          ApiResponse.json(
              201,
              objects.create(type, namespace, object(type, contentType, body), dryRun, admission));
      case "update" ->
          ApiResponse.json(
              200,
              subresource
                  ? objects.updateStatus(
                      type,
                      namespace,
                      route.name(),
                      object(type, contentType, body),
                      dryRun,
                      admission)
                  : objects.update(
                      type,
                      namespace,
                      route.name(),
                      object(type, contentType, body),
                      dryRun,
                      admission));
      case "patch" -> patch(route, contentType, body, query, dryRun, admission);
      case "delete" ->
          ApiResponse.json(
              200,
              objects.delete(
                  type, namespace, route.name(), DeleteOptions.parse(body, query), admission));
      case "deletecollection" -> {
        ListResult deleted =
            objects.deleteCollection(
                type,
                namespace,
                listOptions(type, query),
                DeleteOptions.parse(body, query),
                admission);
        yield ApiResponse.json(200, listBody(type, deleted));
      }
      default -> throw ApiErrors.methodNotAllowed();
    };
  }

  private ApiResponse scale(
      String verb,
      ResourceRoute route,
      String contentType,
      byte[] body,
      Map<String, String> query) {
    boolean dryRun = query.containsKey("dryRun") && !query.get("dryRun").isEmpty();
    ResourceType type = route.type();
    return switch (verb) {
      case "get" -> ApiResponse.json(200, scales.get(type, route.namespace(), route.name()));
      case "update" ->
          ApiResponse.json(
              200,
              scales.update(
                  type, route.namespace(), route.name(), object(type, contentType, body), dryRun));
      case "patch" -> {
        String mediaType = contentType == null ? "" : MediaRange.parse(contentType).type();
        List<String> accepted = objects.patches().contentTypes(type);
        if (!accepted.contains(mediaType)) {
          throw ApiErrors.unsupportedMediaType(contentType, accepted);
        }
        yield ApiResponse.json(
            200, scales.patch(type, route.namespace(), route.name(), mediaType, body, dryRun));
      }
      default -> throw ApiErrors.methodNotAllowed();
    };
  }

  private ApiResponse list(
      ResourceType type, String namespace, Map<String, String> query, String accept) {
    ListOptions options = listOptions(type, query);
    boolean table = wantsTable(accept);
    if (!table && options.labels().isEmpty() && options.fields().isEmpty()) {
      // Nothing to select or render: stored objects go out as stored, not parsed and rewritten.
      return new ApiResponse(
          200, ApiResponse.JSON, listBody(type, objects.listJson(type, namespace, options)));
    }
    ListResult result = objects.list(type, namespace, options);
    if (table) {
      return ApiResponse.json(
          200,
          tables.table(
              type,
              result.items(),
              Long.toString(result.revision()),
              result.continueToken(),
              Tables.options(query)));
    }
    return ApiResponse.json(200, listBody(type, result));
  }

  private ApiResponse patch(
      ResourceRoute route,
      String contentType,
      byte[] body,
      Map<String, String> query,
      boolean dryRun,
      AdmissionContext admission) {
    String mediaType = contentType == null ? "" : MediaRange.parse(contentType).type();
    List<String> accepted = objects.patches().contentTypes(route.type());
    if (!accepted.contains(mediaType)) {
      throw ApiErrors.unsupportedMediaType(contentType, accepted);
    }
    List<FieldCause> optionErrors = patchOptionErrors(mediaType, query);
    if (!optionErrors.isEmpty()) {
      throw ApiErrors.invalid("meta.k8s.io", "PatchOptions", "", optionErrors);
    }
    ObjectService.PatchResult result =
        objects.patch(
            route.type(),
            route.namespace(),
            route.name(),
            route.subresource(),
            mediaType,
            body,
            dryRun,
            admission);
    return ApiResponse.json(result.created() ? 201 : 200, result.object());
  }

  /** As kube-apiserver's ValidateFieldValidation, on the options of a create, update or patch. */
  private static void checkFieldValidation(String verb, Map<String, String> query) {
    String sent = query.get("fieldValidation");
    String options =
        switch (verb) {
          case "create" -> "CreateOptions";
          case "update" -> "UpdateOptions";
          case "patch" -> "PatchOptions";
          default -> null;
        };
    if (sent != null && options != null && !FieldValidation.VALUES.contains(sent)) {
      throw ApiErrors.invalid(
          "meta.k8s.io",
          options,
          "",
          List.of(FieldCause.notSupported("fieldValidation", sent, FieldValidation.VALUES)));
    }
  }

  /** As kube-apiserver's ValidatePatchOptions: apply needs a field manager, only apply a force. */
  private static List<FieldCause> patchOptionErrors(String mediaType, Map<String, String> query) {
    if (!mediaType.equals("application/apply-patch+yaml")) {
      return query.containsKey("force")
          ? List.of(FieldCause.forbidden("force", "may not be specified for non-apply patch"))
          : List.of();
    }
    String manager = query.get("fieldManager");
    return manager == null || manager.isEmpty()
        ? List.of(FieldCause.required("fieldManager", "is required for apply patch"))
        : List.of();
  }

  /**
   * The options object admission webhooks get for a write ({@code CreateOptions}, {@code
   * UpdateOptions}, {@code PatchOptions}, {@code DeleteOptions}), or null for reads.
   */
  private static ObjectNode writeOptions(String verb, Map<String, String> query, byte[] body) {
    String kind =
        switch (verb) {
          case "create" -> "CreateOptions";
          case "update" -> "UpdateOptions";
          case "patch" -> "PatchOptions";
          case "delete", "deletecollection" -> "DeleteOptions";
          default -> null;
        };
    if (kind == null) {
      return null;
    }
    ObjectNode options = Json.NODES.objectNode();
    if (kind.equals("DeleteOptions") && body.length > 0) {
      try {
        JsonNode sent = Json.parse(body);
        if (sent.isObject()) {
          options.setAll((ObjectNode) sent);
        }
      } catch (ApiException e) {
        // DeleteOptions.parse reports a malformed body with the request's own error.
      }
    }
    options.put("kind", kind);
    options.put("apiVersion", "meta.k8s.io/v1");
    if (query.containsKey("dryRun") && !query.get("dryRun").isEmpty()) {
      options.putArray("dryRun").add(query.get("dryRun"));
    }
    String fieldManager = query.get("fieldManager");
    if (fieldManager != null && !fieldManager.isEmpty() && !kind.equals("DeleteOptions")) {
      options.put("fieldManager", fieldManager);
    }
    if (kind.equals("PatchOptions") && "true".equals(query.get("force"))) {
      options.put("force", true);
    }
    String fieldValidation = query.get("fieldValidation");
    if (fieldValidation != null && !kind.equals("DeleteOptions")) {
      options.put("fieldValidation", fieldValidation);
    }
    if (query.containsKey("propagationPolicy") && kind.equals("DeleteOptions")) {
      options.put("propagationPolicy", query.get("propagationPolicy"));
    }
    return options;
  }

  /** The selection of a LIST, WATCH or DELETE collection. */
  public static ListOptions listOptions(ResourceType type, Map<String, String> query) {
    long limit = Query.number(query, "limit", 0);
    String continueToken = query.get("continue");
    return new ListOptions(
        LabelSelector.parse(query.get("labelSelector")),
        FieldSelector.parse(query.get("fieldSelector"), type),
        (int) Math.min(limit, Integer.MAX_VALUE),
        continueToken == null || continueToken.isEmpty() ? null : continueToken);
  }

  /** A {@code <Kind>List} of {@code result}. */
  public static ObjectNode listBody(ResourceType type, ListResult result) {
    ObjectNode list = Json.NODES.objectNode();
    list.put("kind", type.listKind());
    list.put("apiVersion", type.apiVersion());
    ObjectNode metadata = list.putObject("metadata");
    metadata.put("resourceVersion", Long.toString(result.revision()));
    if (result.continueToken() != null) {
      metadata.put("continue", result.continueToken());
    }
    if (result.remainingItemCount() != null) {
      metadata.put("remainingItemCount", result.remainingItemCount());
    }
    ArrayNode items = list.putArray("items");
    result.items().forEach(items::add);
    return list;
  }

  /**
   * {@link #listBody(ResourceType, ListResult)} for items already serialised: the same JSON, with
   * the items' bytes copied in as they are.
   */
  static byte[] listBody(ResourceType type, JsonListResult result) {
    byte[] head =
        Json.bytes(
            listBody(
                type,
                new ListResult(
                    List.of(),
                    result.revision(),
                    result.continueToken(),
                    result.remainingItemCount())));
    // head ends with "items":[]} since items is the last field: the items go before the "]}".
    int open = head.length - 2;
    if (head[open - 1] != '[' || head[open] != ']' || head[open + 1] != '}') {
      throw new IllegalStateException("a list body does not end with its items");
    }
    int size = head.length + Math.max(0, result.items().size() - 1);
    for (byte[] item : result.items()) {
      size += item.length;
    }
    byte[] body = new byte[size];
    System.arraycopy(head, 0, body, 0, open);
    int at = open;
    for (int i = 0; i < result.items().size(); i++) {
      if (i > 0) {
        body[at++] = ',';
      }
      byte[] item = result.items().get(i);
      System.arraycopy(item, 0, body, at, item.length);
      at += item.length;
    }
    body[at++] = ']';
    body[at] = '}';
    return body;
  }

  /** Whether an Accept header asks for a {@code meta.k8s.io} Table. */
  public static boolean wantsTable(String accept) {
    for (MediaRange range : MediaRange.parseAll(accept)) {
      if (range.asks("Table", "meta.k8s.io", "v1")
          || range.asks("Table", "meta.k8s.io", "v1beta1")) {
        return true;
      }
    }
    return false;
  }

  private static boolean subresourceAllows(String subresource, String verb) {
    return switch (subresource) {
      case "status", "scale" -> ResourceType.STATUS_VERBS.contains(verb);
      case "log" -> verb.equals("get");
      default -> false;
    };
  }

  /**
   * Whether an Accept header takes Kubernetes protobuf and nothing the server writes. kubectl's
   * typed clients always add {@code application/json}; a client that does not is told 406 rather
   * than sent JSON it cannot read.
   */
  static boolean onlyProtobuf(String accept) {
    List<MediaRange> ranges = MediaRange.parseAll(accept);
    return !ranges.isEmpty()
        && ranges.stream().allMatch(range -> ProtobufDecoder.isProtobuf(range.type()));
  }

  /** The object in a POST or PUT body: JSON, YAML or Kubernetes protobuf. */
  private ObjectNode object(ResourceType type, String contentType, byte[] body) {
    String mediaType =
        contentType == null ? "application/json" : MediaRange.parse(contentType).type();
    JsonNode node;
    switch (mediaType) {
      case "application/json", "*/*", "" -> {
        return Json.parseObject(body);
      }
      case ProtobufDecoder.MEDIA_TYPE -> {
        return protobuf.decode(body, type);
      }
      case "application/yaml" -> {
        try {
          node = YAML.readTree(body);
        } catch (JsonProcessingException e) {
          throw ApiErrors.badRequest(
              "the body of the request was in an unknown format: " + Json.describe(e));
        } catch (IOException e) {
          throw ApiErrors.badRequest(
              "the body of the request could not be read: " + e.getMessage());
        }
      }
      default -> throw ApiErrors.unsupportedMediaType(contentType, BODY_TYPES);
    }
    if (node == null || !node.isObject()) {
      throw ApiErrors.badRequest("the body of the request must be an object");
    }
    return (ObjectNode) node;
  }
}
