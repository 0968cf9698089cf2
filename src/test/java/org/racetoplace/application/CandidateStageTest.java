package org.racetoplace.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateStageTest {

  @Test
  void todaysVettingTaskMeansVet() {
    assertThat(CandidateStage.ofActiveActivities(List.of("Task_VetCandidate")))
        .contains(CandidateStage.VET);
    assertThat(CandidateStage.VET.label()).isEqualTo("Vet");
  }

  @Test
  void aStageScopeWinsOverTheTasksInside() {
    assertThat(
            CandidateStage.ofActiveActivities(
                List.of("Stage_Interview", "Task_ScheduleInterview", "Timer_Something")))
        .contains(CandidateStage.INTERVIEW);
    assertThat(CandidateStage.ofActiveActivities(List.of("Stage_Assess", "Task_VetCandidate")))
        .contains(CandidateStage.ASSESS);
  }

  @Test
  void unknownActivitiesDecideNothing() {
    assertThat(CandidateStage.ofActiveActivities(List.of("Gateway_Whatever"))).isEmpty();
  }

  @Test
  void aClosedApplicationShowsHowItEnded() {
    assertThat(CandidateStage.ofClosedStatus(ApplicationStatus.WITHDRAWN).label()).isEqualTo("Withdrawn");
    assertThat(CandidateStage.ofClosedStatus(ApplicationStatus.NOT_ADVANCED).label()).isEqualTo("Not advanced");
    assertThat(CandidateStage.END_EVENTS.get("EndEvent_Withdrawn")).isEqualTo(CandidateStage.WITHDRAWN);
  }

  @Test
  void referencesHavePrefixDashAndSixDigits() {
    assertThat(ApplicationReferences.format("BHM", 123)).isEqualTo("BHM-000123");
    assertThat(ApplicationReferences.format("PVD", 1234567)).isEqualTo("PVD-1234567");
    assertThat(ApplicationReferences.FORMAT.matcher("BHM-000123").matches()).isTrue();
    assertThat(ApplicationReferences.FORMAT.matcher("bhm-000123").matches()).isFalse();
    assertThat(ApplicationReferences.FORMAT.matcher("BHM-123").matches()).isFalse();
  }
}
