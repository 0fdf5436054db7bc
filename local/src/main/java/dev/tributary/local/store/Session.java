package dev.tributary.local.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One SQLite connection with its prepared statements, kept for reuse (preparing costs about as much
 * as running these small statements). Used by one thread at a time: the writer under the store's
 * write lock, a reader while it holds it from the pool.
 */
final class Session implements AutoCloseable {

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  Session(Connection connection) {
    this.connection = connection;
  }

  /**
   * The prepared statement for {@code sql}, prepared on first use. The caller binds every
   * parameter, closes any result set it opens, and never closes the statement.
   */
  PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  Connection connection() {
    return connection;
  }

  /** Closes the statements and the connection. */
  @Override
  public void close() throws SQLException {
    SQLException failure = null;
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        failure = e;
      }
    }
    statements.clear();
    connection.close();
    if (failure != null) {
      throw failure;
    }
  }
}
