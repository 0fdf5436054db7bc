package dev.tributary.local.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiErrors;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a SelfSubjectAccessReview or SubjectAccessReview sent as Kubernetes protobuf, which is how
 * kubectl's typed clients send them ({@code kubectl auth can-i}): the {@code k8s\0} envelope
 * ({@code runtime.Unknown}) around the review, decoded field by field with the numbers of
 * k8s.io/api's {@code authorization/v1/generated.proto}. Only the spec is read; any other kind is
 * 415, as the server reads no other protobuf. Stateless.
 */
final class ProtobufReviews {

  /** Kubernetes' protobuf media type. */
  static final String CONTENT_TYPE = "application/vnd.kubernetes.protobuf";

  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private ProtobufReviews() {}

  /**
   * The review in {@code body}, as JSON.
   *
   * @throws dev.tributary.local.apiserver.errors.ApiException 400 if it does not decode
   */
  static ObjectNode decode(byte[] body, String kind) {
    if (body.length < MAGIC.length
        || !Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw ApiErrors.badRequest("the body of the request is not a Kubernetes protobuf object");
    }
    try {
      Reader unknown = new Reader(body, MAGIC.length, body.length);
      byte[] raw = null;
      while (unknown.more()) {
        int tag = unknown.tag();
        if (tag >>> 3 == 2 && (tag & 7) == 2) {
          raw = unknown.bytes();
        } else {
          unknown.skip(tag);
        }
      }
      if (raw == null) {
        throw ApiErrors.badRequest("the protobuf envelope holds no object");
      }
      ObjectNode review = Json.NODES.objectNode();
      review.put("apiVersion", "authorization.k8s.io/v1");
      review.put("kind", kind);
      ObjectNode spec = review.putObject("spec");
      Reader object = new Reader(raw, 0, raw.length);
      while (object.more()) {
        int tag = object.tag();
        if (tag >>> 3 == 2 && (tag & 7) == 2) {
          spec(object.bytes(), spec, kind.equals("SubjectAccessReview"));
        } else {
          object.skip(tag);
        }
      }
      return review;
    } catch (ArrayIndexOutOfBoundsException | IllegalStateException e) {
      throw ApiErrors.badRequest("the protobuf body is malformed");
    }
  }

  /** SelfSubjectAccessReviewSpec, or SubjectAccessReviewSpec when {@code subject}. */
  private static void spec(byte[] bytes, ObjectNode spec, boolean subject) {
    Reader reader = new Reader(bytes, 0, bytes.length);
    while (reader.more()) {
      int tag = reader.tag();
      int field = tag >>> 3;
      if (field == 1 && (tag & 7) == 2) {
        strings(
            reader.bytes(),
            spec.putObject("resourceAttributes"),
            "namespace",
            "verb",
            "group",
            "version",
            "resource",
            "subresource",
            "name");
      } else if (field == 2 && (tag & 7) == 2) {
        strings(reader.bytes(), spec.putObject("nonResourceAttributes"), "path", "verb");
      } else if (subject && field == 3 && (tag & 7) == 2) {
        spec.put("user", reader.string());
      } else if (subject && field == 4 && (tag & 7) == 2) {
        spec.withArray("groups").add(reader.string());
      } else if (subject && field == 6 && (tag & 7) == 2) {
        spec.put("uid", reader.string());
      } else {
        reader.skip(tag);
      }
    }
  }

  /** A message of string fields numbered 1.. in the order of {@code names}. */
  private static void strings(byte[] bytes, ObjectNode target, String... names) {
    Reader reader = new Reader(bytes, 0, bytes.length);
    while (reader.more()) {
      int tag = reader.tag();
      int field = tag >>> 3;
      if (field >= 1 && field <= names.length && (tag & 7) == 2) {
        target.put(names[field - 1], reader.string());
      } else {
        reader.skip(tag);
      }
    }
  }

  /** Protobuf wire-format reading over a byte range. */
  private static final class Reader {
    private final byte[] bytes;
    private int position;
    private final int end;

    Reader(byte[] bytes, int from, int end) {
      this.bytes = bytes;
      this.position = from;
      this.end = end;
    }

    boolean more() {
      return position < end;
    }

    int tag() {
      return (int) varint();
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = bytes[position++];
        value |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new IllegalStateException("varint too long");
    }

    byte[] bytes() {
      int length = (int) varint();
      if (length < 0 || position + length > end) {
        throw new IllegalStateException("length out of range");
      }
      byte[] value = Arrays.copyOfRange(bytes, position, position + length);
      position += length;
      return value;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    void skip(int tag) {
      switch (tag & 7) {
        case 0 -> varint();
        case 1 -> position += 8;
        case 2 -> bytes();
        case 5 -> position += 4;
        default -> throw new IllegalStateException("unsupported wire type " + (tag & 7));
      }
    }
  }
}
