package org.racetoplace.tasklist;

import static org.racetoplace.testing.Environment.env;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.platform.engine.EngineIndexes;
import org.racetoplace.platform.engine.EngineSettingsPlugin;
import org.racetoplace.platform.identity.CommunityTenants;
import org.racetoplace.platform.identity.HiringGroups;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The query Tasklist runs when a vetter opens their community's filter — open tasks offered to
 * {@code vetters-birmingham} plus those assigned, newest first, the first page of 15 and the count
 * — with authorization checks on, over 50,000 open tasks on PostgreSQL (docs/performance.md,
 * "Tasklist").
 *
 * <p>Two shapes of the same engine, each in its own database ({@code HIRING_BENCH_DB_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/hiring_tasklist_bench}, with {@code _shipped} or {@code
 * _tenants} appended):
 *
 * <ul>
 *   <li>{@code shipped}: Camunda 7.24 as it comes — the engine grants each candidate group READ and
 *       UPDATE on each task it is offered, no tenants.
 *   <li>{@code tenants}: ours — the engine plugin of the app ({@link EngineSettingsPlugin}: cases
 *       tagged with their community's tenant, per-task grants of vetters groups without READ, tenant
 *       refusals as authorization refusals) and the grants {@code IdentitySetup} makes for a
 *       community's vetters (READ_TASK on {@code hiring-pipeline}, membership of the community's
 *       tenant).
 * </ul>
 *
 * <p>The setup makes, once per database, 50,000 open cases of a one-task {@code hiring-pipeline}
 * model whose task is offered to {@code vetters-<community>} as in the real model: 40,000 in
 * Birmingham and 2,000 in each other community; the vetter has claimed 10 of Birmingham's. It
 * starts 20 cases per community through the engine (so the engine writes the task, its candidate
 * link, its variable, its grant and its tenant as it does in production) and copies their runtime
 * rows with set-based SQL: starting 50,000 cases one by one took over an hour on the shared
 * machine. Before measuring it checks that the vetter sees exactly Birmingham's 40,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 6)
@Fork(1)
public class TasklistBenchmark {

  static final String HOME = "birmingham";
  /** 50,000 open tasks, most of them Birmingham's: the vetter's filter matches 40,000. */
  static final Map<String, Integer> ONE_COMMUNITY_HEAVY =
      Map.of(HOME, 40_000, "atlanta", 2_000, "akron", 2_000, "seattle", 2_000, "hawaii", 2_000,
          "rhode-island", 2_000);
  /** 50,000 open tasks, six communities of about the same size: the filter matches 8,400. */
  static final Map<String, Integer> EVEN =
      Map.of(HOME, 8_400, "atlanta", 8_320, "akron", 8_320, "seattle", 8_320, "hawaii", 8_320,
          "rhode-island", 8_320);
  static final int CLAIMED = 10;
  static final String VETTER = "vetter-birmingham";
  static final String GROUP = HiringGroups.vetters(HOME);
  /** Cases started through the engine per community; the rest are copies of their rows. */
  static final int TEMPLATES = 20;

  private static final String TEMPLATE_INSTANCES =
      "(select proc_inst_id_ from act_ru_variable where name_ = 'community' and text_ = ?"
          + " and position('.' in proc_inst_id_) = 0)";
  /** The runtime rows of an open one-task case, each with how to find the templates' rows. */
  private static final Map<String, String> TEMPLATE_ROWS = new LinkedHashMap<>();

  static {
    TEMPLATE_ROWS.put("act_ru_execution", "proc_inst_id_ in " + TEMPLATE_INSTANCES);
    TEMPLATE_ROWS.put("act_ru_task", "proc_inst_id_ in " + TEMPLATE_INSTANCES);
    TEMPLATE_ROWS.put("act_ru_variable", "proc_inst_id_ in " + TEMPLATE_INSTANCES);
    TEMPLATE_ROWS.put(
        "act_ru_identitylink",
        "task_id_ in (select id_ from act_ru_task where proc_inst_id_ in " + TEMPLATE_INSTANCES + ")");
    // the grants the engine made per task (none on other resources are copied)
    TEMPLATE_ROWS.put(
        "act_ru_authorization",
        "resource_type_ = 7 and resource_id_ in (select id_ from act_ru_task where proc_inst_id_ in "
            + TEMPLATE_INSTANCES + ")");
  }

  /** Columns holding an id of a copied row, or referring to one. */
  private static final Set<String> ID_COLUMNS =
      Set.of(
          "id_", "root_proc_inst_id_", "proc_inst_id_", "parent_id_", "act_inst_id_", "execution_id_",
          "task_id_", "var_scope_", "resource_id_");

  @Param({"shipped", "tenants"})
  public String shape;

  /**
   * PostgreSQL's JIT compilation for the engine's connections: {@code on} is PostgreSQL's default;
   * the query costs more than {@code jit_above_cost}, so each execution compiles (docs/performance.md).
   */
  @Param({"on"})
  public String postgresJit;

  /**
   * How the 50,000 open tasks are spread over the communities: {@code heavy}, 40,000 of them in
   * the vetter's community; {@code even}, about 8,300 in each (a database of its own, suffix
   * {@code _even}).
   */
  @Param({"heavy"})
  public String spread;

  /**
   * The index on the grants' user column that the app adds to the engine's schema ({@code
   * EngineIndexes}): {@code on} as shipped; {@code off} drops it after the engine is built, to
   * measure without it.
   */
  @Param({"on"})
  public String authUserIndex;

  private Map<String, Integer> openTasksByCommunity;

  private ProcessEngine engine;
  private TaskService taskService;
  private IdentityService identityService;
  private List<String> groups;
  private List<String> tenants;

  @Setup(Level.Trial)
  public void openTasks() {
    String base = env("HIRING_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/hiring_tasklist_bench");
    openTasksByCommunity = switch (spread) {
      case "heavy" -> ONE_COMMUNITY_HEAVY;
      case "even" -> EVEN;
      default -> throw new IllegalArgumentException("unknown spread " + spread);
    };
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration
        .setJdbcUrl(base + "_" + shape + ("even".equals(spread) ? "_even" : "") + ("off".equals(postgresJit) ? "?options=-c%20jit%3Doff" : ""))
        .setJdbcUsername(env("HIRING_BENCH_DB_USER", "postgres"))
        .setJdbcPassword(env("HIRING_BENCH_DB_PASSWORD", ""))
        .setJdbcDriver("org.postgresql.Driver")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
        .setJobExecutorActivate(false)
        .setAuthorizationEnabled(true);
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setEnforceHistoryTimeToLive(false);
    configuration.setTenantResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
    configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
    configuration.setUserResourceWhitelistPattern("[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*");
    if ("tenants".equals(shape)) {
      List<org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin> plugins = new ArrayList<>();
      plugins.add(new EngineSettingsPlugin());
      configuration.setProcessEnginePlugins(plugins);
    } else if (!"shipped".equals(shape)) {
      throw new IllegalArgumentException("unknown shape " + shape);
    }
    engine = configuration.buildProcessEngine();
    if ("off".equals(authUserIndex)) {
      new JdbcTemplate(configuration.getDataSource())
          .execute("drop index if exists " + EngineIndexes.AUTHORIZATION_USER);
    }
    taskService = engine.getTaskService();
    identityService = engine.getIdentityService();

    identity();
    long open = taskService.createTaskQuery().count();
    int expected = openTasksByCommunity.values().stream().mapToInt(Integer::intValue).sum();
    if (open != expected) {
      generate((ProcessEngineConfigurationImpl) configuration, open);
    }
    groups = identityService.createGroupQuery().groupMember(VETTER).list().stream().map(Group::getId).toList();
    tenants =
        identityService.createTenantQuery().userMember(VETTER).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId)
            .toList();
    identityService.setAuthentication(VETTER, groups, tenants);
    try {
      long visible = tasklistQuery().count();
      long everything = taskService.createTaskQuery().count();
      if (visible != openTasksByCommunity.get(HOME) || everything != openTasksByCommunity.get(HOME)) {
        throw new IllegalStateException(
            shape + ": the vetter sees " + visible + " tasks in the filter and " + everything
                + " in all, expected " + openTasksByCommunity.get(HOME) + " of " + HOME);
      }
    } finally {
      identityService.clearAuthentication();
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    engine.close();
  }

  /** One opening of the filter: what Tasklist asks for, the first page and the count. */
  @Benchmark
  public long tasklistFilterFirstPageAndCount() {
    identityService.setAuthentication(VETTER, groups, tenants);
    try {
      TaskQuery query = tasklistQuery();
      List<Task> page = query.listPage(0, 15);
      return query.count() + page.size();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The filter IdentitySetup gives a community's vetters, sorted as Tasklist sorts by default. */
  private TaskQuery tasklistQuery() {
    return taskService.createTaskQuery()
        .taskCandidateGroup(GROUP)
        .includeAssignedTasks()
        .orderByTaskCreateTime()
        .desc();
  }

  private void identity() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String community : openTasksByCommunity.keySet()) {
      String group = HiringGroups.vetters(community);
      if (identityService.createGroupQuery().groupId(group).count() == 0) {
        Group created = identityService.newGroup(group);
        created.setType("WORKFLOW");
        identityService.saveGroup(created);
      }
      if ("tenants".equals(shape)) {
        String tenant = CommunityTenants.tenantId(community);
        if (identityService.createTenantQuery().tenantId(tenant).count() == 0) {
          identityService.saveTenant(identityService.newTenant(tenant));
          identityService.createTenantGroupMembership(tenant, group);
          // what IdentitySetup.setUpVetters grants a community's vetters
          Authorization readTasks = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          readTasks.setGroupId(group);
          readTasks.setResource(Resources.PROCESS_DEFINITION);
          readTasks.setResourceId(HiringPipeline.PROCESS_ID);
          readTasks.addPermission(Permissions.READ_TASK);
          authorizations.saveAuthorization(readTasks);
        }
      }
    }
    if (identityService.createUserQuery().userId(VETTER).count() == 0) {
      User user = identityService.newUser(VETTER);
      user.setPassword("bench");
      identityService.saveUser(user);
      identityService.createMembership(VETTER, GROUP);
    }
  }

  private void generate(ProcessEngineConfigurationImpl configuration, long open) {
    if (open != 0) {
      throw new IllegalStateException(
          shape + ": " + open + " open tasks from an earlier, unfinished setup; drop and create the database");
    }
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(HiringPipeline.PROCESS_ID)
            .camundaHistoryTimeToLive(180)
            .startEvent()
            .userTask(HiringPipeline.TASK_VET_CANDIDATE)
            .camundaCandidateGroups("vetters-${community}")
            .endEvent()
            .done();
    engine.getRepositoryService().createDeployment().addModelInstance("hiring-pipeline.bpmn", model).deploy();
    long started = System.nanoTime();
    RuntimeService runtime = engine.getRuntimeService();
    for (String community : openTasksByCommunity.keySet()) {
      for (int i = 0; i < TEMPLATES; i++) {
        runtime.startProcessInstanceByKey(HiringPipeline.PROCESS_ID, Map.of(HiringPipeline.VAR_COMMUNITY, community));
      }
    }
    JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
    for (String community : openTasksByCommunity.keySet()) {
      int copies = openTasksByCommunity.get(community) / TEMPLATES - 1;
      for (Map.Entry<String, String> table : TEMPLATE_ROWS.entrySet()) {
        copy(jdbc, table.getKey(), table.getValue(), community, copies);
      }
    }
    // as autovacuum leaves the tables of a running installation: statistics, and the visibility map
    // set so the candidate-link and grant lookups read their indexes only; measured right after the
    // bulk copy without it, p95 is about 25 ms higher (docs/performance.md, "Tasklist")
    for (String table : TEMPLATE_ROWS.keySet()) {
      jdbc.execute("vacuum analyze " + table);
    }
    List<Task> toClaim =
        taskService.createTaskQuery().taskCandidateGroup(GROUP).orderByTaskCreateTime().desc().listPage(0, CLAIMED);
    for (Task task : toClaim) {
      taskService.claim(task.getId(), VETTER);
    }
    System.out.printf(
        "%s: %d open tasks in %d s%n",
        shape, taskService.createTaskQuery().count(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
  }

  /**
   * Copies the rows of the community's template cases {@code copies} times: every id (and every
   * column that refers to one) gets the suffix {@code .<n>}, which no engine id has; task creation
   * times go back one second per copy. The copies are the rows the engine writes for such a case,
   * only without its 50,000 round trips.
   */
  private static void copy(JdbcTemplate jdbc, String table, String templateFilter, String community, int copies) {
    List<String> columns =
        jdbc.queryForList(
            "select column_name from information_schema.columns where table_schema = current_schema()"
                + " and table_name = ? order by ordinal_position",
            String.class,
            table.toLowerCase(Locale.ROOT));
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      if (ID_COLUMNS.contains(column)) {
        values.add(column + " || '.' || n");
      } else if ("create_time_".equals(column)) {
        values.add("create_time_ - n * interval '1 second'");
      } else {
        values.add(column);
      }
    }
    jdbc.update(
        "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
            + " from " + table + " cross join generate_series(1, ?) n where " + templateFilter,
        copies,
        community);
  }
}
