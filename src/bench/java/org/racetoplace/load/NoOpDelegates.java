package org.racetoplace.load;

import static org.racetoplace.pipeline.HiringPipeline.VAR_COMMUNITY;
import static org.racetoplace.pipeline.HiringPipeline.VAR_EMPLOYER_GROUP;
import static org.racetoplace.pipeline.HiringPipeline.VAR_FUNDAMENTALS_SCORE;
import static org.racetoplace.pipeline.HiringPipeline.VAR_INTERVIEW_ATTEMPT;
import static org.racetoplace.pipeline.HiringPipeline.VAR_INTERVIEW_ATTENDANCE;
import static org.racetoplace.pipeline.HiringPipeline.VAR_INTERVIEW_NO_SHOWS;
import static org.racetoplace.pipeline.HiringPipeline.VAR_INTERVIEW_SCORE;
import static org.racetoplace.pipeline.HiringPipeline.VAR_LANGUAGE_SCORE;
import static org.racetoplace.pipeline.HiringPipeline.VAR_MATCH_FOUND;
import static org.racetoplace.pipeline.HiringPipeline.VAR_MATCH_PROPOSAL_ID;
import static org.racetoplace.pipeline.HiringPipeline.VAR_OPENING_ID;
import static org.racetoplace.pipeline.HiringPipeline.VAR_ROLE_TRACK;
import static org.racetoplace.pipeline.HiringPipeline.VAR_SCALED_SCORE;
import static org.racetoplace.pipeline.HiringPipeline.VAR_SCREENING_OUTCOME;
import static org.racetoplace.pipeline.HiringPipeline.VAR_SCREENING_PASSED;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * The yardstick of the end-to-end comparison: every Java delegate and task listener that {@code
 * hiring-pipeline} names is swapped, by bean name, for one that does no domain work and sets only
 * the variables the model's gateways and expressions read, on the happy path (screening passes,
 * scores pass, a match at the load driver's employer of the case's community, attended
 * interviews). Intake, the engine, its history, the REST API and our expression beans (outcomes,
 * talent pool) stay as shipped, so the difference between the two runs is the cost of our
 * delegates and listeners: database reads and writes, mail rendering, matching.
 */
// Deliberately not @Configuration: the application's component scan covers this package on the
// bench class path, and the run "as shipped" must not pick these beans up. LoadTargetApplication
// adds the class as a source only with --noop-delegates.
class NoOpDelegates {

  /** The employer group the load driver registers per community ({@code LoadDriver}). */
  static String employerGroup(String community) {
    return "employer-" + LoadScenario.employerSlug(community);
  }

  private static final JavaDelegate NOTHING = execution -> {};
  private static final TaskListener NO_LISTENER = task -> {};

  private static final Map<String, Object> REPLACEMENTS =
      Map.ofEntries(
          Map.entry("notifyCandidateDelegate", NOTHING),
          Map.entry(
              "screenApplicationDelegate",
              (JavaDelegate)
                  execution -> {
                    execution.setVariable(VAR_SCREENING_PASSED, true);
                    execution.setVariable(VAR_SCREENING_OUTCOME, "PASSED");
                  }),
          Map.entry(
              "scoreAssessmentDelegate",
              (JavaDelegate)
                  execution -> {
                    execution.setVariable(VAR_FUNDAMENTALS_SCORE, 80);
                    execution.setVariable(VAR_LANGUAGE_SCORE, 80);
                    execution.setVariable(VAR_SCALED_SCORE, 80);
                    execution.setVariable(VAR_ROLE_TRACK, LoadScenario.ROLE_TRACK);
                  }),
          Map.entry("scoreInterviewDelegate", (JavaDelegate) execution -> execution.setVariable(VAR_INTERVIEW_SCORE, 80)),
          Map.entry(
              "findMatchesDelegate",
              (JavaDelegate)
                  execution -> {
                    execution.setVariable(VAR_MATCH_FOUND, true);
                    execution.setVariable(VAR_MATCH_PROPOSAL_ID, 0L);
                    execution.setVariable(VAR_OPENING_ID, 0L);
                    execution.setVariable(
                        VAR_EMPLOYER_GROUP, employerGroup((String) execution.getVariable(VAR_COMMUNITY)));
                  }),
          Map.entry("candidateProfiles", NO_LISTENER),
          Map.entry("matchExplanations", NO_LISTENER),
          Map.entry("vettingReviews", NO_LISTENER),
          Map.entry("vettingAssignments", NO_LISTENER),
          Map.entry("interviewSchedules", (TaskListener) NoOpDelegates::countAttempt),
          Map.entry("interviewScorecards", (TaskListener) NoOpDelegates::countNoShows),
          Map.entry("employerReviews", NO_LISTENER),
          Map.entry("hiringDecisions", NO_LISTENER),
          Map.entry("placements", NO_LISTENER));

  private static void countAttempt(DelegateTask task) {
    Integer attempts = (Integer) task.getVariable(VAR_INTERVIEW_ATTEMPT);
    task.setVariable(VAR_INTERVIEW_ATTEMPT, attempts == null ? 1 : attempts + 1);
  }

  private static void countNoShows(DelegateTask task) {
    Integer noShows = (Integer) task.getVariable(VAR_INTERVIEW_NO_SHOWS);
    int count = noShows == null ? 0 : noShows;
    if ("no-show".equals(task.getVariable(VAR_INTERVIEW_ATTENDANCE))) {
      count++;
    }
    task.setVariable(VAR_INTERVIEW_NO_SHOWS, count);
  }

  /**
   * Swaps the beans after they are built, so the application context (and everything that
   * depends on the real beans' types) starts unchanged; only what the engine resolves by name
   * differs.
   */
  @Bean
  static BeanPostProcessor noOpDelegateSwap() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return REPLACEMENTS.getOrDefault(beanName, bean);
      }
    };
  }
}
