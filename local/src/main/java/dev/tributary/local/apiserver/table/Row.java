package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * One printed row: its cells (strings, integers, booleans or JSON {@code null}) and optional {@code
 * conditions} (kube-apiserver marks finished pods {@code Completed}).
 */
record Row(List<JsonNode> cells, ArrayNode conditions) {

  Row(List<JsonNode> cells) {
    this(cells, null);
  }
}
