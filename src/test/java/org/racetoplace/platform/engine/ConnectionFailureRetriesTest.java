package org.racetoplace.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

class ConnectionFailureRetriesTest {

  @Test
  void aPoolTimeoutAnywhereInTheCausesIsAConnectionFailure() {
    SQLTransientConnectionException poolTimeout =
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 1000ms");
    Throwable failure =
        new ProcessEngineException(
            "job failed", new CannotCreateTransactionException("Could not open JPA EntityManager", poolTimeout));

    assertThat(ConnectionFailureRetries.isConnectionFailure(failure)).isTrue();
  }

  @Test
  void aConnectionCutByARestartIsAConnectionFailure() {
    SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
    SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");

    assertThat(ConnectionFailureRetries.isConnectionFailure(new ProcessEngineException("x", terminated))).isTrue();
    assertThat(ConnectionFailureRetries.isConnectionFailure(new ProcessEngineException("x", refused))).isTrue();
  }

  @Test
  void aRollbackOnAConnectionTheRestartClosedIsAConnectionFailure() {
    Throwable rollback =
        new JpaSystemException(
            new RuntimeException(
                new TransactionException("Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))));

    assertThat(ConnectionFailureRetries.isConnectionFailure(rollback)).isTrue();
  }

  @Test
  void otherFailuresGoToTheRetryCycle() {
    assertThat(ConnectionFailureRetries.isConnectionFailure(new IllegalStateException("mail server refused"))).isFalse();
    assertThat(ConnectionFailureRetries.isConnectionFailure(new ProcessEngineException("x", new SQLException("syntax error", "42601"))))
        .isFalse();
  }
}
