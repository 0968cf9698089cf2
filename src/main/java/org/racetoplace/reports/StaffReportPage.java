package org.racetoplace.reports;

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
 * Signed-in users of other groups get a plain 403. Its strict Content-Security-Policy (no
 * inline script or style) comes from the security chain, as on every page.
 */
@Controller
class StaffReportPage {

  private final CommunityRepository communities;
  private final Clock clock;

  StaffReportPage(CommunityRepository communities, ObjectProvider<Clock> clock) {
    this.communities = communities;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @GetMapping("/staff/reports")
  String reports(Authentication authentication, Model model) {
    ReportReaders.check(authentication);
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("from", today.withDayOfYear(1));
    model.addAttribute("to", today);
    model.addAttribute(
        "communities", communities.findAll().stream().sorted(Comparator.comparing(Community::getName)).toList());
    return "staff/reports";
  }
}
