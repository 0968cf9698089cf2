package org.racetoplace.platform.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.racetoplace.application.RegisterPaperApplicationDelegate;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.pipeline.HiringPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Brings the Camunda identity in line with the pipeline at every start: groups, the admin user,
 * authorizations and shared Tasklist filters. Every step is idempotent, so restarts and several
 * nodes starting together add nothing twice.
 *
 * <p>Who may do what:
 *
 * <ul>
 *   <li>{@code admins}: everything (engine admin group).
 *   <li>{@code program-managers}: Cockpit and Tasklist; deploy, change and migrate models.
 *   <li>{@code staff}: Cockpit and Tasklist; read all cases, retry incidents, start cases (paper
 *       applications), work any task.
 *   <li>{@code vetters-<community>}: Tasklist only; they read the open tasks of their community's
 *       cases (one {@code READ_TASK} grant on {@code hiring-pipeline}, confined to the community by
 *       the tenant check) and work only on the tasks offered to their group (the per-task grant
 *       the engine makes, see {@link CommunityTaskAuthorizations}).
 *   <li>{@code interviewers}, {@code employer-<slug>}: Tasklist only; they see and work on the tasks
 *       offered to their group, through the grants the engine makes per candidate group of each
 *       task.
 * </ul>
 *
 * <p>Each community is a Camunda tenant (its cases are tagged by {@link
 * CommunityTenantIdProvider}). Members of {@code vetters-<community>} and {@code
 * staff-<community>} belong to that tenant only; the groups that work across communities (staff,
 * program managers, interviewers, employer partners) belong to every community's tenant.
 */
@Service
public class IdentitySetup {

  public static final String COCKPIT = "cockpit";
  public static final String TASKLIST = "tasklist";
  public static final String FILTER_MY_TASKS = "My tasks";
  public static final String FILTER_ALL_OPEN = "All open tasks";

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final CommunityRepository communities;
  private final AdminAccount admin;

  public IdentitySetup(
      IdentityService identityService,
      AuthorizationService authorizationService,
      FilterService filterService,
      TaskService taskService,
      CommunityRepository communities,
      AdminAccount admin) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.communities = communities;
    this.admin = admin;
  }

  /** Creates what is missing; changes nothing that exists. */
  public void apply() {
    setUpAdmins();
    setUpProgramManagers();
    setUpStaff();
    setUpInterviewers();
    for (Community community : communities.findByActiveTrueOrderByName()) {
      setUpVetters(community);
      setUpCommunityStaff(community);
      setUpCommunityTenant(community);
    }
    Filter myTasks =
        ensureFilter(
            FILTER_MY_TASKS,
            "Tasks you have claimed",
            // after the group's own filter, which is what a volunteer opens Tasklist for
            20,
            taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    for (String group :
        identityService.createGroupQuery().groupType(Groups.GROUP_TYPE_WORKFLOW).list().stream()
            .map(Group::getId)
            .toList()) {
      grant(group, Resources.FILTER, myTasks.getId(), Permissions.READ);
    }
    // camunda-admin membership as well: the webapps offer their unauthenticated "create the first
    // admin" page for as long as camunda-admin has no member
    ensureUser(
        admin.user(),
        "Race to Place",
        "Administrator",
        admin.password(),
        HiringGroups.ADMINS,
        Groups.CAMUNDA_ADMIN);
    log.info("Identity, authorizations and Tasklist filters are in place");
  }

  /**
   * Adds a community's vetters group, its Tasklist access and its shared filter. Called at start-up
   * for every active community, and whenever a community is added.
   */
  public void setUpVetters(Community community) {
    String group = HiringGroups.vetters(community.getId());
    ensureGroup(group, "Vetters — " + community.displayName(), Groups.GROUP_TYPE_WORKFLOW);
    grantTasklistOnly(group);
    ensureTenant(community);
    ensureTenantMembership(CommunityTenants.tenantId(community.getId()), group);
    // reads the tasks of every case the tenant check lets through: their own community's only
    grant(group, Resources.PROCESS_DEFINITION, HiringPipeline.PROCESS_ID, Permissions.READ_TASK);
    Filter filter =
        ensureFilter(
            "Vetting — " + community.getName(),
            "Candidates of " + community.displayName() + " waiting for vetting",
            0,
            taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks());
    grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
  }

  /**
   * Adds a community's staff group, {@code staff-<community>}: the recipients of its daily
   * stuck-case digest. It belongs to the community's tenant and grants nothing; its members need
   * {@code staff} as well to act.
   */
  public void setUpCommunityStaff(Community community) {
    String group = HiringGroups.communityStaff(community.getId());
    ensureGroup(group, "Staff — " + community.displayName(), Groups.GROUP_TYPE_WORKFLOW);
    ensureTenant(community);
    ensureTenantMembership(CommunityTenants.tenantId(community.getId()), group);
  }

  /**
   * Makes the community's tenant and lets the groups that work across communities into it: staff,
   * program managers, interviewers and every employer partner's group. Called at start-up for every
   * active community, and whenever a community is added.
   */
  public void setUpCommunityTenant(Community community) {
    String tenant = ensureTenant(community);
    for (String group : crossCommunityGroups()) {
      ensureTenantMembership(tenant, group);
    }
  }

  /**
   * Adds an employer partner's group, its Tasklist access and its shared filter. Idempotent.
   *
   * @param slug lower-case id, e.g. {@code acme-software}
   * @param displayName the employer's name as candidates and staff know it
   * @return the group id
   */
  public String setUpEmployer(String slug, String displayName) {
    String group = HiringGroups.employer(slug);
    ensureGroup(group, "Employer — " + displayName, Groups.GROUP_TYPE_WORKFLOW);
    grantTasklistOnly(group);
    // partners review candidates of every community
    for (Tenant tenant : identityService.createTenantQuery().list()) {
      ensureTenantMembership(tenant.getId(), group);
    }
    Filter filter =
        ensureFilter(
            employerFilterName(displayName),
            employerFilterDescription(displayName),
            0,
            taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks());
    grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    Filter myTasks = filterService.createFilterQuery().filterName(FILTER_MY_TASKS).singleResult();
    if (myTasks != null) {
      grant(group, Resources.FILTER, myTasks.getId(), Permissions.READ);
    }
    return group;
  }

  /**
   * Follows a partner's new name: its group's name and its shared filter's name and description,
   * which both carry it. A missing group or filter (removed by hand in Admin) is set up again.
   *
   * @param previousName the name the filter was made with
   */
  public void renameEmployer(String slug, String previousName, String displayName) {
    String group = HiringGroups.employer(slug);
    Group existing = identityService.createGroupQuery().groupId(group).singleResult();
    if (existing != null && !("Employer — " + displayName).equals(existing.getName())) {
      existing.setName("Employer — " + displayName);
      identityService.saveGroup(existing);
    }
    if (!previousName.equals(displayName)) {
      // filters are found by name, and two partners may have had the same one: only this group's
      for (Filter filter : filterService.createFilterQuery().filterName(employerFilterName(previousName)).list()) {
        if (filter.getQuery() instanceof TaskQueryImpl query && group.equals(query.getCandidateGroup())) {
          Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
          properties.put("description", employerFilterDescription(displayName));
          filterService.saveFilter(filter.setName(employerFilterName(displayName)).setProperties(properties));
        }
      }
    }
    setUpEmployer(slug, displayName);
  }

  private static String employerFilterName(String displayName) {
    return "Candidates for " + displayName;
  }

  private static String employerFilterDescription(String displayName) {
    return "Matched candidates waiting for " + displayName + "'s review";
  }

  /**
   * Creates a user with the given groups if the user id is free; an existing user keeps its
   * password and memberships and only gains missing ones.
   */
  public void ensureUser(String id, String firstName, String lastName, String password, String... groups) {
    User user = identityService.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(password);
      identityService.saveUser(user);
      log.info("Created user {}", id);
    }
    for (String group : groups) {
      boolean member = identityService.createUserQuery().userId(id).memberOfGroup(group).count() > 0;
      if (!member) {
        identityService.createMembership(id, group);
      }
    }
  }

  private void setUpAdmins() {
    ensureGroup(HiringGroups.ADMINS, "Administrators", Groups.GROUP_TYPE_SYSTEM);
    ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators (built in)", Groups.GROUP_TYPE_SYSTEM);
    // admins bypass checks as an engine admin group; explicit grants make that visible in Admin
    for (Resource resource : Resources.values()) {
      grant(HiringGroups.ADMINS, resource, ANY, Permissions.ALL);
    }
  }

  private void setUpProgramManagers() {
    String group = HiringGroups.PROGRAM_MANAGERS;
    ensureGroup(group, "Program managers", Groups.GROUP_TYPE_WORKFLOW);
    grantOperations(group);
    grant(group, Resources.DEPLOYMENT, ANY, Permissions.ALL);
    grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
    grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.ALL);
    grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
    grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
    grant(group, Resources.TASK, ANY, Permissions.ALL);
    grant(group, Resources.BATCH, ANY, Permissions.ALL);
    grant(group, Resources.REPORT, ANY, Permissions.ALL);
    grant(group, Resources.DASHBOARD, ANY, Permissions.ALL);
    grantPaperApplicationStart(group);
    Filter all = ensureFilter(FILTER_ALL_OPEN, "Every open task you may see", 10, taskService.createTaskQuery());
    grant(group, Resources.FILTER, all.getId(), Permissions.READ);
  }

  private void setUpStaff() {
    String group = HiringGroups.STAFF;
    ensureGroup(group, "Staff", Groups.GROUP_TYPE_WORKFLOW);
    grantOperations(group);
    grant(
        group,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ,
        Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE,
        Permissions.UPDATE_INSTANCE,
        Permissions.CREATE_INSTANCE,
        Permissions.READ_TASK,
        Permissions.UPDATE_TASK);
    grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.UPDATE, Permissions.CREATE);
    grant(group, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
    grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grantPaperApplicationStart(group);
    Filter staffTasks =
        ensureFilter(
            "Staff tasks",
            "Tasks offered to staff",
            0,
            taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks());
    grant(group, Resources.FILTER, staffTasks.getId(), Permissions.READ);
    Filter all = ensureFilter(FILTER_ALL_OPEN, "Every open task you may see", 10, taskService.createTaskQuery());
    grant(group, Resources.FILTER, all.getId(), Permissions.READ);
  }

  private void setUpInterviewers() {
    String group = HiringGroups.INTERVIEWERS;
    ensureGroup(group, "Interviewers", Groups.GROUP_TYPE_WORKFLOW);
    grantTasklistOnly(group);
    Filter filter =
        ensureFilter(
            "Interviews",
            "Soft-skills interviews to schedule and hold",
            0,
            taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks());
    grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
  }

  /** What staff and program managers share: Cockpit, Tasklist, history and the operation log. */
  private void grantOperations(String group) {
    grant(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    grant(group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grant(group, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grant(group, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
    grant(group, Resources.GROUP, ANY, Permissions.READ);
    grant(group, Resources.USER, ANY, Permissions.READ);
    grant(group, Resources.FILTER, ANY, Permissions.CREATE);
  }

  /**
   * Tasklist's "Start process" menu offers {@code paper-application}: it lists the definitions the
   * user may read and start, and starting needs CREATE on process instances as well. Granted by
   * name, so it stays when the broader grants above are narrowed.
   */
  private void grantPaperApplicationStart(String group) {
    grant(
        group,
        Resources.PROCESS_DEFINITION,
        RegisterPaperApplicationDelegate.PROCESS_ID,
        Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
  }

  /** Tasklist and nothing else; which tasks a group sees is granted by the callers. */
  private void grantTasklistOnly(String group) {
    grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    grant(group, Resources.GROUP, group, Permissions.READ);
  }

  private List<String> crossCommunityGroups() {
    List<String> groups = new ArrayList<>(
        List.of(HiringGroups.STAFF, HiringGroups.PROGRAM_MANAGERS, HiringGroups.INTERVIEWERS));
    identityService.createGroupQuery().list().stream()
        .map(Group::getId)
        .filter(HiringGroups::isEmployer)
        .forEach(groups::add);
    return groups;
  }

  private String ensureTenant(Community community) {
    String id = CommunityTenants.tenantId(community.getId());
    if (identityService.createTenantQuery().tenantId(id).count() == 0) {
      Tenant tenant = identityService.newTenant(id);
      tenant.setName(community.displayName());
      identityService.saveTenant(tenant);
      log.info("Created tenant {}", id);
    }
    return id;
  }

  private void ensureTenantMembership(String tenantId, String groupId) {
    if (identityService.createTenantQuery().tenantId(tenantId).groupMember(groupId).count() == 0) {
      identityService.createTenantGroupMembership(tenantId, groupId);
    }
  }

  private void ensureGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
      log.info("Created group {}", id);
    }
  }

  private Filter ensureFilter(String name, String description, int priority, TaskQuery query) {
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    // Tasklist shows these variables in the list; ids and outcomes only, never personal data
    properties.put(
        "variables",
        List.of(
            Map.of("name", "applicationReference", "label", "Application"),
            Map.of("name", "community", "label", "Community")));
    Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
    return filterService.saveFilter(filter);
  }

  /** Adds permissions to the group's grant on the resource, creating the grant if needed. */
  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(group)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
