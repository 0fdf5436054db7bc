package dev.tributary.acceptance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of one table {@code kubectl get} prints, read as a user reads them: each cell is the
 * text under its column's header (kubectl aligns cells with their headers), so an empty cell (a
 * READY not yet known, an empty REASON) stays empty instead of shifting the row.
 */
record KubectlTable(List<Map<String, String>> rows) {

  /** Parses {@code output}; "No resources found" and blank output give no rows. */
  static KubectlTable parse(String output) {
    List<String> lines =
        output.lines().filter(l -> !l.isBlank() && !l.startsWith("No resources found")).toList();
    if (lines.isEmpty()) {
      return new KubectlTable(List.of());
    }
    String header = lines.getFirst();
    List<Integer> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.length(); i++) {
      if (header.charAt(i) != ' ' && (i == 0 || header.charAt(i - 1) == ' ')) {
        starts.add(i);
        int end = header.indexOf(' ', i);
        names.add(header.substring(i, end < 0 ? header.length() : end));
      }
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < starts.size(); c++) {
        int from = Math.min(starts.get(c), line.length());
        int to = c + 1 < starts.size() ? Math.min(starts.get(c + 1), line.length()) : line.length();
        row.put(names.get(c), line.substring(from, to).trim());
      }
      rows.add(row);
    }
    return new KubectlTable(rows);
  }

  /** The first row whose NAME matches {@code regex}. */
  Optional<Map<String, String>> named(String regex) {
    return rows.stream().filter(r -> r.getOrDefault("NAME", "").matches(regex)).findFirst();
  }

  /** The rows whose NAME matches {@code regex}. */
  List<Map<String, String>> allNamed(String regex) {
    return rows.stream().filter(r -> r.getOrDefault("NAME", "").matches(regex)).toList();
  }

  /** Whether a row named by {@code regex} has {@code column} equal to {@code value}. */
  boolean has(String regex, String column, String value) {
    return allNamed(regex).stream().anyMatch(r -> value.equals(r.get(column)));
  }
}
