package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * kube-apiserver's default table convertor, used for every resource without a printer of its own
 * (Roles, ClusterRoles, CustomResourceDefinitions, ...): {@code Name} and {@code Created At}, the
 * creation time in RFC 3339 (kubectl prints it as is).
 */
final class DefaultPrinter implements RowPrinter {

  /** What Go prints for a zero {@code metav1.Time}. */
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private static final List<ColumnDefinition> COLUMNS =
      List.of(
          ColumnDefinition.nameColumn(),
          ColumnDefinition.of("Created At", "date", Descriptions.CREATED_AT));

  @Override
  public List<ColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public Row print(ObjectNode object, Instant now) {
    String created =
        Timestamps.parse(Fields.at(object, "metadata", "creationTimestamp"))
            .map(Timestamps::rfc3339)
            .orElse(ZERO_TIME);
    return new Row(Cells.of(Fields.text(object, "metadata", "name"), created));
  }
}
