package org.racetoplace.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pass marks in {@code processes/assessment-outcome.dmn}, loaded from the deployed file. */
@Deployment(resources = "processes/assessment-outcome.dmn")
class AssessmentOutcomeDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("process-test.camunda.cfg.xml").build();

  private DmnDecisionResult decide(String roleTrack, int scaled, int fundamentals, int language) {
    return engine
        .getDecisionService()
        .evaluateDecisionByKey("assessment-outcome")
        .variables(
            Variables.createVariables()
                .putValue("roleTrack", roleTrack)
                .putValue("scaledScore", scaled)
                .putValue("fundamentalsScore", fundamentals)
                .putValue("languageScore", language))
        .evaluate();
  }

  @ParameterizedTest(name = "{0} with {1}/{2}/{3} passes: {4}")
  @CsvSource({
    "software-engineer, 65, 60, 50, true",
    "software-engineer, 64, 90, 90, false",
    "software-engineer, 90, 59, 90, false",
    "software-engineer, 90, 90, 49, false",
    "web-developer,     60, 55, 50, true",
    "web-developer,     59, 80, 80, false",
    "web-developer,     80, 54, 80, false",
    "web-developer,     80, 80, 49, false",
  })
  void passMarksPerRoleTrack(String roleTrack, int scaled, int fundamentals, int language, boolean passed) {
    DmnDecisionResult result = decide(roleTrack, scaled, fundamentals, language);
    assertThat(result.getSingleResult().<Boolean>getEntry("assessmentPassed")).isEqualTo(passed);
  }

  @Test
  void anUnknownRoleTrackNeverPasses() {
    assertThat(decide("data-analyst", 100, 100, 100).getSingleResult().<Boolean>getEntry("assessmentPassed"))
        .isFalse();
  }
}
