package org.racetoplace.vetting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.stereotype.Component;

/**
 * Creation of a reviewer's task ({@code Task_VetCandidate}, the employer tasks): puts the
 * anonymized profile, as plain text, into task-local variable {@code candidateProfile}, which the
 * form shows read-only. Task-local, so it leaves the case with the task, and built anew for each
 * task, so a second vetting round shows what the candidate sent in between.
 */
@Component("candidateProfiles")
public class CandidateProfiles implements TaskListener {

  private final AnonymizedProfiles profiles;

  public CandidateProfiles(AnonymizedProfiles profiles) {
    this.profiles = profiles;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = TaskCases.referenceOf(task);
    String text =
        profiles
            .textOf(reference)
            .orElseThrow(() -> new IllegalStateException("No application with reference " + reference));
    task.setVariableLocal(HiringPipeline.VAR_CANDIDATE_PROFILE, text);
  }
}
