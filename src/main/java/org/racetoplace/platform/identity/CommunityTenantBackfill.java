package org.racetoplace.platform.identity;

import java.util.List;
import org.racetoplace.pipeline.HiringPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings cases started before communities became tenants in line: their runtime rows get the
 * community's tenant id, and the per-task READ grants the engine once made for vetters groups lose
 * READ (vetters read through their group's grant now; see {@link CommunityTaskAuthorizations}).
 *
 * <p>Camunda has no API to change a running instance's tenant, so this is SQL on the engine's
 * runtime tables, in one transaction. It touches only rows without a tenant, of {@code
 * hiring-pipeline} instances whose {@code community} variable names an existing tenant, so it is
 * idempotent and finds nothing to do on every start after the first. History rows keep no tenant
 * (only staff, who belong to every tenant, read history). Run it, as the start-up does, before the
 * job executor of any node works on those cases; docs/operations.md says how to upgrade.
 */
@Component
public class CommunityTenantBackfill {

  private static final Logger log = LoggerFactory.getLogger(CommunityTenantBackfill.class);

  /** Runtime tables that carry a tenant id, each with its process instance column. */
  private static final List<String[]> INSTANCE_TABLES =
      List.of(
          new String[] {"ACT_RU_TASK", "PROC_INST_ID_"},
          new String[] {"ACT_RU_VARIABLE", "PROC_INST_ID_"},
          new String[] {"ACT_RU_JOB", "PROCESS_INSTANCE_ID_"},
          new String[] {"ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_"},
          new String[] {"ACT_RU_INCIDENT", "PROC_INST_ID_"},
          new String[] {"ACT_RU_EXT_TASK", "PROC_INST_ID_"});

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public CommunityTenantBackfill(JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /** Tags untagged running cases with their community's tenant; returns how many executions. */
  public int apply() {
    Integer executions = transaction.execute(status -> backfill());
    if (executions != null && executions > 0) {
      log.info("Tagged {} executions of running cases with their community's tenant", executions);
    }
    return executions == null ? 0 : executions;
  }

  private int backfill() {
    // every execution of an instance gets the tenant named by the instance's community variable
    int executions =
        jdbc.update(
            """
            update ACT_RU_EXECUTION set TENANT_ID_ = (
                select T.ID_ from ACT_RU_VARIABLE V join ACT_ID_TENANT T on T.ID_ = V.TEXT_
                where V.EXECUTION_ID_ = ACT_RU_EXECUTION.PROC_INST_ID_
                  and V.NAME_ = ? and V.TASK_ID_ is null)
            where TENANT_ID_ is null
              and PROC_DEF_ID_ in (select ID_ from ACT_RE_PROCDEF where KEY_ = ? and TENANT_ID_ is null)
              and exists (
                select 1 from ACT_RU_VARIABLE V join ACT_ID_TENANT T on T.ID_ = V.TEXT_
                where V.EXECUTION_ID_ = ACT_RU_EXECUTION.PROC_INST_ID_
                  and V.NAME_ = ? and V.TASK_ID_ is null)
            """,
            HiringPipeline.VAR_COMMUNITY,
            HiringPipeline.PROCESS_ID,
            HiringPipeline.VAR_COMMUNITY);
    if (executions == 0) {
      stripVetterTaskReads();
      return 0;
    }
    for (String[] table : INSTANCE_TABLES) {
      String name = table[0];
      String instanceColumn = table[1];
      jdbc.update(
          "update " + name + " set TENANT_ID_ = (select E.TENANT_ID_ from ACT_RU_EXECUTION E where E.ID_ = "
              + name + "." + instanceColumn + ") where TENANT_ID_ is null and " + instanceColumn
              + " in (select ID_ from ACT_RU_EXECUTION where ID_ = PROC_INST_ID_ and TENANT_ID_ is not null)");
    }
    jdbc.update(
        """
        update ACT_RU_IDENTITYLINK set TENANT_ID_ = (
            select T.TENANT_ID_ from ACT_RU_TASK T where T.ID_ = ACT_RU_IDENTITYLINK.TASK_ID_)
        where TENANT_ID_ is null
          and TASK_ID_ in (select ID_ from ACT_RU_TASK where TENANT_ID_ is not null)
        """);
    stripVetterTaskReads();
    return executions;
  }

  /** READ (bit 2) off the per-task grants of vetters groups; the grants keep UPDATE. */
  private void stripVetterTaskReads() {
    jdbc.update(
        """
        update ACT_RU_AUTHORIZATION set PERMS_ = PERMS_ - 2, REV_ = REV_ + 1
        where TYPE_ = 1 and RESOURCE_TYPE_ = 7 and RESOURCE_ID_ <> '*'
          and GROUP_ID_ like 'vetters-%' and mod(PERMS_ / 2, 2) = 1
        """);
  }
}
