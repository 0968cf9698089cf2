package org.racetoplace.reports;

import java.util.Comparator;
import java.util.List;
import org.racetoplace.community.Community;

/** The communities a report shows one by one: the one asked for, or all of them by name. */
final class ReportCommunities {

  private ReportCommunities() {}

  static List<Community> of(List<Community> known, ReportPeriod period) {
    return known.stream()
        .filter(c -> period.community() == null || c.getId().equals(period.community()))
        .sorted(Comparator.comparing(Community::getName))
        .toList();
  }
}
