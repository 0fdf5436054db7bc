package dev.tributary.local.kube.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The {@code pod-template-hash} of a Deployment's template, shaped as kube-controller-manager's
 * {@code controller.ComputeHash}: FNV-32a over the template, then over {@code collisionCount} (as 8
 * little-endian bytes) when it is set, and the decimal value rendered through apimachinery's {@code
 * rand.SafeEncodeString} (each digit mapped into {@value #ALPHABET}), so names look like {@code
 * event-display-5d8c9b7f64}.
 *
 * <p>Departure: Kubernetes hashes Go's spew dump of its own structs, which cannot be reproduced
 * outside Go; we hash the template's canonical JSON (keys sorted) instead. The value is stable for
 * equal templates and has Kubernetes' alphabet and length, but differs from a real cluster's. Pure
 * and thread-safe.
 */
public final class PodTemplateHash {

  /** apimachinery's alphanumerics without vowels and look-alikes. */
  static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private static final int FNV_OFFSET = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;
  private static final ObjectMapper JSON = new ObjectMapper();

  private PodTemplateHash() {}

  /** The hash of {@code template} with {@code collisionCount} (null when none). */
  public static String of(
      PodTemplateSpec template, Integer collisionCount, KubernetesSerialization serialization) {
    JsonNode tree;
    try {
      tree = JSON.readTree(serialization.asJson(template));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read a pod template as JSON", e);
    }
    StringBuilder canonical = new StringBuilder();
    writeCanonical(tree, canonical);
    int hash = fnv32a(FNV_OFFSET, canonical.toString().getBytes(StandardCharsets.UTF_8));
    if (collisionCount != null) {
      byte[] count = new byte[8];
      int value = collisionCount;
      for (int i = 0; i < 4; i++) {
        count[i] = (byte) (value >>> (8 * i));
      }
      hash = fnv32a(hash, count);
    }
    return safeEncode(Integer.toUnsignedString(hash));
  }

  /** apimachinery's {@code rand.SafeEncodeString}: every byte mapped into {@link #ALPHABET}. */
  static String safeEncode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder encoded = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      encoded.append(ALPHABET.charAt(Byte.toUnsignedInt(b) % ALPHABET.length()));
    }
    return encoded.toString();
  }

  static int fnv32a(int seed, byte[] data) {
    int hash = seed;
    for (byte b : data) {
      hash ^= Byte.toUnsignedInt(b);
      hash *= FNV_PRIME;
    }
    return hash;
  }

  private static void writeCanonical(JsonNode node, StringBuilder out) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(JSON.getNodeFactory().textNode(names.get(i)).toString()).append(':');
        writeCanonical(object.get(names.get(i)), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      Iterator<JsonNode> elements = node.elements();
      boolean first = true;
      while (elements.hasNext()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeCanonical(elements.next(), out);
      }
      out.append(']');
    } else {
      out.append(node.toString());
    }
  }
}
