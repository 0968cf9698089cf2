package org.racetoplace.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.racetoplace.application.ApplicationRepository;
import org.racetoplace.application.ApplicationRequest;
import org.racetoplace.application.ApplicationRequest.ProjectRequest;
import org.racetoplace.application.ApplicationRequest.SkillRequest;
import org.racetoplace.application.ApplicationService;
import org.racetoplace.application.DuplicateApplicationException;
import org.racetoplace.privacy.PersonalDataErasure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Skills normalised at intake: the canonical skill stored next to the name as written, the
 * unknown-skills report read from what is stored, matching by the stored canonical skill, and the
 * start-up backfill of rows without one. Through the services, on the embedded default (same
 * context as {@link MatchingApiTest}). Every test writes skill names of its own, so the shared
 * database does not disturb the counts.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class SkillNormalisationTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired ApplicationService intake;
  @Autowired ApplicationRepository applications;
  @Autowired UnknownSkills unknownSkills;
  @Autowired CandidateEvidence evidence;
  @Autowired SkillTaxonomy taxonomy;
  @Autowired SkillNormalisationBackfill backfill;
  @Autowired ManagementService management;
  @Autowired PersonalDataErasure erasure;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  private static String unique(String name) {
    return name + " " + SEQUENCE.incrementAndGet();
  }

  private static ApplicationRequest request(String email, List<SkillRequest> skills, List<String> technologies) {
    return new ApplicationRequest(
        "Katherine",
        "Johnson",
        email,
        null,
        "birmingham",
        "software-engineer",
        List.of("Python"),
        skills,
        List.of(),
        technologies.isEmpty() ? List.of() : List.of(new ProjectRequest("Orbit tracker", null, null, technologies)),
        List.of(),
        null,
        true);
  }

  /** Submits through intake, as the API, the /apply page and paper applications all do. */
  private String submit(String community, List<SkillRequest> skills, List<String> technologies) {
    String email = "normalise-" + SEQUENCE.incrementAndGet() + "@example.org";
    return intake.submit(request(email, skills, technologies), community).reference();
  }

  private Map<String, String> storedSkills(String reference) {
    return rows(
        "select s.name, s.canonical_name from application_skill s join application a on a.id = s.application_id"
            + " where a.reference = ?",
        reference);
  }

  private Map<String, String> storedTechnologies(String reference) {
    return rows(
        "select t.technology, t.canonical_name from application_project_technology t"
            + " join application_project p on p.id = t.project_id join application a on a.id = p.application_id"
            + " where a.reference = ?",
        reference);
  }

  /** Written name → canonical skill ("" for none). */
  private Map<String, String> rows(String sql, String reference) {
    Map<String, String> rows = new TreeMap<>();
    // a block: the handler of each row, not an extractor of the whole result
    jdbc.query(
        sql,
        row -> {
          rows.put(row.getString(1), row.getString(2) == null ? "" : row.getString(2));
        },
        reference);
    return rows;
  }

  private UnknownSkills.UnknownSkill reported(String name) {
    return unknownSkills.report().stream()
        .filter(skill -> skill.spellings().contains(name))
        .findFirst()
        .orElse(null);
  }

  /** One vocabulary for the test, as for one matching run: the candidates' ids and {@link #id} agree. */
  private SkillVocabulary vocabulary;

  private MatchCandidate candidate(String reference) {
    return new TransactionTemplate(transactionManager)
        .execute(status -> evidence.of(applications.findByReference(reference).orElseThrow(), vocabulary()));
  }

  private int id(String skill) {
    return vocabulary().resolve(skill).id();
  }

  private SkillVocabulary vocabulary() {
    if (vocabulary == null) {
      vocabulary = taxonomy.vocabulary();
    }
    return vocabulary;
  }

  // --- intake -------------------------------------------------------------------------------

  @Test
  void intakeStoresTheCanonicalSkillNextToTheNameAsWrittenAndKeepsUnknownOnesAsWritten() {
    String unknownSkill = unique("Hyperloop Scripting");
    String unknownTechnology = unique("Quantum Widgets");
    String reference =
        submit(
            "birmingham",
            List.of(
                new SkillRequest("JS", 3),
                new SkillRequest("  postgres ", 2),
                new SkillRequest("c SHARP", 1),
                new SkillRequest(unknownSkill, 4)),
            List.of("k8s", "SPRING-BOOT", unknownTechnology));

    assertThat(storedSkills(reference))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("JS", "JavaScript", "postgres", "PostgreSQL", "c SHARP", "C#", unknownSkill, ""));
    assertThat(storedTechnologies(reference))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("k8s", "Kubernetes", "SPRING-BOOT", "Spring Boot", unknownTechnology, ""));
  }

  @Test
  void unknownSkillsAreReportedFromStoredApplicationsWithTheirSpellingsPerCommunity() {
    String skill = unique("Zorblax Framework");
    String otherSpelling = skill.toLowerCase().replace(' ', '-');
    submit("birmingham", List.of(new SkillRequest(skill, 2)), List.of());
    submit("birmingham", List.of(new SkillRequest(skill, 3)), List.of(skill));
    submit("akron", List.of(new SkillRequest(otherSpelling, 1)), List.of());

    UnknownSkills.UnknownSkill reported = reported(skill);

    assertThat(reported).as("reported, as written").isNotNull();
    assertThat(reported.name()).as("the most used spelling").isEqualTo(skill);
    assertThat(reported.spellings()).containsExactly(skill, otherSpelling);
    assertThat(reported.applications()).isEqualTo(3);
    assertThat(reported.projects()).isEqualTo(1);
    assertThat(reported.openings()).isZero();
    assertThat(reported.communities())
        .containsExactly(
            new UnknownSkills.CommunityUses("akron", 1, 0, 0), new UnknownSkills.CommunityUses("birmingham", 2, 1, 0));
    assertThat(unknownSkills.report()).noneMatch(unknown -> unknown.spellings().contains("JS"));
  }

  @Test
  void aRefusedApplicationLeavesNothingInTheReport() {
    String email = "refused-" + SEQUENCE.incrementAndGet() + "@example.org";
    intake.submit(request(email, List.of(new SkillRequest("Java", 3)), List.of()), "birmingham");
    String refused = unique("Refused Skill");

    assertThatThrownBy(
            () -> intake.submit(request(email, List.of(new SkillRequest(refused, 3)), List.of(refused)), "birmingham"))
        .isInstanceOf(DuplicateApplicationException.class);

    assertThat(reported(refused)).isNull();
    assertThat(jdbc.queryForObject("select count(*) from application_skill where name = ?", Long.class, refused)).isZero();
  }

  @Test
  void anErasedApplicationsUnknownSkillsLeaveTheReportWithItsRows() {
    String skill = unique("Erased Widgets");
    String reference = submit("seattle", List.of(new SkillRequest(skill, 2)), List.of(skill));
    assertThat(reported(skill)).isNotNull();

    erasure.erase(reference, "staff", PersonalDataErasure.Reason.REQUEST);

    assertThat(reported(skill)).isNull();
  }

  // --- matching -----------------------------------------------------------------------------

  @Test
  void matchingCountsTheStoredCanonicalSkillNotTheWrittenName() {
    String written = unique("Duke's Language");
    String reference = submit("birmingham", List.of(new SkillRequest(written, 4), new SkillRequest("Java", 2)), List.of());
    // as a later taxonomy that knows the name as an alias of Kotlin, and of Scala for "Java", stored it
    jdbc.update(
        "update application_skill set canonical_name = ? where name = ? and application_id ="
            + " (select id from application where reference = ?)",
        "Kotlin", written, reference);
    jdbc.update(
        "update application_skill set canonical_name = 'Scala' where name = 'Java' and application_id ="
            + " (select id from application where reference = ?)",
        reference);

    MatchCandidate candidate = candidate(reference);

    assertThat(candidate.levelOf(id("Kotlin"))).isEqualTo(4);
    assertThat(candidate.levelOf(id("Scala"))).isEqualTo(2);
    assertThat(candidate.levelOf(id("Java"))).as("the written name does not count").isZero();
  }

  @Test
  void rowsWithoutACanonicalSkillAreMatchedByTheirWrittenName() {
    String reference = submit("akron", List.of(new SkillRequest("JS", 3)), List.of("Postgres"));
    // as rows stored before intake normalised skills
    jdbc.update(
        "update application_skill set canonical_name = null where application_id = (select id from application where reference = ?)",
        reference);
    jdbc.update(
        "update application_project_technology set canonical_name = null where project_id in (select p.id from"
            + " application_project p join application a on a.id = p.application_id where a.reference = ?)",
        reference);

    MatchCandidate candidate = candidate(reference);

    assertThat(candidate.levelOf(id("JavaScript"))).isEqualTo(3);
    assertThat(candidate.evidenceOf(id("PostgreSQL"))).isEqualTo(Evidence.PROJECT);
    assertThat(reported("JS")).as("a known name is never reported").isNull();
  }

  // --- the backfill -------------------------------------------------------------------------

  @Test
  void theBackfillGivesEveryRowTheCanonicalSkillOfTheTaxonomyOncePerVersion() {
    String unknown = unique("Backfill Widgets");
    String reference =
        submit(
            "atlanta",
            List.of(new SkillRequest("ECMAScript", 2), new SkillRequest("golang", 3), new SkillRequest(unknown, 1)),
            List.of("Postgres"));
    String ofApplication = " and application_id = (select id from application where reference = ?)";
    jdbc.update("update application_skill set canonical_name = null where name = 'ECMAScript'" + ofApplication, reference);
    jdbc.update("update application_skill set canonical_name = 'Python' where name = 'golang'" + ofApplication, reference);
    jdbc.update(
        "update application_project_technology set canonical_name = null where technology = 'Postgres' and project_id in"
            + " (select p.id from application_project p join application a on a.id = p.application_id where a.reference = ?)",
        reference);

    management.setProperty(SkillNormalisationBackfill.VERSION_PROPERTY, taxonomy.version());
    backfill.onStart();
    assertThat(storedSkills(reference)).as("already done for this taxonomy version").containsEntry("ECMAScript", "");

    management.setProperty(SkillNormalisationBackfill.VERSION_PROPERTY, "an older version");
    backfill.onStart();

    assertThat(storedSkills(reference))
        .containsExactlyInAnyOrderEntriesOf(Map.of("ECMAScript", "JavaScript", "golang", "Go", unknown, ""));
    assertThat(storedTechnologies(reference)).containsExactlyInAnyOrderEntriesOf(Map.of("Postgres", "PostgreSQL"));
    assertThat(management.getProperties()).containsEntry(SkillNormalisationBackfill.VERSION_PROPERTY, taxonomy.version());
    assertThat(backfill.fill()).as("nothing left to change").isZero();
  }
}
