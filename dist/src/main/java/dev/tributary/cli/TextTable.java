package dev.tributary.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text in columns aligned as kubectl aligns them (Go's text/tabwriter as kubectl sets it
 * up: each column as wide as its widest cell plus 3 spaces, at least 6; the last column unpadded).
 */
final class TextTable {

  private static final int PADDING = 3;
  private static final int MIN_WIDTH = 6;

  private TextTable() {}

  /**
   * The header and the rows, one line each, every line ending with a newline.
   *
   * @throws IllegalArgumentException if a row has not as many cells as the header
   */
  static String render(List<String> header, List<List<String>> rows) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(header);
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "a row has " + row.size() + " cells for " + header.size() + " columns: " + row);
      }
      lines.add(row);
    }
    int[] widths = new int[header.size()];
    for (List<String> line : lines) {
      for (int i = 0; i < line.size() - 1; i++) {
        widths[i] = Math.max(widths[i], Math.max(MIN_WIDTH, width(line.get(i)) + PADDING));
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        String cell = line.get(i);
        text.append(cell);
        if (i < line.size() - 1) {
          text.repeat(' ', widths[i] - width(cell));
        }
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** Width in characters as tabwriter counts them (code points, not UTF-16 units). */
  private static int width(String cell) {
    return cell.codePointCount(0, cell.length());
  }
}
