package org.racetoplace.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.racetoplace.application.ApplicationRequest.CertificateRequest;
import org.racetoplace.application.ApplicationRequest.ProjectRequest;
import org.racetoplace.application.ApplicationRequest.SelfIdentificationRequest;
import org.racetoplace.application.ApplicationRequest.SkillRequest;
import org.racetoplace.application.ApplicationRequest.WorkHistoryRequest;
import org.racetoplace.application.StatusTokens.IssuedToken;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.interview.InterviewService;
import org.racetoplace.interview.InterviewService.UpcomingInterview;
import org.racetoplace.matching.SkillTaxonomy;
import org.racetoplace.notification.NotificationEvent;
import org.racetoplace.notification.NotificationRequest;
import org.racetoplace.notification.NotificationService;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.vetting.VettingReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake and candidate self-service: submit, follow, withdraw. Owns the rule that an application
 * and the start of its case are one transaction — the engine runs on Spring's transaction
 * manager, so either the rows and the process instance all commit, or none of them does.
 */
@Service
public class ApplicationService {

  private final CandidateRepository candidates;
  private final ApplicationRepository applications;
  private final SelfIdentificationRepository selfIdentifications;
  private final CommunityRepository communities;
  private final ApplicationReferences references;
  private final CaseProgress progress;
  private final RuntimeService runtimeService;
  private final NotificationService notifications;
  private final StatusLinks statusLinks;
  private final VettingReviewService vettingReviews;
  private final InterviewService interviews;
  private final SkillTaxonomy taxonomy;
  private final TransactionTemplate transactions;
  private final Clock clock;

  @Autowired
  public ApplicationService(
      CandidateRepository candidates,
      ApplicationRepository applications,
      SelfIdentificationRepository selfIdentifications,
      CommunityRepository communities,
      ApplicationReferences references,
      CaseProgress progress,
      RuntimeService runtimeService,
      NotificationService notifications,
      StatusLinks statusLinks,
      VettingReviewService vettingReviews,
      InterviewService interviews,
      SkillTaxonomy taxonomy,
      PlatformTransactionManager transactionManager) {
    this(
        candidates,
        applications,
        selfIdentifications,
        communities,
        references,
        progress,
        runtimeService,
        notifications,
        statusLinks,
        vettingReviews,
        interviews,
        taxonomy,
        transactionManager,
        Clock.systemUTC());
  }

  ApplicationService(
      CandidateRepository candidates,
      ApplicationRepository applications,
      SelfIdentificationRepository selfIdentifications,
      CommunityRepository communities,
      ApplicationReferences references,
      CaseProgress progress,
      RuntimeService runtimeService,
      NotificationService notifications,
      StatusLinks statusLinks,
      VettingReviewService vettingReviews,
      InterviewService interviews,
      SkillTaxonomy taxonomy,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.candidates = candidates;
    this.applications = applications;
    this.selfIdentifications = selfIdentifications;
    this.communities = communities;
    this.references = references;
    this.progress = progress;
    this.runtimeService = runtimeService;
    this.notifications = notifications;
    this.statusLinks = statusLinks;
    this.vettingReviews = vettingReviews;
    this.interviews = interviews;
    this.taxonomy = taxonomy;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** What the candidate gets back once: the reference and the status token. */
  public record Submission(String reference, String statusToken) {
    @Override
    public String toString() {
      return "Submission[reference=" + reference + "]";
    }
  }

  /**
   * Stores a validated application and starts its case (business key = reference; variables
   * {@code applicationReference} and {@code community} only — no personal data) in one
   * transaction. The one place applications are written, whichever way they come (API, the
   * {@code /apply} page, a paper application): skills are normalised against the skill taxonomy
   * here (see {@code copyProfile}).
   *
   * @param request checked by {@link ApplicationRules}
   * @param community the community {@link ApplicationRules#check} returned (read once per
   *     request: intake does not read it again)
   * @throws DuplicateApplicationException the email has an active application in the community,
   *     also when a concurrent submission got there first
   * @throws IntakeUnavailableException the engine refused to start the case; nothing is stored
   */
  public Submission submit(ApplicationRequest request, Community community) {
    String email = Candidate.normalizeEmail(request.email());
    String communityId = community.getId();
    try {
      return transactions.execute(status -> store(request, community, email));
    } catch (DataIntegrityViolationException e) {
      // a concurrent submission with the same email won the race for a unique constraint; it has
      // committed by now (the database made us wait for it), so its reference can be read
      Optional<String> existing =
          transactions.execute(status -> activeReference(communityId, email));
      if (existing != null && existing.isPresent()) {
        throw new DuplicateApplicationException(existing.get());
      }
      throw e;
    } catch (SuspendedEntityInteractionException e) {
      throw new IntakeUnavailableException(e);
    }
  }

  /**
   * {@link #submit(ApplicationRequest, Community)} for a caller that has the community's id only
   * (a paper application's form).
   *
   * @throws IllegalArgumentException for an id that is not a community
   */
  public Submission submit(ApplicationRequest request, String communityId) {
    Community community =
        communities.findById(communityId).orElseThrow(() -> new IllegalArgumentException("No community " + communityId));
    return submit(request, community);
  }

  private Submission store(ApplicationRequest request, Community community, String email) {
    Instant now = clock.instant();
    String communityId = community.getId();
    Candidate candidate =
        candidates.findByCommunityIdAndEmail(communityId, email).orElse(null);
    if (candidate == null) {
      // the row by reference (no select): the community was read once, when the request was checked
      candidate = new Candidate(communities.getReferenceById(communityId), email, now);
    } else {
      applications
          .findByActiveCandidateId(candidate.getId())
          .ifPresent(
              active -> {
                throw new DuplicateApplicationException(active.getReference());
              });
    }
    candidate.updateDetails(
        request.firstName().trim(), request.lastName().trim(), blankToNull(request.phone()), now);
    candidate = candidates.saveAndFlush(candidate);

    IssuedToken token = StatusTokens.issue();
    Application application =
        new Application(
            references.next(community),
            candidate,
            RoleTrack.fromCode(request.roleTrack()).orElseThrow(),
            token.hash(),
            now);
    copyProfile(request, application);
    application = applications.saveAndFlush(application);
    storeSelfIdentification(request.selfIdentification(), application, now);

    ProcessInstance processInstance =
        runtimeService.startProcessInstanceByKey(
            HiringPipeline.PROCESS_ID,
            application.getReference(),
            Variables.createVariables()
                .putValue(HiringPipeline.VAR_APPLICATION_REFERENCE, application.getReference())
                .putValue(HiringPipeline.VAR_COMMUNITY, communityId));
    application.linkProcessInstance(processInstance.getId());
    prepareConfirmation(application, candidate, token);
    return new Submission(application.getReference(), token.token());
  }

  /**
   * The confirmation is the one message that carries the status link with the token, which exists
   * only now; its outbox row commits with the application and the pipeline's first task sends it.
   */
  private void prepareConfirmation(Application application, Candidate candidate, IssuedToken token) {
    String reference = application.getReference();
    notifications.prepare(
        new NotificationRequest(
            NotificationRequest.dedupKey(reference, NotificationEvent.CONFIRMATION_WITH_INVITATION, null),
            NotificationEvent.CONFIRMATION_WITH_INVITATION,
            reference,
            candidate.getEmail(),
            candidate.getFirstName() + " " + candidate.getLastName(),
            Map.of("statusUrl", statusLinks.withToken(reference, token.token()))));
  }

  /**
   * Copies what the candidate told us onto the application. Skill names and project technologies
   * are kept as written and normalised against the skill taxonomy here, at intake: each row also
   * holds the canonical skill its name stands for ("JS" → "JavaScript", any letter case), or none
   * when the taxonomy does not know it — such a name is stored all the same and shows up in the
   * unknown-skills report for staff. Certificate titles are not skill names; matching searches
   * them for the skills they name.
   */
  private void copyProfile(ApplicationRequest request, Application application) {
    // a language named twice is kept once, in the order first given
    Set<ProgrammingLanguage> languages = new LinkedHashSet<>();
    for (String language : request.languagesOrEmpty()) {
      languages.add(ProgrammingLanguage.fromName(language).orElseThrow());
    }
    languages.forEach(application::addLanguage);
    for (SkillRequest skill : request.skillsOrEmpty()) {
      String name = skill.name().trim();
      application.addSkill(new Skill(name, skill.level(), canonicalName(name)));
    }
    for (WorkHistoryRequest job : request.workHistoryOrEmpty()) {
      application.addWorkHistoryEntry(
          new WorkHistoryEntry(job.title().trim(), job.employer().trim(), job.startYear(), job.endYear()));
    }
    for (ProjectRequest project : request.projectsOrEmpty()) {
      application.addProject(
          project.name().trim(),
          blankToNull(project.url()),
          blankToNull(project.description()),
          project.technologiesOrEmpty().stream()
              .map(String::trim)
              .map(technology -> new ProjectTechnology(technology, canonicalName(technology)))
              .toList());
    }
    for (CertificateRequest certificate : request.certificatesOrEmpty()) {
      application.addCertificate(
          new Certificate(
              certificate.name().trim(),
              certificate.issuer().trim(),
              certificate.year(),
              blankToNull(certificate.url())));
    }
  }

  private String canonicalName(String written) {
    return taxonomy.canonicalName(written).orElse(null);
  }

  private void storeSelfIdentification(
      SelfIdentificationRequest answer, Application application, Instant now) {
    if (answer == null) {
      return;
    }
    String sex = blankToNull(answer.sex());
    String raceEthnicity = blankToNull(answer.raceEthnicity());
    if (sex != null || raceEthnicity != null) {
      selfIdentifications.save(new SelfIdentification(application.getId(), sex, raceEthnicity, now));
    }
  }

  private Optional<String> activeReference(String communityId, String email) {
    return candidates
        .findByCommunityIdAndEmail(communityId, email)
        .flatMap(candidate -> applications.findByActiveCandidateId(candidate.getId()))
        .map(Application::getReference);
  }

  /**
   * What the candidate may see of their application. {@code informationRequested} (the vetter's
   * question, while an answer is awaited) and {@code interview} (while one is scheduled) are left
   * out of the JSON when there is none.
   */
  public record StatusView(
      String reference,
      String status,
      String stage,
      String nextStep,
      List<CaseProgress.Deadline> deadlines,
      String community,
      String roleTrack,
      Instant submittedAt,
      Instant updatedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) String informationRequested,
      @JsonInclude(JsonInclude.Include.NON_NULL) UpcomingInterview interview) {}

  /**
   * The candidate's view of their application: status, stage, next step, deadlines. Nothing
   * internal (notes, reviewers) and nothing from the self-identification.
   *
   * @throws ApplicationNotFoundException unknown reference or wrong token, indistinguishably
   */
  @Transactional(readOnly = true)
  public StatusView status(String reference, String token) {
    return status(authorized(reference, token));
  }

  /**
   * Withdraws the application and ends its case at {@code EndEvent_Withdrawn} (message {@code
   * CandidateWithdrew}, correlated by business key). Withdrawing again is answered as the first
   * time, so a client may safely retry.
   *
   * @throws ApplicationNotFoundException unknown reference or wrong token
   * @throws ApplicationClosedException the application already ended otherwise
   */
  public StatusView withdraw(String reference, String token) {
    // the case may be moving at this very moment (a job sending the confirmation, a timer): the
    // engine then refuses the correlation with an optimistic-locking failure, and the whole
    // withdrawal is simply tried again on the case's new state
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(status -> withdrawOnce(reference, token));
      } catch (OptimisticLockingException e) {
        if (attempt == WITHDRAW_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static final int WITHDRAW_ATTEMPTS = 5;

  private StatusView withdrawOnce(String reference, String token) {
    Application application = authorized(reference, token);
    if (application.getStatus() != ApplicationStatus.WITHDRAWN) {
      if (!application.getStatus().isActive()) {
        throw new ApplicationClosedException(application.getReference(), application.getStatus());
      }
      application.changeStatus(ApplicationStatus.WITHDRAWN, clock.instant());
      // a case that already ended without its outcome being recorded only needs the record closed
      if (progress.isRunning(application.getProcessInstanceId())) {
        runtimeService
            .createMessageCorrelation(HiringPipeline.MESSAGE_CANDIDATE_WITHDREW)
            .processInstanceBusinessKey(application.getReference())
            .processInstanceId(application.getProcessInstanceId())
            .correlateWithResult();
      }
      applications.saveAndFlush(application);
    }
    return status(application);
  }

  private StatusView status(Application application) {
    CaseProgress.Progress current = progress.of(application);
    String question = vettingReviews.openQuestion(application).orElse(null);
    var interview = interviews.upcoming(application).orElse(null);
    String nextStep = current.stage().nextStep();
    if (question != null) {
      nextStep = CandidateStage.ANSWER_QUESTION;
    } else if (interview != null) {
      nextStep = CandidateStage.ATTEND_INTERVIEW;
    }
    return new StatusView(
        application.getReference(),
        application.getStatus().name(),
        current.stage().label(),
        nextStep,
        current.deadlines(),
        application.getCommunity().getId(),
        application.getRoleTrack().code(),
        application.getCreatedAt(),
        application.getUpdatedAt(),
        question,
        interview);
  }

  /**
   * Records how a case ended (for the pipeline's end events: placed, not advanced, expired), which
   * also lets the candidate apply again.
   */
  @Transactional
  public void recordOutcome(String reference, ApplicationStatus outcome) {
    Application application = applications.findByReference(reference).orElseThrow();
    if (application.getStatus().isActive()) {
      application.changeStatus(outcome, clock.instant());
    }
  }

  /**
   * The application a candidate proves with its status token; also for the candidate endpoints of
   * later stages (answering a vetter's question).
   *
   * @throws ApplicationNotFoundException unknown reference or wrong token, indistinguishably
   */
  public Application authorized(String reference, String token) {
    Optional<Application> application =
        reference != null && ApplicationReferences.FORMAT.matcher(reference).matches()
            ? applications.findByReference(reference)
            : Optional.empty();
    // the token is checked even when there is no application, so both misses take as long
    boolean matches =
        StatusTokens.matches(token, application.map(Application::getStatusTokenHash).orElse(null));
    if (!matches) {
      throw new ApplicationNotFoundException();
    }
    return application.orElseThrow();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
