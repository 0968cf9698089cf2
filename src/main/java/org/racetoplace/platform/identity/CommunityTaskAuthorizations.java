package org.racetoplace.platform.identity;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The grants the engine creates for each task it offers to a candidate group, with one change for
 * the community vetters groups: their per-task grant carries the permission to work on the task
 * but not to read it.
 *
 * <p>Why: the engine's task query joins the authorization table on the task id; with a READ grant
 * per open vetting task, Tasklist's group query for a vetter compares every open task of the group
 * with every grant of the group — quadratic, minutes at 40,000 open tasks. Vetters read their
 * community's tasks through one grant per group instead ({@code READ_TASK} on the
 * {@code hiring-pipeline} definition, made by {@link IdentitySetup}), which the tenant check
 * ({@link CommunityTenantIdProvider}) confines to their own community. Working on a task — claim,
 * complete, submit its form — still needs this per-task grant, so a vetter works only on tasks
 * offered to their group. See docs/architecture.md, "Communities are tenants".
 */
public class CommunityTaskAuthorizations extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    AuthorizationEntity[] authorizations = super.newTaskGroupIdentityLink(task, groupId, type);
    if (authorizations != null && groupId != null && HiringGroups.isVetters(groupId)) {
      for (AuthorizationEntity authorization : authorizations) {
        if (authorization.getResourceType() == Resources.TASK.resourceType()) {
          authorization.removePermission(Permissions.READ);
        }
      }
    }
    return authorizations;
  }
}
