package org.racetoplace.pipeline;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.racetoplace.platform.identity.HiringGroups;
import org.springframework.stereotype.Component;

/**
 * Checks the program manager's choice on {@code Task_ReassignVetting} on the server, as the form
 * does in the browser: the named vetter must exist and belong to the case's community, or the task
 * cannot be completed. An empty choice offers the task to the whole community again.
 */
@Component("vettingAssignments")
public class VettingAssignments implements TaskListener {

  private final IdentityService identityService;

  public VettingAssignments(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    Object chosen = task.getVariable(HiringPipeline.VAR_VETTING_ASSIGNEE);
    if (chosen == null || chosen.toString().isBlank()) {
      task.setVariable(HiringPipeline.VAR_VETTING_ASSIGNEE, null);
      return;
    }
    String community = (String) task.getVariable(HiringPipeline.VAR_COMMUNITY);
    String group = HiringGroups.vetters(community);
    boolean member =
        identityService.createUserQuery().userId(chosen.toString().trim()).memberOfGroup(group).count() > 0;
    if (!member) {
      String problem =
          "'" + chosen + "' is not a member of " + group
              + ": choose one of the community's vetters, or leave the field empty";
      // a form error (400 in Tasklist and /engine-rest, see FormValidationErrors), not a 500
      throw new FormFieldValidationException(
          Map.of(HiringPipeline.VAR_VETTING_ASSIGNEE, problem), problem);
    }
    task.setVariable(HiringPipeline.VAR_VETTING_ASSIGNEE, chosen.toString().trim());
  }
}
