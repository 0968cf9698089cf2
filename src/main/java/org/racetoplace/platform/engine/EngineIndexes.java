package org.racetoplace.platform.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes on the engine's own tables that Camunda does not ship and our queries need. Created once
 * the engine has created or upgraded its schema, with {@code CREATE INDEX IF NOT EXISTS} (H2 and
 * PostgreSQL), so every start after the first finds them there.
 *
 * <p>{@value #AUTHORIZATION_USER} on {@code ACT_RU_AUTHORIZATION (USER_ID_)}: every task query
 * with authorization checks on (Tasklist's filters, {@code GET /engine-rest/task}) joins the user's
 * grants, picked by {@code TYPE_ < 2 AND (USER_ID_ IN (user, '*') OR GROUP_ID_ IN (groups))}. The
 * engine indexes {@code GROUP_ID_} alone but {@code USER_ID_} only behind {@code TYPE_}, which a
 * range condition cannot get past; so PostgreSQL read the whole table, one row per open task
 * (each task's grant to its candidate group), for every filter opening: about 30 ms at 50,000 open
 * tasks on the build machine, twice per opening (the page and the count). With the index it reads
 * the user's grants and the groups' grants only (docs/performance.md, "Tasklist").
 */
public final class EngineIndexes {

  public static final String AUTHORIZATION_USER = "HIRING_IDX_AUTH_USER";

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  private EngineIndexes() {}

  /**
   * Creates the missing indexes. A failure (a database user without the right to create indexes,
   * another node creating the same index at the same moment) is logged and start-up goes on: the
   * index makes queries faster, it changes no answer.
   */
  static void ensure(DataSource dataSource) {
    if (exists(dataSource, AUTHORIZATION_USER)) {
      // looked up first: even "if not exists" would lock the table against writes for a moment
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "create index if not exists " + AUTHORIZATION_USER + " on ACT_RU_AUTHORIZATION (USER_ID_)");
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      if (exists(dataSource, AUTHORIZATION_USER)) {
        return; // another node made it meanwhile
      }
      log.warn(
          "Could not create index {} on ACT_RU_AUTHORIZATION; task queries with authorization checks "
              + "read every grant until it exists (docs/operations.md): {}",
          AUTHORIZATION_USER,
          e.getMessage());
    }
  }

  /** Whether the index exists on {@code ACT_RU_AUTHORIZATION}, whatever the letter case. */
  static boolean exists(DataSource dataSource, String index) {
    try (Connection connection = dataSource.getConnection()) {
      for (String table : new String[] {"ACT_RU_AUTHORIZATION", "act_ru_authorization"}) {
        try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, table, false, true)) {
          while (indexes.next()) {
            String name = indexes.getString("INDEX_NAME");
            if (name != null && name.toUpperCase(Locale.ROOT).equals(index)) {
              return true;
            }
          }
        }
      }
      return false;
    } catch (SQLException e) {
      return false;
    }
  }
}
