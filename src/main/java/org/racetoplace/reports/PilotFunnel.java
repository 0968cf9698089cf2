package org.racetoplace.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.ops.PipelineStage;
import org.racetoplace.reports.FunnelReport.CommunityFunnel;
import org.racetoplace.reports.FunnelReport.EmployerPlacements;
import org.racetoplace.reports.FunnelReport.Exit;
import org.racetoplace.reports.FunnelReport.StageCount;
import org.racetoplace.reports.FunnelReport.StageTime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The pilot funnel (docs/evaluation.md): how many applications of a period reached each step, how
 * long the stages took, where placements went, where withdrawals and expiries happened. One
 * aggregate query over {@link CaseOutcomeSql} (counts, percentiles and exits by stage) and one
 * over the placements; the database returns one row per community and one overall, never a row
 * per case.
 */
@Service
public class PilotFunnel {

  /** The funnel steps in order; the column of the funnel query that counts each. */
  enum Step {
    APPLIED("Applied", "count(*)"),
    ASSESSMENT_COMPLETED("Assessment completed", "sum(assessed)"),
    ASSESSMENT_PASSED("Assessment passed", "sum(assessment_passed)"),
    VETTED("Vetted (advanced)", "sum(vetted)"),
    INTERVIEWED("Interviewed (advanced)", "sum(interviewed)"),
    MATCHED("Matched", "sum(matched)"),
    PLACED("Placed", "sum(placed)");

    final String label;
    final String aggregate;

    Step(String label, String aggregate) {
      this.label = label;
      this.aggregate = aggregate;
    }
  }

  /**
   * The durations: the column of {@code outcomes} and how many of its units make a day. The
   * percentiles are taken over days (small doubles): H2 2.3 fails to interpolate large doubles
   * such as milliseconds ("Scale … -4").
   */
  private enum Span {
    APPLY(PipelineStage.APPLY.id(), PipelineStage.APPLY.label(), "apply_ms", 86_400_000),
    ASSESS(PipelineStage.ASSESS.id(), PipelineStage.ASSESS.label(), "assess_ms", 86_400_000),
    VET(PipelineStage.VET.id(), PipelineStage.VET.label(), "vet_ms", 86_400_000),
    INTERVIEW(PipelineStage.INTERVIEW.id(), PipelineStage.INTERVIEW.label(), "interview_ms", 86_400_000),
    MATCH(PipelineStage.MATCH.id(), PipelineStage.MATCH.label(), "match_ms", 86_400_000),
    TO_PLACEMENT("APPLICATION_TO_PLACEMENT", "Application to placement", "to_placement_s", 86_400);

    final String id;
    final String label;
    final String column;
    final long perDay;

    Span(String id, String label, String column, long perDay) {
      this.id = id;
      this.label = label;
      this.column = column;
      this.perDay = perDay;
    }
  }

  /** The closed outcomes reported by stage, in the order the report lists them. */
  private static final List<String> EXIT_OUTCOMES = List.of("EXPIRED", "WITHDRAWN");

  private final NamedParameterJdbcTemplate jdbc;
  private final CommunityRepository communities;
  private final Clock clock;
  private final ReportDialect dialect;

  @Autowired
  public PilotFunnel(NamedParameterJdbcTemplate jdbc, CommunityRepository communities, ObjectProvider<Clock> clock) {
    this(jdbc, communities, clock.getIfAvailable(Clock::systemUTC));
  }

  PilotFunnel(NamedParameterJdbcTemplate jdbc, CommunityRepository communities, Clock clock) {
    this.jdbc = jdbc;
    this.communities = communities;
    this.clock = clock;
    this.dialect = new ReportDialect(jdbc);
  }

  /**
   * The funnel of the applications submitted in the period.
   *
   * @throws org.racetoplace.platform.web.InvalidRequestException bad dates or an unknown community
   */
  public FunnelReport report(String from, String to, String community) {
    List<Community> known = communities.findAll();
    ReportPeriod period = ReportPeriod.parse(from, to, community, known);
    return report(period, known);
  }

  FunnelReport report(ReportPeriod period, List<Community> known) {
    Map<String, Row> rows = new HashMap<>();
    jdbc.query(funnelSql(period), CaseOutcomeSql.parameters(period), (ResultSet rs) -> {
      rows.put(rs.getString(1), Row.read(rs));
    });
    Map<String, Map<String, EmployerPlacements>> employers = employers(period);

    List<CommunityFunnel> perCommunity = new ArrayList<>();
    for (Community c : ReportCommunities.of(known, period)) {
      Row row = rows.getOrDefault(c.getId(), Row.EMPTY);
      perCommunity.add(
          funnel(c.getId(), c.getName(), row,
              sorted(employers.getOrDefault(c.getId(), Map.of()).values()), row.exits()));
    }
    Map<String, EmployerPlacements> allEmployers = new TreeMap<>();
    employers.values().forEach(byEmployer -> byEmployer.values().forEach(e -> allEmployers.merge(
        e.employer(), e, (a, b) -> new EmployerPlacements(a.employer(), a.name(), a.placements() + b.placements()))));
    CommunityFunnel overall =
        funnel(null, null, rows.getOrDefault(null, Row.EMPTY), sorted(allEmployers.values()),
            rows.getOrDefault(null, Row.EMPTY).exits());
    return new FunnelReport(period, clock.instant(), overall, List.copyOf(perCommunity));
  }

  private static CommunityFunnel funnel(
      String id, String name, Row row, List<EmployerPlacements> employers, List<Exit> exits) {
    List<StageCount> stages = new ArrayList<>();
    Long previous = null;
    for (Step step : Step.values()) {
      long count = row.counts[step.ordinal()];
      Double conversion =
          previous == null || previous == 0 ? null : SelectionRates.round4((double) count / previous);
      stages.add(new StageCount(step.name(), step.label, count, conversion));
      previous = count;
    }
    List<StageTime> times = new ArrayList<>();
    for (Span span : Span.values()) {
      if (span != Span.TO_PLACEMENT) {
        times.add(row.times[span.ordinal()]);
      }
    }
    return new CommunityFunnel(
        id, name, List.copyOf(stages), List.copyOf(times), row.times[Span.TO_PLACEMENT.ordinal()], employers, exits);
  }

  private String funnelSql(ReportPeriod period) {
    StringBuilder columns = new StringBuilder();
    for (Step step : Step.values()) {
      columns.append(", ").append(step.aggregate);
    }
    for (Span span : Span.values()) {
      String x = "cast(" + span.column + " as double precision) / " + span.perDay;
      columns.append(", count(").append(span.column).append(")")
          .append(", min(").append(x).append(")");
      for (String fraction : new String[] {"0.1", "0.5", "0.9"}) {
        columns.append(", percentile_cont(").append(fraction).append(") within group (order by ").append(x).append(")");
      }
      columns.append(", max(").append(x).append(")");
    }
    for (String outcome : EXIT_OUTCOMES) {
      for (PipelineStage stage : PipelineStage.values()) {
        columns.append(", sum(case when status = '").append(outcome).append("' and stage_reached = ")
            .append(stage.ordinal() + 1).append(" then 1 else 0 end)");
      }
    }
    String outcomes = CaseOutcomeSql.outcomes(period);
    if (dialect.groupingSets()) {
      return outcomes + "select community_id" + columns + " from outcomes group by grouping sets ((community_id), ())";
    }
    return outcomes
        + "select community_id" + columns + " from outcomes group by community_id\n"
        + "union all\n"
        + "select cast(null as varchar(40))" + columns + " from outcomes";
  }

  private Map<String, Map<String, EmployerPlacements>> employers(ReportPeriod period) {
    String sql =
        """
        select a.community_id, e.slug, e.name, count(*) as placements
        from placement p
        join application a on a.id = p.application_id
        join employer_partner e on e.id = p.employer_id
        where %s
        group by a.community_id, e.slug, e.name
        """
            .formatted(CaseOutcomeSql.applicationsOf(period));
    Map<String, Map<String, EmployerPlacements>> result = new HashMap<>();
    jdbc.query(sql, CaseOutcomeSql.parameters(period), (ResultSet rs) -> {
      result.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
          .put(rs.getString(2), new EmployerPlacements(rs.getString(2), rs.getString(3), rs.getLong(4)));
    });
    return result;
  }

  private static List<EmployerPlacements> sorted(java.util.Collection<EmployerPlacements> employers) {
    return employers.stream()
        .sorted(Comparator.comparingLong(EmployerPlacements::placements).reversed()
            .thenComparing(EmployerPlacements::employer))
        .toList();
  }

  /** One row of the funnel query. */
  private record Row(long[] counts, StageTime[] times, List<Exit> exits) {

    static final Row EMPTY = empty();

    static Row read(ResultSet rs) throws SQLException {
      long[] counts = new long[Step.values().length];
      int column = 2;
      for (int i = 0; i < counts.length; i++) {
        counts[i] = rs.getLong(column++);
      }
      StageTime[] times = new StageTime[Span.values().length];
      for (Span span : Span.values()) {
        long cases = rs.getLong(column++);
        Double[] values = new Double[5];
        for (int i = 0; i < values.length; i++) {
          values[i] = days(rs.getObject(column++), cases);
        }
        times[span.ordinal()] =
            new StageTime(span.id, span.label, cases, values[0], values[1], values[2], values[3], values[4]);
      }
      List<Exit> exits = new ArrayList<>();
      for (String outcome : EXIT_OUTCOMES) {
        for (PipelineStage stage : PipelineStage.values()) {
          long count = rs.getLong(column++);
          if (count > 0) {
            exits.add(new Exit(outcome, stage.id(), stage.label(), count));
          }
        }
      }
      return new Row(counts, times, List.copyOf(exits));
    }

    private static Row empty() {
      StageTime[] times = new StageTime[Span.values().length];
      for (Span span : Span.values()) {
        times[span.ordinal()] = new StageTime(span.id, span.label, 0, null, null, null, null, null);
      }
      return new Row(new long[Step.values().length], times, List.of());
    }

    private static Double days(Object value, long cases) {
      if (cases == 0 || value == null) {
        return null;
      }
      return Math.round(((Number) value).doubleValue() * 100) / 100.0;
    }
  }
}
