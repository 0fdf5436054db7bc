package dev.tributary.local.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable set of field paths, as one {@code managedFields} entry owns them. A path is a list
 * of structured-merge-diff path elements in their FieldsV1 spelling: {@code f:name} (a member of an
 * object), {@code k:{"name":"x"}} (the item of a keyed list), {@code v:"a"} (the item of a set of
 * primitives) and {@code i:3} (an item by position).
 *
 * <p>Only the members of the set are stored; the paths leading to them are implied, which is how
 * FieldsV1 encodes it: a node that is itself a member and also has members below carries {@code
 * ".": {}}.
 */
public final class FieldSet {

  private static final FieldSet EMPTY = new FieldSet(Set.of());

  private final Set<List<String>> members;

  private FieldSet(Set<List<String>> members) {
    this.members = Set.copyOf(members);
  }

  /** The empty set. */
  public static FieldSet empty() {
    return EMPTY;
  }

  /** The set of these paths. */
  public static FieldSet of(Collection<List<String>> paths) {
    return paths.isEmpty() ? EMPTY : new FieldSet(new HashSet<>(paths));
  }

  /** The member paths. */
  public Set<List<String>> members() {
    return members;
  }

  public boolean isEmpty() {
    return members.isEmpty();
  }

  public boolean contains(List<String> path) {
    return members.contains(path);
  }

  /** Whether {@code path} or a path below it is a member. */
  public boolean containsOrBelow(List<String> path) {
    for (List<String> member : members) {
      if (member.size() >= path.size() && member.subList(0, path.size()).equals(path)) {
        return true;
      }
    }
    return false;
  }

  public FieldSet union(FieldSet other) {
    Set<List<String>> all = new HashSet<>(members);
    all.addAll(other.members);
    return new FieldSet(all);
  }

  public FieldSet difference(FieldSet other) {
    Set<List<String>> left = new HashSet<>(members);
    left.removeAll(other.members);
    return new FieldSet(left);
  }

  public FieldSet intersection(FieldSet other) {
    Set<List<String>> both = new HashSet<>(members);
    both.retainAll(other.members);
    return new FieldSet(both);
  }

  /** The FieldsV1 encoding: nested objects keyed by path element, {@code ".": {}} for members. */
  public ObjectNode toFieldsV1() {
    Node root = new Node();
    for (List<String> member : members) {
      Node node = root;
      for (String element : member) {
        node = node.children.computeIfAbsent(element, e -> new Node());
      }
      node.member = true;
    }
    return root.encode();
  }

  /**
   * Decodes FieldsV1.
   *
   * @throws IllegalArgumentException when {@code fieldsV1} is not an object of objects
   */
  public static FieldSet fromFieldsV1(JsonNode fieldsV1) {
    Set<List<String>> members = new HashSet<>();
    if (fieldsV1 != null && !fieldsV1.isNull() && !fieldsV1.isMissingNode()) {
      decode(fieldsV1, new ArrayList<>(), members);
    }
    return of(members);
  }

  private static void decode(JsonNode node, List<String> path, Set<List<String>> members) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("FieldsV1 nodes must be objects");
    }
    if (!path.isEmpty() && (node.isEmpty() || node.has("."))) {
      members.add(List.copyOf(path));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> child = it.next();
      if (child.getKey().equals(".")) {
        continue;
      }
      path.add(child.getKey());
      decode(child.getValue(), path, members);
      path.remove(path.size() - 1);
    }
  }

  /**
   * A path as structured-merge-diff prints it in conflicts: {@code .spec.replicas}, {@code
   * .spec.containers[name="x"].image}, {@code .metadata.finalizers[="a"]}, {@code .items[2]}.
   */
  public static String describe(List<String> path) {
    StringBuilder text = new StringBuilder();
    for (String element : path) {
      String body = element.substring(2);
      switch (element.charAt(0)) {
        case 'f' -> text.append('.').append(body);
        case 'v' -> text.append("[=").append(body).append(']');
        case 'i' -> text.append('[').append(body).append(']');
        case 'k' -> {
          JsonNode key = Json.parse(body);
          List<String> parts = new ArrayList<>();
          key.fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().toString()));
          text.append('[').append(String.join(",", parts)).append(']');
        }
        default -> text.append(element);
      }
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FieldSet set && set.members.equals(members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    return toFieldsV1().toString();
  }

  private static final class Node {
    private final Map<String, Node> children = new TreeMap<>();
    private boolean member;

    ObjectNode encode() {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      if (member && !children.isEmpty()) {
        out.putObject(".");
      }
      children.forEach((element, child) -> out.set(element, child.encode()));
      return out;
    }
  }
}
