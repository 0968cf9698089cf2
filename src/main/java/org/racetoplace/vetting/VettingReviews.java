package org.racetoplace.vetting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_VetCandidate}: checks the form on the server, stores the decision as
 * a {@link VettingReview} and takes the free text (rationale, question) out of the case, which
 * keeps only {@code vettingDecision} for its gateway. A bad form stops the completion with a
 * {@link org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException} (400 from
 * /engine-rest, a message in Tasklist) and nothing is stored.
 */
@Component("vettingReviews")
public class VettingReviews implements TaskListener {

  private final VettingReviewService service;

  public VettingReviews(VettingReviewService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    VettingReviewForm form = VettingReviewForm.read(task::getVariable);
    service.record(TaskCases.referenceOf(task), form, TaskCases.userOf(task));
    task.setVariable(HiringPipeline.VAR_VETTING_DECISION, form.decision().code());
    task.removeVariable(HiringPipeline.VAR_VETTING_RATIONALE);
    task.removeVariable(HiringPipeline.VAR_INFORMATION_REQUESTED);
  }
}
