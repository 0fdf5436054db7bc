package dev.tributary.local.apiserver.patch;

import java.util.Locale;
import java.util.Optional;

/** The PATCH content types the Kubernetes API accepts, in the order kube-apiserver lists them. */
public enum PatchType {
  /** RFC 6902: a list of add/remove/replace/move/copy/test operations. fabric8's default. */
  JSON_PATCH("application/json-patch+json"),
  /** RFC 7386: objects merge recursively, {@code null} deletes, everything else replaces. */
  MERGE_PATCH("application/merge-patch+json"),
  /** Merge patch plus list merging by key and {@code $}-directives; built-in kinds only. */
  STRATEGIC_MERGE_PATCH("application/strategic-merge-patch+json"),
  /** Server-side apply ({@code kubectl apply --server-side}); the body is YAML or JSON. */
  APPLY_PATCH("application/apply-patch+yaml");

  private final String contentType;

  PatchType(String contentType) {
    this.contentType = contentType;
  }

  /** The media type exactly as it appears in a {@code Content-Type} header. */
  public String contentType() {
    return contentType;
  }

  /**
   * The patch type named by a {@code Content-Type} header value. Parameters such as {@code ;
   * charset=utf-8} are ignored, as kube-apiserver ignores them; anything else is empty (the server
   * answers 415).
   */
  public static Optional<PatchType> fromContentType(String header) {
    if (header == null) {
      return Optional.empty();
    }
    int semicolon = header.indexOf(';');
    String mediaType =
        (semicolon >= 0 ? header.substring(0, semicolon) : header).strip().toLowerCase(Locale.ROOT);
    for (PatchType type : values()) {
      if (type.contentType.equals(mediaType)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
