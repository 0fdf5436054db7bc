package dev.tributary.adapters.ping.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the leader of a bucket has recorded about one PingSource's ticks.
 *
 * @param uid the source's {@code metadata.uid} when recorded: a source deleted and re-created under
 *     the same name has a new uid and does not inherit the record
 * @param claimed the latest scheduled time claimed for sending; every earlier tick was claimed or
 *     deliberately not sent (the source was not scheduled then)
 * @param pending claimed ticks whose send had not ended when this was written (usually empty, or
 *     the one or two most recent ticks); each is before or equal to {@code claimed}
 */
public record SourceCheckpoint(String uid, Instant claimed, NavigableSet<Instant> pending) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public SourceCheckpoint {
    uid = uid == null ? "" : uid;
    Objects.requireNonNull(claimed, "claimed");
    pending = java.util.Collections.unmodifiableNavigableSet(new TreeSet<>(pending));
  }

  /** This record with {@code tick} claimed (and pending). */
  public SourceCheckpoint claim(Instant tick) {
    TreeSet<Instant> next = new TreeSet<>(pending);
    next.add(tick);
    return new SourceCheckpoint(uid, tick.isAfter(claimed) ? tick : claimed, next);
  }

  /** This record with {@code tick}'s send ended. */
  public SourceCheckpoint ended(Instant tick) {
    if (!pending.contains(tick)) {
      return this;
    }
    TreeSet<Instant> next = new TreeSet<>(pending);
    next.remove(tick);
    return new SourceCheckpoint(uid, claimed, next);
  }

  /**
   * The value stored in the checkpoint ConfigMap: {@code {"uid":..,"claimed":..,"pending":[..]}}.
   */
  public String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("uid", uid);
    node.put("claimed", claimed.toString());
    ArrayNode list = node.putArray("pending");
    pending.forEach(t -> list.add(t.toString()));
    return node.toString();
  }

  /**
   * Reads a stored value.
   *
   * @throws IllegalArgumentException when it is not what {@link #toJson} writes
   */
  public static SourceCheckpoint fromJson(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject() || !node.hasNonNull("claimed")) {
        throw new IllegalArgumentException("not a tick checkpoint: " + json);
      }
      TreeSet<Instant> pending = new TreeSet<>();
      JsonNode list = node.get("pending");
      if (list != null && list.isArray()) {
        list.forEach(t -> pending.add(Instant.parse(t.asText())));
      }
      return new SourceCheckpoint(
          node.path("uid").asText(""), Instant.parse(node.get("claimed").asText()), pending);
    } catch (JsonProcessingException | DateTimeParseException e) {
      throw new IllegalArgumentException("not a tick checkpoint: " + json, e);
    }
  }
}
