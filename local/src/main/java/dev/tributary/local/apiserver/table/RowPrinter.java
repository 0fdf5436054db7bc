package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The columns of one kind, and how to fill them for one object. Printers always produce the wide
 * columns too, as kube-apiserver does; kubectl drops {@code priority > 0} columns itself. Pure and
 * thread-safe; must not modify the object.
 */
interface RowPrinter {

  List<ColumnDefinition> columns();

  /** One row, with exactly one cell per column. {@code now} is the time ages are measured to. */
  Row print(ObjectNode object, Instant now);
}
