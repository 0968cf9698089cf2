package org.racetoplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetoplace.application.ApplicationScreening.Outcome;
import org.racetoplace.community.Community;
import org.springframework.test.util.ReflectionTestUtils;

class ApplicationScreeningTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private final ApplicationRepository applications = mock(ApplicationRepository.class);
  private final CandidateRepository candidates = mock(CandidateRepository.class);
  private final ApplicationScreening screening = new ApplicationScreening(applications, candidates);

  private final Community birmingham = new Community("birmingham", "Birmingham", "AL", "BHM", "America/Chicago");
  private final Community atlanta = new Community("atlanta", "Atlanta", "GA", "ATL", "America/New_York");
  private Candidate ada;
  private Application application;

  @BeforeEach
  void anApplicationFromBirmingham() {
    ada = candidate(1L, birmingham);
    application = new Application("BHM-001000", ada, RoleTrack.fromCode("software-engineer").orElseThrow(), "hash", NOW);
    application.addLanguage(ProgrammingLanguage.fromName("Java").orElseThrow());
    when(applications.loadByReference("BHM-001000")).thenReturn(Optional.of(application));
    when(candidates.findByEmail("ada@example.org")).thenReturn(List.of(ada));
  }

  private static Candidate candidate(long id, Community community) {
    Candidate candidate = new Candidate(community, "ada@example.org", NOW);
    candidate.updateDetails("Ada", "Lovelace", null, NOW);
    ReflectionTestUtils.setField(candidate, "id", id);
    return candidate;
  }

  @Test
  void aCompleteOnlyApplicationPasses() {
    assertThat(screening.screen("BHM-001000")).isEqualTo(Outcome.PASSED);
  }

  @Test
  void anApplicationWithdrawnMeanwhileIsNotScreenedIn() {
    application.changeStatus(ApplicationStatus.WITHDRAWN, NOW);
    assertThat(screening.screen("BHM-001000")).isEqualTo(Outcome.NOT_ACTIVE);
  }

  @Test
  void theAssessmentNeedsALanguage() {
    Application noLanguage =
        new Application("BHM-001001", ada, RoleTrack.fromCode("web-developer").orElseThrow(), "hash", NOW);
    when(applications.loadByReference("BHM-001001")).thenReturn(Optional.of(noLanguage));
    assertThat(screening.screen("BHM-001001")).isEqualTo(Outcome.NO_LANGUAGE);
  }

  @Test
  void anOpenApplicationInAnotherCommunityScreensTheLaterOneOut() {
    Candidate inAtlanta = candidate(2L, atlanta);
    when(candidates.findByEmail("ada@example.org")).thenReturn(List.of(ada, inAtlanta));
    when(applications.findByActiveCandidateId(2L)).thenReturn(Optional.of(mock(Application.class)));

    assertThat(screening.screen("BHM-001000")).isEqualTo(Outcome.OPEN_IN_OTHER_COMMUNITY);
  }

  @Test
  void aClosedApplicationInAnotherCommunityDoesNotCount() {
    Candidate inAtlanta = candidate(2L, atlanta);
    when(candidates.findByEmail("ada@example.org")).thenReturn(List.of(ada, inAtlanta));
    when(applications.findByActiveCandidateId(2L)).thenReturn(Optional.empty());

    assertThat(screening.screen("BHM-001000")).isEqualTo(Outcome.PASSED);
  }
}
