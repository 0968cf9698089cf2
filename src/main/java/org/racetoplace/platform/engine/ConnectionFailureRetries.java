package org.racetoplace.platform.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.racetoplace.platform.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A job that failed because the database was out of reach (no connection free in the pool in
 * time, or the connection cut by a restart) keeps its retries: it is unlocked and due again after
 * {@code hiring.retries.connection-wait}. Its transaction rolled back, so it runs again from its
 * start as after any failure; but the failure says nothing about the job, and burning a retry
 * of a mail step ({@code R3/PT5M}) would turn a few seconds of pool contention into an incident or
 * a five-minute delay. Every other failure goes to the engine's usual retry handling.
 */
@Component
public class ConnectionFailureRetries extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(ConnectionFailureRetries.class);

  private final Duration wait;

  public ConnectionFailureRetries(@Value("${hiring.retries.connection-wait}") Duration wait) {
    this.wait = wait;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobCommandFactory engineDefault =
        configuration.getFailedJobCommandFactory() != null
            ? configuration.getFailedJobCommandFactory()
            : new DefaultFailedJobCommandFactory();
    List<CommandInterceptor> outermost =
        configuration.getCustomPreCommandInterceptorsTxRequired() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    outermost.add(new WaitForJobTransaction(wait, () -> halfLockTimeNanos(configuration.getJobExecutor())));
    configuration.setCustomPreCommandInterceptorsTxRequired(outermost);
    List<CommandInterceptor> innermost =
        configuration.getCustomPostCommandInterceptorsTxRequired() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    innermost.add(new TransactionBegun());
    configuration.setCustomPostCommandInterceptorsTxRequired(innermost);
    configuration.setFailedJobCommandFactory(
        (jobId, exception) ->
            isConnectionFailure(exception) ? retryLater(jobId, exception) : engineDefault.getCommand(jobId, exception));
  }

  /** True when the job failed for want of a database connection ({@link DatabaseFailures}). */
  static boolean isConnectionFailure(Throwable failure) {
    return DatabaseFailures.isUnavailable(failure);
  }

  /**
   * On a job executor thread, the outermost command (the thread holds no connection yet) whose
   * transaction could not even begin for want of a connection is started again after the wait,
   * for as long as the job executor runs and at most for half the job lock time: nothing of it
   * ran, and the engine cannot record the failure of a job it never loaded (its failed-job
   * listener needs the loaded job), so giving up would leave the job locked until its lock
   * expires. The job acquisition's command is started again likewise: an acquisition cycle that
   * fails drops the batches the executor's full queue rejected in the cycle before (the engine
   * resubmits them only from the next cycle that acquires), and those jobs, locked by this node,
   * would wait for their lock to expire too. Half the lock time keeps this node's lock valid while
   * it waits; past it, the expiring lock hands the job to whichever node acquires it next.
   */
  static final class WaitForJobTransaction extends CommandInterceptor {

    private final Duration wait;
    private final LongSupplier budgetNanos;

    WaitForJobTransaction(Duration wait, LongSupplier budgetNanos) {
      this.wait = wait;
      this.budgetNanos = budgetNanos;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if ((Context.getJobExecutorContext() == null && !(command instanceof AcquireJobsCmd))
          || Context.getCommandContext() != null
          || TransactionSynchronizationManager.isActualTransactionActive()) {
        // not a job's outermost command: a nested one waiting here would hold its outer
        // command's connection while it waits for another, and could starve the pool for good
        return next.execute(command);
      }
      long began = System.nanoTime();
      for (int attempt = 1; ; attempt++) {
        TransactionBegun.clear();
        try {
          return next.execute(command);
        } catch (CannotCreateTransactionException noConnection) {
          // begun: the command ran and something inside it (e.g. the outbox's own transaction)
          // found no connection; its job was loaded, so the failed-job handling below takes it
          if (TransactionBegun.begun()
              || !DatabaseFailures.isUnavailable(noConnection)
              || System.nanoTime() - began + wait.toNanos() > budgetNanos.getAsLong()
              || Thread.currentThread().isInterrupted()) {
            throw noConnection;
          }
          log.warn("Job transaction found no database connection (attempt {}); starting it again in {}", attempt, wait);
          LockSupport.parkNanos(wait.toNanos());
        }
      }
    }
  }

  /**
   * The innermost interceptor, inside the command's transaction and command context: marks on the
   * thread that the command began, so {@link WaitForJobTransaction} can tell a transaction that
   * could not begin from a failure inside the command.
   */
  static final class TransactionBegun extends CommandInterceptor {

    private static final ThreadLocal<Boolean> BEGUN = ThreadLocal.withInitial(() -> Boolean.FALSE);

    @Override
    public <T> T execute(Command<T> command) {
      mark();
      return next.execute(command);
    }

    static void mark() {
      BEGUN.set(Boolean.TRUE);
    }

    static void clear() {
      BEGUN.remove();
    }

    static boolean begun() {
      return BEGUN.get();
    }
  }

  /** Half the job executor's lock time while it runs; nothing once it has stopped. */
  private static long halfLockTimeNanos(JobExecutor jobExecutor) {
    if (jobExecutor == null || !jobExecutor.isActive()) {
      return 0;
    }
    return TimeUnit.MILLISECONDS.toNanos(jobExecutor.getLockTimeInMillis()) / 2;
  }

  private Command<Object> retryLater(String jobId, Throwable exception) {
    return commandContext -> {
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      if (job == null) {
        return null;
      }
      log.warn("Job {} found no database connection; due again in {}, retries kept at {}", jobId, wait, job.getRetries());
      job.setLockOwner(null);
      job.setLockExpirationTime(null);
      job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime() + wait.toMillis()));
      job.setExceptionMessage(exception.getMessage());
      return null;
    };
  }
}
