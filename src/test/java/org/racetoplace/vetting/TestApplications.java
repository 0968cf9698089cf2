package org.racetoplace.vetting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.racetoplace.application.Application;
import org.racetoplace.application.ApplicationReferences;
import org.racetoplace.application.ApplicationRepository;
import org.racetoplace.application.Candidate;
import org.racetoplace.application.CandidateRepository;
import org.racetoplace.application.Certificate;
import org.racetoplace.application.ProgrammingLanguage;
import org.racetoplace.application.ProjectTechnology;
import org.racetoplace.application.RoleTrack;
import org.racetoplace.application.Skill;
import org.racetoplace.application.StatusTokens;
import org.racetoplace.application.StatusTokens.IssuedToken;
import org.racetoplace.application.WorkHistoryEntry;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applications stored straight through the repositories, without a case: the tests of stages Vet
 * and Interview start their own test-only models with the reference as business key, so the real
 * pipeline (and its state of the day) does not matter to them. Every application carries the
 * personal data the anonymized profile must leave out ({@link #PERSONAL_DATA}).
 */
public final class TestApplications {

  /** Personal data of every test application; none of it may reach a profile. */
  public static final List<String> PERSONAL_DATA =
      List.of(
          "Augusta", "Byron", "@example.org", "205 555 0100", "Babbage Analytics",
          "Innovation Depot", "https://", "example.org");

  private final TransactionTemplate transactions;
  private final CommunityRepository communities;
  private final CandidateRepository candidates;
  private final ApplicationRepository applications;
  private final ApplicationReferences references;

  public TestApplications(ApplicationContext context) {
    this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    this.communities = context.getBean(CommunityRepository.class);
    this.candidates = context.getBean(CandidateRepository.class);
    this.applications = context.getBean(ApplicationRepository.class);
    this.references = context.getBean(ApplicationReferences.class);
  }

  /** The reference and the status token of a stored application. */
  public record Created(String reference, String token) {}

  /** A software-engineer application in the community, with a full profile. */
  public Created create(String communityId) {
    return transactions.execute(status -> store(communityId));
  }

  private Created store(String communityId) {
    Instant now = Instant.now();
    Community community = communities.findById(communityId).orElseThrow();
    Candidate candidate =
        new Candidate(community, "augusta-" + UUID.randomUUID() + "@example.org", now);
    candidate.updateDetails("Augusta", "Byron", "+1 205 555 0100", now);
    candidate = candidates.saveAndFlush(candidate);
    IssuedToken token = StatusTokens.issue();
    Application application =
        new Application(references.next(community), candidate, RoleTrack.SOFTWARE_ENGINEER, token.hash(), now);
    application.addLanguage(ProgrammingLanguage.fromName("Java").orElseThrow());
    application.addLanguage(ProgrammingLanguage.fromName("Python").orElseThrow());
    application.addSkill(new Skill("Java", 4));
    application.addSkill(new Skill("SQL", 2));
    application.addWorkHistoryEntry(new WorkHistoryEntry("Data clerk", "Babbage Analytics", 2015, 2019));
    application.addWorkHistoryEntry(new WorkHistoryEntry("Support engineer", "Innovation Depot", 2019, null));
    application.addProject(
        "Engine notes",
        "https://example.org/augusta/engine",
        "Notes on the analytical engine by Augusta Byron; more at github.com/augusta or mail augusta@example.org,"
            + " call +1 (205) 555-0100. Built while at Babbage Analytics, 2017-2018.",
        List.of(ProjectTechnology.asWritten("Java"), ProjectTechnology.asWritten("SQL")));
    application.addCertificate(new Certificate("Java bootcamp", "Innovation Depot", 2016, "https://example.org/cert/1"));
    applications.saveAndFlush(application);
    return new Created(application.getReference(), token.token());
  }
}
