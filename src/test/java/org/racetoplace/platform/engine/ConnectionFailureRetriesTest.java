package org.racetoplace.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

  private static final CannotCreateTransactionException NO_CONNECTION =
      new CannotCreateTransactionException(
          "Could not open JPA EntityManager for transaction",
          new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 1000ms"));

  @AfterEach
  void leaveTheJobThread() {
    Context.removeJobExecutorContext();
    ConnectionFailureRetries.TransactionBegun.clear();
  }

  @Test
  void aJobTransactionIsStartedAgainUntilAConnectionIsFree() {
    Context.setJobExecutorContext(new JobExecutorContext());
    FailingStarts starts = new FailingStarts(12, NO_CONNECTION);

    Object result = interceptor(TimeUnit.MINUTES.toNanos(1), starts).execute(context -> "ran");

    assertThat(result).isEqualTo("ran");
    assertThat(starts.attempts).hasValue(13);
  }

  @Test
  void aJobTransactionIsGivenUpOnceTheWaitWouldOutlastTheBudget() {
    Context.setJobExecutorContext(new JobExecutorContext());
    FailingStarts starts = new FailingStarts(Integer.MAX_VALUE, NO_CONNECTION);

    assertThatThrownBy(() -> interceptor(TimeUnit.MILLISECONDS.toNanos(20), starts).execute(context -> "ran"))
        .isSameAs(NO_CONNECTION);
    assertThat(starts.attempts.get()).isBetween(2, 21);
  }

  @Test
  void aStoppedJobExecutorGivesNoBudget() {
    Context.setJobExecutorContext(new JobExecutorContext());
    FailingStarts starts = new FailingStarts(Integer.MAX_VALUE, NO_CONNECTION);

    assertThatThrownBy(() -> interceptor(0, starts).execute(context -> "ran")).isSameAs(NO_CONNECTION);
    assertThat(starts.attempts).hasValue(1);
  }

  @Test
  void outsideTheJobExecutorTheFailureGoesStraightToTheCaller() {
    FailingStarts starts = new FailingStarts(1, NO_CONNECTION);

    assertThatThrownBy(() -> interceptor(TimeUnit.MINUTES.toNanos(1), starts).execute(context -> "ran"))
        .isSameAs(NO_CONNECTION);
    assertThat(starts.attempts).hasValue(1);
  }

  @Test
  void theJobAcquisitionIsStartedAgainUntilAConnectionIsFree() {
    FailingStarts starts = new FailingStarts(3, NO_CONNECTION);

    Object acquired = interceptor(TimeUnit.MINUTES.toNanos(1), starts).execute(mock(AcquireJobsCmd.class));

    assertThat(acquired).as("what the (mocked) acquisition returns").isNull();
    assertThat(starts.attempts).hasValue(4);
  }

  @Test
  void aJobWhoseCommandBeganIsLeftToTheFailedJobHandling() {
    Context.setJobExecutorContext(new JobExecutorContext());
    FailingStarts starts = new FailingStarts(1, NO_CONNECTION, true);

    assertThatThrownBy(() -> interceptor(TimeUnit.MINUTES.toNanos(1), starts).execute(context -> "ran"))
        .as("the outbox's own transaction found no connection inside the job's command")
        .isSameAs(NO_CONNECTION);
    assertThat(starts.attempts).hasValue(1);
  }

  @Test
  void aCommandNestedInAJobsCommandIsNotStartedAgain() {
    Context.setJobExecutorContext(new JobExecutorContext());
    Context.setCommandContext(mock(CommandContext.class));
    try {
      FailingStarts starts = new FailingStarts(1, NO_CONNECTION);

      assertThatThrownBy(() -> interceptor(TimeUnit.MINUTES.toNanos(1), starts).execute(context -> "ran"))
          .as("waiting here would hold the outer command's connection")
          .isSameAs(NO_CONNECTION);
      assertThat(starts.attempts).hasValue(1);
    } finally {
      Context.removeCommandContext();
    }
  }

  @Test
  void aCommandInsideASpringTransactionIsNotStartedAgain() {
    Context.setJobExecutorContext(new JobExecutorContext());
    TransactionSynchronizationManager.setActualTransactionActive(true);
    try {
      FailingStarts starts = new FailingStarts(1, NO_CONNECTION);

      assertThatThrownBy(() -> interceptor(TimeUnit.MINUTES.toNanos(1), starts).execute(context -> "ran"))
          .isSameAs(NO_CONNECTION);
      assertThat(starts.attempts).hasValue(1);
    } finally {
      TransactionSynchronizationManager.setActualTransactionActive(false);
    }
  }

  @Test
  void aTransactionRefusedForAnotherReasonIsNotStartedAgain() {
    Context.setJobExecutorContext(new JobExecutorContext());
    CannotCreateTransactionException refused =
        new CannotCreateTransactionException("no transaction manager", new IllegalStateException("misconfigured"));
    FailingStarts starts = new FailingStarts(1, refused);

    assertThatThrownBy(() -> interceptor(TimeUnit.MINUTES.toNanos(1), starts).execute(context -> "ran"))
        .isSameAs(refused);
    assertThat(starts.attempts).hasValue(1);
  }

  private static ConnectionFailureRetries.WaitForJobTransaction interceptor(long budgetNanos, CommandExecutor next) {
    ConnectionFailureRetries.WaitForJobTransaction interceptor =
        new ConnectionFailureRetries.WaitForJobTransaction(Duration.ofMillis(1), () -> budgetNanos);
    interceptor.setNext(next);
    return interceptor;
  }

  /** The rest of the command chain: its transaction cannot begin the first {@code failures} times. */
  private static final class FailingStarts implements CommandExecutor {

    final AtomicInteger attempts = new AtomicInteger();
    private final int failures;
    private final CannotCreateTransactionException failure;

    private final boolean begin;

    FailingStarts(int failures, CannotCreateTransactionException failure) {
      this(failures, failure, false);
    }

    /** With {@code begin}, each failure comes from inside a command whose transaction began. */
    FailingStarts(int failures, CannotCreateTransactionException failure, boolean begin) {
      this.failures = failures;
      this.failure = failure;
      this.begin = begin;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (begin) {
        ConnectionFailureRetries.TransactionBegun.mark();
      }
      if (attempts.incrementAndGet() <= failures) {
        throw failure;
      }
      return command.execute(null);
    }
  }
}
