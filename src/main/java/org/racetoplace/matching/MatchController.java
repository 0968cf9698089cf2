package org.racetoplace.matching;

import java.util.List;
import org.racetoplace.application.ApplicationNotFoundException;
import org.racetoplace.matching.MatchingViews.ApplicationMatches;
import org.racetoplace.matching.MatchingViews.MatchView;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's view of the matching engine: the openings an application would be proposed now, with
 * explanations, and the skills people wrote that the taxonomy does not know. Staff, program
 * managers and admins only.
 */
@RestController
class MatchController {

  private final MatchingService matching;
  private final UnknownSkills unknownSkills;
  private final SkillTaxonomy taxonomy;

  MatchController(MatchingService matching, UnknownSkills unknownSkills, SkillTaxonomy taxonomy) {
    this.matching = matching;
    this.unknownSkills = unknownSkills;
    this.taxonomy = taxonomy;
  }

  /** Ranked openings for the application (never proposed to it before); 404 for an unknown reference. */
  @GetMapping(path = "/api/applications/{reference}/matches", produces = MediaType.APPLICATION_JSON_VALUE)
  ApplicationMatches matches(
      @PathVariable String reference, @RequestParam(required = false) Integer limit, Authentication authentication) {
    StaffAccess.require(authentication);
    int checked = OpeningController.checkLimit(limit);
    if (!matching.exists(reference)) {
      throw new ApplicationNotFoundException();
    }
    List<MatchView> matches = matching.matchesFor(reference, checked).stream().map(MatchView::of).toList();
    return new ApplicationMatches(reference, taxonomy.version(), matches);
  }

  record TaxonomyView(String version, int skills) {}

  record UnknownSkillsView(String taxonomyVersion, List<UnknownSkills.UnknownSkill> unknown) {}

  @GetMapping(path = "/api/skills", produces = MediaType.APPLICATION_JSON_VALUE)
  TaxonomyView taxonomy(Authentication authentication) {
    StaffAccess.require(authentication);
    return new TaxonomyView(taxonomy.version(), taxonomy.size());
  }

  /** Skills written at intake or on openings that the taxonomy does not know, most used first. */
  @GetMapping(path = "/api/skills/unknown", produces = MediaType.APPLICATION_JSON_VALUE)
  UnknownSkillsView unknown(Authentication authentication) {
    StaffAccess.require(authentication);
    return new UnknownSkillsView(taxonomy.version(), unknownSkills.report());
  }
}
