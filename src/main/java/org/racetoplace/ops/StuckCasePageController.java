package org.racetoplace.ops;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.platform.identity.HiringGroups;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /staff/stuck-cases}: the stuck-case list as a page for people, beside Cockpit. The
 * last security chain makes visitors sign in (HTTP Basic, 401 otherwise); the role is checked here,
 * before anything is read (403 for everyone but staff, program managers and admins). The same
 * {@link StuckCases} report as {@code GET /api/ops/stuck-cases}, with the same filters; a filter
 * that names nothing known is answered with the page, its message and status 400.
 *
 * <p>Server-rendered and script-free, so it works without JavaScript and under a Content Security
 * Policy that allows no inline script or style.
 */
@Controller
class StuckCasePageController {

  static final String PATH = "/staff/stuck-cases";

  private static final Set<String> ROLES =
      Set.of(
          "ROLE_" + HiringGroups.STAFF,
          "ROLE_" + HiringGroups.PROGRAM_MANAGERS,
          "ROLE_" + HiringGroups.ADMINS);

  private final StuckCases stuckCases;
  private final CommunityRepository communities;

  StuckCasePageController(StuckCases stuckCases, CommunityRepository communities) {
    this.stuckCases = stuckCases;
    this.communities = communities;
  }

  @GetMapping(PATH)
  String page(
      @RequestParam(required = false) String community,
      @RequestParam(required = false) String stage,
      Authentication authentication,
      Model model,
      HttpServletResponse response) {
    boolean allowed =
        authentication != null
            && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ROLES::contains);
    if (!allowed) {
      throw new AccessDeniedException("Only staff, program managers and admins see stuck cases");
    }
    var known = communities.findAll().stream().sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
    model.addAttribute("communityOptions", known);
    model.addAttribute("stageOptions", Arrays.asList(PipelineStage.values()));
    model.addAttribute("selectedCommunity", community == null ? "" : community.trim());
    model.addAttribute("selectedStage", PipelineStage.fromParameter(stage).map(PipelineStage::id).orElse(""));
    try {
      model.addAttribute("page", StuckCasePage.of(stuckCases.report(community, stage), known));
      model.addAttribute("errors", List.<FieldProblem>of());
    } catch (InvalidRequestException invalid) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("page", null);
      model.addAttribute("errors", invalid.getErrors());
    }
    return "staff/stuck-cases";
  }
}
