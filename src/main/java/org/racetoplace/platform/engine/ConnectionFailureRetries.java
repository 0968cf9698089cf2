package org.racetoplace.platform.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.racetoplace.platform.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

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

  /** Attempts to begin a job's transaction before the job is left to its lock expiry. */
  private static final int TRANSACTION_START_ATTEMPTS = 5;

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
    outermost.add(new WaitForJobTransaction());
    configuration.setCustomPreCommandInterceptorsTxRequired(outermost);
    configuration.setFailedJobCommandFactory(
        (jobId, exception) ->
            isConnectionFailure(exception) ? retryLater(jobId, exception) : engineDefault.getCommand(jobId, exception));
  }

  /** True when the job failed for want of a database connection ({@link DatabaseFailures}). */
  static boolean isConnectionFailure(Throwable failure) {
    return DatabaseFailures.isUnavailable(failure);
  }

  /**
   * On a job executor thread, a command whose transaction could not even begin for want of a
   * connection is started again after the wait, a few times: nothing of it ran, and the engine
   * cannot record the failure of a job it never loaded (its failed-job listener needs the loaded
   * job), so the job would otherwise stay locked until its lock expires.
   */
  private final class WaitForJobTransaction extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (CannotCreateTransactionException noConnection) {
          if (Context.getJobExecutorContext() == null
              || attempt >= TRANSACTION_START_ATTEMPTS
              || !DatabaseFailures.isUnavailable(noConnection)) {
            throw noConnection;
          }
          log.warn("Job transaction found no database connection (attempt {}); starting it again in {}", attempt, wait);
          LockSupport.parkNanos(wait.toNanos());
        }
      }
    }
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
