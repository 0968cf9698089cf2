package org.racetoplace.reports;

import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.reports.AdverseImpactReport.CommunityImpact;
import org.racetoplace.reports.AdverseImpactReport.DimensionImpact;
import org.racetoplace.reports.AdverseImpactReport.StageImpact;
import org.racetoplace.reports.SelectionRates.Tally;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The adverse-impact report (docs/evaluation.md): at each decision stage, the selection rate of
 * every group of the voluntary self-identification, compared with the group of the highest rate
 * (four-fifths rule, Fisher's exact test). One aggregate query counts, per community and
 * combination of answers, the candidates each stage decided on and advanced; the marginals per
 * question and the overall figures are sums of those counts. Self-identification never leaves the
 * database per person.
 */
@Service
public class AdverseImpacts {

  /** The decision stages: which flag of {@code outcomes} says "decided on" and which "advanced". */
  enum DecisionStage {
    ASSESSMENT("Assessment", "assessed", "assessment_passed"),
    VETTING("Vetting", "vetting_decided", "vetted"),
    INTERVIEW("Interview", "interview_scored", "interviewed"),
    EMPLOYER_REVIEW("Employer review", "employer_decided", "placed"),
    OVERALL("Overall (application to placement)", "closed", "placed");

    final String label;
    final String considered;
    final String selected;

    DecisionStage(String label, String considered, String selected) {
      this.label = label;
      this.considered = considered;
      this.selected = selected;
    }
  }

  /** The questions of the self-identification. */
  enum Dimension {
    SEX("Sex", Cell::sex),
    RACE_ETHNICITY("Race/ethnicity", Cell::raceEthnicity);

    final String label;
    final Function<Cell, String> answer;

    Dimension(String label, Function<Cell, String> answer) {
      this.label = label;
      this.answer = answer;
    }
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final CommunityRepository communities;
  private final Clock clock;

  @Autowired
  public AdverseImpacts(
      NamedParameterJdbcTemplate jdbc, CommunityRepository communities, ObjectProvider<Clock> clock) {
    this(jdbc, communities, clock.getIfAvailable(Clock::systemUTC));
  }

  AdverseImpacts(NamedParameterJdbcTemplate jdbc, CommunityRepository communities, Clock clock) {
    this.jdbc = jdbc;
    this.communities = communities;
    this.clock = clock;
  }

  /**
   * The report for the applications submitted in the period.
   *
   * @throws org.racetoplace.platform.web.InvalidRequestException bad dates or an unknown community
   */
  public AdverseImpactReport report(String from, String to, String community) {
    List<Community> known = communities.findAll();
    return report(ReportPeriod.parse(from, to, community, known), known);
  }

  AdverseImpactReport report(ReportPeriod period, List<Community> known) {
    Map<String, List<Cell>> cells = new HashMap<>();
    jdbc.query(sql(period), CaseOutcomeSql.parameters(period), (ResultSet rs) -> {
      long[] counts = new long[DecisionStage.values().length * 2];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = rs.getLong(5 + i);
      }
      cells.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
          .add(new Cell(rs.getString(2), rs.getString(3), rs.getLong(4), counts));
    });
    long largest = cells.values().stream().flatMap(List::stream).mapToLong(Cell::candidates).sum();
    SelectionRates rates = new SelectionRates(new FisherExactTest(Math.toIntExact(largest)));

    List<CommunityImpact> perCommunity = new ArrayList<>();
    for (Community c : ReportCommunities.of(known, period)) {
      perCommunity.add(impact(c.getId(), c.getName(), cells.getOrDefault(c.getId(), List.of()), rates));
    }
    List<Cell> all = cells.values().stream().flatMap(List::stream).toList();
    return new AdverseImpactReport(
        period, clock.instant(), SelectionRates.FOUR_FIFTHS, SelectionRates.MINIMUM_GROUP_SIZE,
        impact(null, null, all, rates), List.copyOf(perCommunity));
  }

  private static CommunityImpact impact(String id, String name, List<Cell> cells, SelectionRates rates) {
    long candidates = cells.stream().mapToLong(Cell::candidates).sum();
    long undisclosed =
        cells.stream().filter(c -> c.sex() == null && c.raceEthnicity() == null).mapToLong(Cell::candidates).sum();
    List<StageImpact> stages = new ArrayList<>();
    for (DecisionStage stage : DecisionStage.values()) {
      long considered = cells.stream().mapToLong(c -> c.considered(stage)).sum();
      long selected = cells.stream().mapToLong(c -> c.selected(stage)).sum();
      List<DimensionImpact> dimensions = new ArrayList<>();
      for (Dimension dimension : Dimension.values()) {
        Map<String, long[]> byAnswer = new TreeMap<>();
        long[] notDisclosed = new long[2];
        for (Cell cell : cells) {
          String answer = dimension.answer.apply(cell);
          long[] tally = answer == null ? notDisclosed : byAnswer.computeIfAbsent(answer, k -> new long[2]);
          tally[0] += cell.considered(stage);
          tally[1] += cell.selected(stage);
        }
        List<Tally> disclosed = new ArrayList<>();
        byAnswer.forEach((answer, tally) -> disclosed.add(new Tally(answer, tally[0], tally[1])));
        dimensions.add(
            rates.compare(dimension.name(), dimension.label, disclosed,
                new Tally(SelectionRates.NOT_DISCLOSED, notDisclosed[0], notDisclosed[1])));
      }
      stages.add(new StageImpact(stage.name(), stage.label, considered, selected, List.copyOf(dimensions)));
    }
    return new CommunityImpact(id, name, candidates, undisclosed, List.copyOf(stages));
  }

  private static String sql(ReportPeriod period) {
    StringBuilder columns = new StringBuilder();
    for (DecisionStage stage : DecisionStage.values()) {
      columns.append(", sum(").append(stage.considered).append(")")
          .append(", sum(").append(stage.considered).append(" * ").append(stage.selected).append(")");
    }
    return CaseOutcomeSql.outcomes(period)
        + """
        , identified as (
          select o.*, nullif(trim(si.sex), '') as sex, nullif(trim(si.race_ethnicity), '') as race_ethnicity
          from outcomes o
          left join application_self_identification si on si.application_id = o.id
        )
        select community_id, sex, race_ethnicity, count(*)%s
        from identified
        group by community_id, sex, race_ethnicity
        """
            .formatted(columns);
  }

  /**
   * The counts of one community and one combination of answers (null: not answered).
   *
   * @param counts considered and selected per {@link DecisionStage}, in order
   */
  private record Cell(String sex, String raceEthnicity, long candidates, long[] counts) {
    long considered(DecisionStage stage) {
      return counts[stage.ordinal() * 2];
    }

    long selected(DecisionStage stage) {
      return counts[stage.ordinal() * 2 + 1];
    }
  }
}
