package org.racetoplace.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The JSON shapes of the employer, opening and match API. Skills and levels only, no names of people. */
final class MatchingViews {

  private MatchingViews() {}

  record EmployerView(long id, String slug, String name, String contactEmail, boolean active, String group, Instant createdAt) {
    static EmployerView of(EmployerPartner partner) {
      return new EmployerView(
          partner.getId(), partner.getSlug(), partner.getName(), partner.getContactEmail(), partner.isActive(), partner.group(), partner.getCreatedAt());
    }
  }

  record SkillView(String skill, boolean known, int minLevel, int weight) {}

  record OpeningView(
      long id,
      String employer,
      String employerName,
      String title,
      String community,
      boolean remoteAllowed,
      int positions,
      int filled,
      String status,
      List<String> languages,
      List<SkillView> requiredSkills,
      List<SkillView> preferredSkills,
      Instant createdAt,
      Instant updatedAt) {

    static OpeningView of(JobOpening opening, SkillTaxonomy taxonomy) {
      return new OpeningView(
          opening.getId(),
          opening.getEmployer().getSlug(),
          opening.getEmployer().getName(),
          opening.getTitle(),
          opening.getCommunity().getId(),
          opening.isRemoteAllowed(),
          opening.getPositions(),
          opening.getFilled(),
          lower(opening.getStatus()),
          opening.getLanguages(),
          skills(opening.getSkills(), true, taxonomy),
          skills(opening.getSkills(), false, taxonomy),
          opening.getCreatedAt(),
          opening.getUpdatedAt());
    }

    private static List<SkillView> skills(List<OpeningSkill> skills, boolean required, SkillTaxonomy taxonomy) {
      return skills.stream()
          .filter(skill -> skill.required() == required)
          .map(skill -> new SkillView(skill.name(), taxonomy.knows(skill.name()), skill.minLevel(), skill.weight()))
          .toList();
    }
  }

  static String lower(Enum<?> status) {
    return status == null ? null : status.name().toLowerCase(Locale.ROOT);
  }

  record CandidateView(String reference, String community, BigDecimal score, String explanation, String proposal) {
    static CandidateView of(MatchingService.ShortlistEntry entry) {
      return new CandidateView(
          entry.reference(), entry.communityId(), entry.score().score(), entry.score().explanation(), lower(entry.proposal()));
    }
  }

  record MatchView(
      long openingId, String title, String employer, String community, boolean remoteAllowed, BigDecimal score, String explanation) {
    static MatchView of(MatchingService.ScoredMatch match) {
      JobOpening opening = match.opening();
      return new MatchView(
          opening.getId(),
          opening.getTitle(),
          opening.getEmployer().getSlug(),
          opening.getCommunity().getId(),
          opening.isRemoteAllowed(),
          match.score().score(),
          match.score().explanation());
    }
  }

  record ApplicationMatches(String reference, String taxonomyVersion, List<MatchView> matches) {}

  record OpeningCandidates(long openingId, String taxonomyVersion, List<CandidateView> candidates) {}
}
