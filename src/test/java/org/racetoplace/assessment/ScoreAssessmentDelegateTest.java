package org.racetoplace.assessment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** What the scoring delegate reads from the case and what it gives the decision. */
class ScoreAssessmentDelegateTest {

  private final AssessmentResultService service = mock(AssessmentResultService.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final ScoreAssessmentDelegate delegate = new ScoreAssessmentDelegate(service);

  @Test
  void setsTheScoresAndTheRoleTrackOfTheResultTheMessageCarried() {
    when(execution.getVariable("assessmentResultId")).thenReturn(42L);
    when(service.scoresFor(42L)).thenReturn(new AssessmentScores(42L, 69, 72, 65, "software-engineer"));

    delegate.execute(execution);

    verify(execution).setVariable("scaledScore", 69);
    verify(execution).setVariable("fundamentalsScore", 72);
    verify(execution).setVariable("languageScore", 65);
    verify(execution).setVariable("roleTrack", "software-engineer");
  }

  @Test
  void anIntegerIdSentByHandIsTakenToo() {
    when(execution.getVariable("assessmentResultId")).thenReturn(7);
    when(service.scoresFor(7L)).thenReturn(new AssessmentScores(7L, 55, 50, 62, "web-developer"));

    delegate.execute(execution);

    verify(execution).setVariable("scaledScore", 55);
    verify(execution).setVariable("roleTrack", "web-developer");
  }

  @Test
  void aMissingIdFailsNamingTheVariableAndSetsNothing() {
    when(execution.getProcessBusinessKey()).thenReturn("ATL-001234");

    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("assessmentResultId")
        .hasMessageContaining("missing")
        .hasMessageContaining("ATL-001234");
    verify(service, never()).scoresFor(anyLong());
    verify(execution, never()).setVariable(anyString(), any());
  }

  @Test
  void anIdOfAnotherTypeFailsNamingIt() {
    when(execution.getVariable("assessmentResultId")).thenReturn("42");

    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("42 (String)");
  }

  @Test
  void anUnknownIdFailsNamingItSoTheIncidentSaysWhich() {
    when(execution.getVariable("assessmentResultId")).thenReturn(404L);
    when(service.scoresFor(404L)).thenThrow(new IllegalStateException("No assessment result with id 404"));

    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("404");
    verify(execution, never()).setVariable(anyString(), any());
  }
}
