package org.racetoplace.application;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.racetoplace.application.ApplicationService.Submission;
import org.racetoplace.community.Community;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterPaperApplication} of {@code processes/paper-application.bpmn}: the paper
 * form's variables in, the application registered through the intake of the API ({@link
 * ApplicationRules} and {@link ApplicationService#submit}), {@code applicationReference} out.
 *
 * <p>Runs in the transaction of the form submit (the task is not asynchronous): a problem throws
 * {@link FormFieldValidationException}, which rolls back everything and which Camunda's REST API
 * answers with 400 and Tasklist shows as the message, so staff correct the form and submit again.
 * After a success the instance keeps {@code applicationReference} only; every form field is
 * removed, and none of this process's variables reach history ({@code
 * PersonalDataHistoryFilter}).
 */
@Component("registerPaperApplicationDelegate")
public class RegisterPaperApplicationDelegate implements JavaDelegate {

  /** Process id of {@code processes/paper-application.bpmn}. */
  public static final String PROCESS_ID = "paper-application";

  private final ApplicationRules rules;
  private final ApplicationService applications;

  public RegisterPaperApplicationDelegate(ApplicationRules rules, ApplicationService applications) {
    this.rules = rules;
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PaperApplicationForm form = PaperApplicationForm.read(execution::getVariable);
    Community community = null;
    List<FieldProblem> ruleProblems = List.of();
    try {
      community = rules.check(form.request(), List.of());
    } catch (InvalidRequestException e) {
      ruleProblems = e.getErrors();
    }
    List<String> problems = form.explain(ruleProblems);
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(
          problems,
          "The paper application was not registered; nothing was stored. Please correct: "
              + String.join("; ", problems));
    }
    String communityId = community.getId();
    Submission submission;
    try {
      submission = withoutAuthorizationChecks(() -> applications.submit(form.request(), communityId));
    } catch (DuplicateApplicationException e) {
      throw new FormFieldValidationException(
          e.getExistingReference(),
          "The paper application was not registered: this email already has an active application "
              + "in this community, "
              + e.getExistingReference()
              + ". Look that application up instead of entering it again.");
    } catch (IntakeUnavailableException e) {
      throw new ProcessEngineException(
          "The paper application was not registered: the hiring pipeline does not accept new "
              + "cases right now (it is suspended). Nothing was stored; please try again later.",
          e);
    }
    execution.setVariable(HiringPipeline.VAR_APPLICATION_REFERENCE, submission.reference());
    PaperApplicationForm.variableNames().forEach(execution::removeVariable);
  }

  /**
   * Runs the intake as the API does, without the engine checking the signed-in user's
   * authorizations. The intake starts the candidate's hiring-pipeline case inside this very
   * command, so the engine would check that inner start (and every engine call of the case's first
   * synchronous steps) against whoever submitted the paper form. Permission to enter paper
   * applications is {@code CREATE_INSTANCE} on {@value #PROCESS_ID}, which the engine checked when
   * the form was submitted; it must not also require rights on the pipeline itself, which the API
   * path, running without a signed-in user, never needs. The engine already skips checks in
   * delegates unless {@code authorizationEnabledForCustomCode} is set; this keeps the rule when it
   * is. The signed-in user stays recorded (e.g. as the case's start user).
   */
  private static <T> T withoutAuthorizationChecks(Supplier<T> intake) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null || !commandContext.isAuthorizationCheckEnabled()) {
      return intake.get();
    }
    commandContext.disableAuthorizationCheck();
    try {
      return intake.get();
    } finally {
      commandContext.enableAuthorizationCheck();
    }
  }
}
