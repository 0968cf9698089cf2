package org.racetoplace.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /staff/reports}: the report page for staff, program managers and admins. The page is
 * a shell; its script ({@code /staff/reports.js}) fetches the JSON reports and draws the charts.
 * Signed-in users of other groups get a plain 403. The page sends its own strict
 * Content-Security-Policy: scripts, styles and data from this origin only, nothing inline.
 */
@Controller
class StaffReportPage {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final CommunityRepository communities;
  private final Clock clock;

  StaffReportPage(CommunityRepository communities, ObjectProvider<Clock> clock) {
    this.communities = communities;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @GetMapping("/staff/reports")
  String reports(Authentication authentication, Model model, HttpServletResponse response) {
    ReportReaders.check(authentication);
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("from", today.withDayOfYear(1));
    model.addAttribute("to", today);
    model.addAttribute(
        "communities", communities.findAll().stream().sorted(Comparator.comparing(Community::getName)).toList());
    return "staff/reports";
  }
}
