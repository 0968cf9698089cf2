package org.racetoplace.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.RuntimeService;
import org.racetoplace.application.ProgrammingLanguage;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.matching.JobOpening.Terms;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Employer partners' openings. Posting an opening, or reopening one, wakes every case waiting in
 * the talent pool (message {@code OpeningPosted}) so it is matched again at once rather than at
 * its next weekly re-match.
 *
 * <p>The message is correlated in the same transaction that stores the opening: either the
 * opening exists and the waiting cases were woken, or neither happened. Correlating when no case
 * waits correlates nothing and is no error. Right before, the waiting cases are placed together
 * ({@link CohortPlacements}), so each woken case takes the opening the stable placement gave it.
 *
 * <p>Skill names are normalised against the {@link SkillTaxonomy}: a known skill is stored under
 * its canonical name ("JS" → "JavaScript"), an unknown one as written.
 *
 * <p>Staff may edit an opening ({@link #edit}); an edit of an open opening that may let more cases
 * qualify wakes the talent pool like a posting.
 */
@Service
public class JobOpenings {

  static final String TITLE = "Invalid opening";
  static final int MAX_POSITIONS = 100;
  static final int MAX_SKILLS = 20;
  static final int MAX_TITLE_LENGTH = 150;
  static final int MAX_SKILL_NAME_LENGTH = 100;

  private static final Logger log = LoggerFactory.getLogger(JobOpenings.class);

  private final JobOpeningRepository openings;
  private final EmployerPartnerRepository employers;
  private final CommunityRepository communities;
  private final RuntimeService runtimeService;
  private final CohortPlacements cohort;
  private final SkillTaxonomy taxonomy;
  private final Clock clock;

  /** Field names of the skills' problems in {@link #post(NewOpening)}: {@code skills[i].name}. */
  static final BiFunction<Integer, String, String> SKILL_FIELDS = (index, attribute) -> "skills[" + index + "]." + attribute;

  @Autowired
  public JobOpenings(
      JobOpeningRepository openings,
      EmployerPartnerRepository employers,
      CommunityRepository communities,
      RuntimeService runtimeService,
      CohortPlacements cohort,
      SkillTaxonomy taxonomy) {
    this(openings, employers, communities, runtimeService, cohort, taxonomy, Clock.systemUTC());
  }

  JobOpenings(
      JobOpeningRepository openings,
      EmployerPartnerRepository employers,
      CommunityRepository communities,
      RuntimeService runtimeService,
      CohortPlacements cohort,
      SkillTaxonomy taxonomy,
      Clock clock) {
    this.openings = openings;
    this.employers = employers;
    this.communities = communities;
    this.runtimeService = runtimeService;
    this.cohort = cohort;
    this.taxonomy = taxonomy;
    this.clock = clock;
  }

  /**
   * Stores an OPEN opening and wakes the talent pool.
   *
   * @throws InvalidRequestException listing every problem of the opening; nothing is stored
   */
  @Transactional
  public JobOpening post(NewOpening request) {
    return post(request, SKILL_FIELDS);
  }

  /**
   * {@link #post(NewOpening)}, naming the skills' problems with {@code skillFields} (index in
   * {@code request.skills()}, attribute {@code name}, {@code minLevel} or {@code weight}).
   */
  @Transactional
  public JobOpening post(NewOpening request, BiFunction<Integer, String, String> skillFields) {
    List<FieldProblem> problems = new ArrayList<>();
    EmployerPartner employer =
        request.employerSlug() == null ? null : employers.findBySlug(request.employerSlug()).orElse(null);
    if (employer == null || !employer.isActive()) {
      problems.add(new FieldProblem("employer", "No active employer partner '" + request.employerSlug() + "'"));
    }
    Terms terms = check(request, skillFields, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(TITLE, problems);
    }
    JobOpening opening =
        openings.saveAndFlush(
            new JobOpening(employer, terms, Instant.now(clock)));
    log.info("Opening {} '{}' posted by {}", opening.getId(), opening.getTitle(), employer.getSlug());
    wakeTalentPool();
    return opening;
  }

  /**
   * Replaces an opening's title, community, remote flag, positions, languages and skills, checked
   * as when it was posted; its employer partner, status and filled positions stay. When the opening
   * is open with a position left afterwards and the edit may let more cases qualify or get a
   * position — other skills, another community, the remote flag changed, more positions — the
   * talent pool is woken as for a posted opening. Proposals made before keep their scores.
   *
   * <p>The opening's row is locked for the edit, so a placement into it waits (or is waited for)
   * and the positions are compared with what is really filled.
   *
   * @param request the opening as posted; its employer may be left out, and must otherwise be the
   *     opening's own
   * @throws OpeningNotFoundException for an unknown opening
   * @throws InvalidRequestException listing every problem of the request; nothing is changed
   * @throws TooFewPositionsException for fewer positions than are filled already; nothing changed
   */
  @Transactional
  public JobOpening edit(long openingId, NewOpening request, BiFunction<Integer, String, String> skillFields) {
    JobOpening opening = openings.findForUpdate(openingId).orElseThrow(() -> new OpeningNotFoundException(openingId));
    List<FieldProblem> problems = new ArrayList<>();
    String employer = opening.getEmployer().getSlug();
    if (request.employerSlug() != null && !request.employerSlug().equals(employer)) {
      problems.add(
          new FieldProblem(
              "employer", "An opening stays with its employer partner '" + employer + "'; post a new opening for another"));
    }
    Terms terms = check(request, skillFields, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(TITLE, problems);
    }
    if (terms.positions() < opening.getFilled()) {
      throw new TooFewPositionsException(openingId, opening.getFilled(), terms.positions());
    }
    boolean widened =
        !terms.skills().equals(opening.getSkills())
            || !terms.community().getId().equals(opening.getCommunity().getId())
            || terms.remoteAllowed() != opening.isRemoteAllowed()
            || terms.positions() > opening.getPositions();
    opening.edit(terms, Instant.now(clock));
    openings.saveAndFlush(opening);
    log.info("Opening {} edited ({}/{} filled, {})", openingId, opening.getFilled(), opening.getPositions(), opening.getStatus());
    if (widened && opening.isAvailable() && opening.getEmployer().isActive()) {
      wakeTalentPool();
    }
    return opening;
  }

  /** Checks everything but the employer, adding each problem; the result is valid without them. */
  private Terms check(
      NewOpening request, BiFunction<Integer, String, String> skillFields, List<FieldProblem> problems) {
    Community community =
        request.communityId() == null ? null : communities.findById(request.communityId()).orElse(null);
    if (community == null || !community.isActive()) {
      problems.add(new FieldProblem("community", "No active community '" + request.communityId() + "'"));
    }
    if (request.title() == null || request.title().isBlank()) {
      problems.add(new FieldProblem("title", "must not be blank"));
    } else if (request.title().trim().length() > MAX_TITLE_LENGTH) {
      problems.add(new FieldProblem("title", "must be at most " + MAX_TITLE_LENGTH + " characters"));
    }
    if (request.positions() < 1 || request.positions() > MAX_POSITIONS) {
      problems.add(new FieldProblem("positions", "must be between 1 and " + MAX_POSITIONS));
    }
    List<String> languages = new ArrayList<>();
    for (int i = 0; i < request.languages().size(); i++) {
      String name = request.languages().get(i);
      ProgrammingLanguage.fromName(name)
          .ifPresentOrElse(
              language -> languages.add(language.displayName()),
              () -> problems.add(new FieldProblem("languages", "unknown language '" + name + "'")));
    }
    List<OpeningSkill> skills = checkSkills(request.skills(), skillFields, problems);
    String title = request.title() == null ? null : request.title().trim();
    return new Terms(title, community, request.remoteAllowed(), request.positions(), languages, skills);
  }

  /**
   * Opens a paused or closed opening again, or a filled one that has a position left again; wakes
   * the talent pool. An open opening stays as it is (and nobody is woken).
   *
   * @throws DecisionRefusedException when no position is left to hire for
   */
  @Transactional
  public JobOpening reopen(long openingId) {
    JobOpening opening = opening(openingId);
    if (opening.getStatus() == OpeningStatus.OPEN) {
      return opening;
    }
    if (!opening.hasPositionLeft()) {
      throw new DecisionRefusedException(
          "positions",
          "Opening " + openingId + " has all " + opening.getPositions() + " positions filled; nothing to reopen");
    }
    opening.changeStatus(OpeningStatus.OPEN, Instant.now(clock));
    openings.saveAndFlush(opening);
    log.info("Opening {} reopened", openingId);
    wakeTalentPool();
    return opening;
  }

  /** Stops proposing the opening for a while; proposals already made stay with the employer. */
  @Transactional
  public JobOpening pause(long openingId) {
    return stop(openingId, OpeningStatus.PAUSED);
  }

  /** Stops proposing the opening for good (reopen undoes it). */
  @Transactional
  public JobOpening close(long openingId) {
    return stop(openingId, OpeningStatus.CLOSED);
  }

  /**
   * The employer filled the opening outside the pipeline: no more proposals; reopening undoes it
   * while a position is left by our own count.
   */
  @Transactional
  public JobOpening markFilled(long openingId) {
    return stop(openingId, OpeningStatus.FILLED);
  }

  private JobOpening stop(long openingId, OpeningStatus status) {
    JobOpening opening = opening(openingId);
    if (EnumSet.of(OpeningStatus.OPEN, OpeningStatus.PAUSED).contains(opening.getStatus())) {
      opening.changeStatus(status, Instant.now(clock));
      openings.saveAndFlush(opening);
    }
    return opening;
  }

  private JobOpening opening(long openingId) {
    return openings.findById(openingId).orElseThrow(() -> new OpeningNotFoundException(openingId));
  }

  /**
   * Correlates {@code OpeningPosted} to every case waiting for it.
   *
   * @return how many cases were woken
   */
  private int wakeTalentPool() {
    cohort.plan(List.of());
    int woken =
        runtimeService.createMessageCorrelation(HiringPipeline.MESSAGE_OPENING_POSTED).correlateAllWithResult().size();
    log.info("{} case(s) in the talent pool matched again", woken);
    return woken;
  }

  private List<OpeningSkill> checkSkills(
      List<OpeningSkill> skills, BiFunction<Integer, String, String> fields, List<FieldProblem> problems) {
    if (skills.isEmpty() || skills.stream().noneMatch(OpeningSkill::required)) {
      problems.add(new FieldProblem("skills", "must name at least one required skill"));
    }
    if (skills.size() > MAX_SKILLS) {
      problems.add(new FieldProblem("skills", "must be at most " + MAX_SKILLS));
    }
    Set<String> seen = new HashSet<>();
    List<OpeningSkill> checked = new ArrayList<>();
    for (int i = 0; i < skills.size(); i++) {
      OpeningSkill skill = skills.get(i);
      String name = skill.name() == null ? "" : skill.name().trim();
      if (name.isEmpty()) {
        problems.add(new FieldProblem(fields.apply(i, "name"), "must not be blank"));
      } else if (name.length() > MAX_SKILL_NAME_LENGTH) {
        problems.add(new FieldProblem(fields.apply(i, "name"), "must be at most " + MAX_SKILL_NAME_LENGTH + " characters"));
      } else {
        // only looks the name up: a refused opening leaves nothing behind in the taxonomy
        String canonical = taxonomy.canonicalName(name).orElse(name);
        // "JS" and "JavaScript" are one skill: listing both is listing it twice
        if (!seen.add(SkillTaxonomy.unknownKey(canonical))) {
          problems.add(new FieldProblem(fields.apply(i, "name"), "'" + name + "' is listed twice (as " + canonical + ")"));
        }
        name = canonical;
      }
      if (skill.minLevel() < 1 || skill.minLevel() > 5) {
        problems.add(new FieldProblem(fields.apply(i, "minLevel"), "must be between 1 and 5"));
      }
      if (skill.weight() < 1 || skill.weight() > 100) {
        problems.add(new FieldProblem(fields.apply(i, "weight"), "must be between 1 and 100"));
      }
      checked.add(new OpeningSkill(name, skill.minLevel(), skill.weight(), skill.required()));
    }
    return checked;
  }
}
