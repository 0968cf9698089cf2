package org.racetoplace.ops;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.racetoplace.community.Community;
import org.racetoplace.ops.StuckCaseReport.IncidentGroup;
import org.racetoplace.ops.StuckCaseReport.StuckCase;

/**
 * What the staff page {@code /staff/stuck-cases} shows: the {@link StuckCaseReport} as it is,
 * grouped into one section per community and, inside it, one row group per stage, with times in
 * the community's own zone. Only rearranges the report; it computes nothing of its own.
 */
public record StuckCasePage(
    Instant generatedAt,
    String generatedAtText,
    List<CommunitySection> communities,
    int caseCount,
    List<IncidentGroup> incidents,
    long incidentCount) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

  /** The cases of one community; {@code id} is null for cases whose community is unknown. */
  public record CommunitySection(String id, String name, List<StageGroup> stages, int caseCount) {
    /** For the heading's id attribute, so a link can point at the section. */
    public String anchor() {
      return "community-" + (id == null ? "unknown" : id);
    }
  }

  public record StageGroup(String label, List<Row> rows) {}

  /**
   * One case past target.
   *
   * @param whoActs "assigned to" the assignee, else the candidate "group(s)", else "the
   *     candidate" for a wait
   */
  public record Row(
      String reference,
      String activityName,
      Instant waitingSince,
      String waitingSinceText,
      String target,
      String overdueBy,
      String whoActs,
      boolean assigned,
      long openIncidents,
      String cockpitLink,
      String tasklistLink) {}

  static StuckCasePage of(StuckCaseReport report, List<Community> known) {
    Map<String, Community> byId = known.stream().collect(Collectors.toMap(Community::getId, Function.identity()));
    // the report is sorted by community, stage, wait: grouping in encounter order keeps that order
    Map<String, List<StuckCase>> perCommunity = new LinkedHashMap<>();
    for (StuckCase c : report.cases()) {
      perCommunity.computeIfAbsent(c.community() == null ? "" : c.community(), k -> new ArrayList<>()).add(c);
    }
    List<CommunitySection> sections = new ArrayList<>();
    perCommunity.forEach(
        (id, cases) -> {
          Community community = byId.get(id);
          ZoneId zone = community == null ? ZoneOffset.UTC : ZoneId.of(community.getTimeZone());
          String name = community != null ? community.displayName() : id.isEmpty() ? "Community unknown" : id;
          Map<String, List<Row>> perStage = new LinkedHashMap<>();
          for (StuckCase c : cases) {
            perStage.computeIfAbsent(c.stageName(), k -> new ArrayList<>()).add(row(c, zone));
          }
          List<StageGroup> stages = new ArrayList<>();
          perStage.forEach((label, rows) -> stages.add(new StageGroup(label, List.copyOf(rows))));
          sections.add(new CommunitySection(id.isEmpty() ? null : id, name, List.copyOf(stages), cases.size()));
        });
    long incidents = report.incidents().stream().mapToLong(IncidentGroup::count).sum();
    return new StuckCasePage(
        report.generatedAt(),
        TIME.format(report.generatedAt().atZone(ZoneOffset.UTC)),
        List.copyOf(sections),
        report.cases().size(),
        report.incidents(),
        incidents);
  }

  private static Row row(StuckCase c, ZoneId zone) {
    String whoActs;
    boolean assigned = c.assignee() != null;
    if (assigned) {
      whoActs = "assigned to " + c.assignee();
    } else if (!c.candidateGroups().isEmpty()) {
      whoActs = (c.candidateGroups().size() == 1 ? "group " : "groups ") + String.join(", ", c.candidateGroups());
    } else {
      whoActs = c.kind() == WatchedActivity.Kind.WAIT ? "the candidate" : "nobody (no assignee or group)";
    }
    return new Row(
        c.reference(),
        c.activityName() == null ? c.activityId() : c.activityName(),
        c.waitingSince(),
        TIME.format(c.waitingSince().atZone(zone)),
        c.target(),
        c.overdueBy(),
        whoActs,
        assigned,
        c.openIncidents(),
        c.links().cockpit(),
        c.links().tasklist());
  }
}
