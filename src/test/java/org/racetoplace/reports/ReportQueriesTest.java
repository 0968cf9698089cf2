package org.racetoplace.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetoplace.platform.web.InvalidRequestException;
import org.racetoplace.reports.AdverseImpactReport.CommunityImpact;
import org.racetoplace.reports.AdverseImpactReport.DimensionImpact;
import org.racetoplace.reports.AdverseImpactReport.GroupImpact;
import org.racetoplace.reports.AdverseImpactReport.StageImpact;
import org.racetoplace.reports.FunnelReport.CommunityFunnel;
import org.racetoplace.reports.FunnelReport.EmployerPlacements;
import org.racetoplace.reports.FunnelReport.Exit;
import org.racetoplace.reports.FunnelReport.StageCount;
import org.racetoplace.reports.FunnelReport.StageTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Both reports' SQL on H2 over the generated history of {@link ReportHistoryFixture}, whose
 * answers are known by construction. {@link ReportQueryAssertions} holds the expectations, so the
 * PostgreSQL suite checks the very same figures.
 */
@ReportDatabaseTest
public class ReportQueriesTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired PilotFunnel funnel;
  @Autowired AdverseImpacts adverseImpacts;
  @Autowired ProcessEngine processEngine;

  @BeforeEach
  void history() {
    new ReportHistoryFixture(jdbc).create();
  }

  @Test
  void funnelCountsTimesEmployersAndExitsMatchTheGeneratedHistory() {
    ReportQueryAssertions.funnel(
        funnel.report(ReportHistoryFixture.FROM.toString(), ReportHistoryFixture.TO.toString(), null));
  }

  @Test
  void adverseImpactCountsRatiosAndSuppressionMatchTheGeneratedHistory() {
    ReportQueryAssertions.adverseImpact(
        adverseImpacts.report(ReportHistoryFixture.FROM.toString(), ReportHistoryFixture.TO.toString(), null));
  }

  @Test
  void oneCommunityReportsThatCommunityOnly() {
    FunnelReport report =
        funnel.report(ReportHistoryFixture.FROM.toString(), ReportHistoryFixture.TO.toString(), "atlanta");
    assertThat(report.communities()).extracting(CommunityFunnel::community).containsExactly("atlanta");
    assertThat(report.overall().stages().get(0).count()).isEqualTo(5);
    assertThat(report.overall().stages().get(1).count()).isZero();
    assertThat(report.overall().placementsByEmployer()).isEmpty();

    AdverseImpactReport impact =
        adverseImpacts.report(ReportHistoryFixture.FROM.toString(), ReportHistoryFixture.TO.toString(), "atlanta");
    assertThat(impact.overall().candidates()).isEqualTo(5);
    assertThat(impact.overall().withoutSelfIdentification()).isEqualTo(5);
  }

  @Test
  void aPeriodOutsideTheHistoryIsAllZeros() {
    FunnelReport report = funnel.report("2018-01-01", "2018-12-31", null);
    assertThat(report.overall().stages()).allSatisfy(s -> assertThat(s.count()).isZero());
    assertThat(report.overall().timeInStage()).allSatisfy(t -> assertThat(t.medianDays()).isNull());
    assertThat(report.communities()).hasSize(6);
  }

  @Test
  void badParametersAreOneFieldErrorEach() {
    assertThatThrownBy(() -> funnel.report("2019-13-01", null, "atlantis"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e ->
            assertThat(e.getErrors()).extracting(p -> p.field()).containsExactly("from", "to", "community"));
    assertThatThrownBy(() -> adverseImpacts.report("2019-03-31", "2019-03-01", null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e ->
            assertThat(e.getErrors()).extracting(p -> p.field()).containsExactly("to"));
  }

  @Test
  void theEngineOfTheApplicationKeepsCaseReportCurrentAndTheHistoryIsNoLongerRead() {
    // the recorder is one of the engine's history handlers (CaseReportPlugin) ...
    assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
            .getCustomHistoryEventHandlers())
        .hasAtLeastOneElementOfType(CaseReportRecorder.class);
    // ... and the reports read case_report: without the history rows, the figures stay the same
    jdbc.update("delete from ACT_HI_ACTINST where PROC_INST_ID_ like 'RPT-%'");
    ReportQueryAssertions.funnel(
        funnel.report(ReportHistoryFixture.FROM.toString(), ReportHistoryFixture.TO.toString(), null));
  }

  /** The expected figures; shared with the PostgreSQL suite. */
  public static final class ReportQueryAssertions {

    private ReportQueryAssertions() {}

    public static void funnel(FunnelReport report) {
      CommunityFunnel birmingham = community(report.communities(), "birmingham");
      assertThat(birmingham.stages()).extracting(StageCount::count).containsExactly(20L, 16L, 12L, 9L, 6L, 6L, 3L);
      assertThat(birmingham.stages()).extracting(StageCount::conversionFromPrevious)
          .containsExactly(null, 0.8, 0.75, 0.75, 0.6667, 1.0, 0.5);

      StageTime vet = time(birmingham, "Stage_Vet");
      assertThat(vet.cases()).isEqualTo(12);
      assertThat(vet.minDays()).isEqualTo(1.0);
      assertThat(vet.p10Days()).isEqualTo(2.1);
      assertThat(vet.medianDays()).isEqualTo(6.5);
      assertThat(vet.p90Days()).isEqualTo(10.9);
      assertThat(vet.maxDays()).isEqualTo(12.0);
      assertThat(time(birmingham, "Stage_Assess").cases()).isEqualTo(19);
      assertThat(time(birmingham, "Stage_Match").cases()).isEqualTo(5);
      assertThat(time(birmingham, "Stage_Match").medianDays()).isEqualTo(10.0);
      StageTime toPlacement = birmingham.applicationToPlacement();
      assertThat(toPlacement.cases()).isEqualTo(3);
      assertThat(toPlacement.medianDays()).isEqualTo(31.0);
      assertThat(toPlacement.p10Days()).isEqualTo(30.2);
      assertThat(toPlacement.p90Days()).isEqualTo(31.8);

      assertThat(birmingham.placementsByEmployer())
          .containsExactly(new EmployerPlacements(ReportHistoryFixture.EMPLOYER, "Report Fixture Employer", 3));
      assertThat(birmingham.exits()).containsExactly(
          new Exit("EXPIRED", "Stage_Assess", "Assess", 2),
          new Exit("WITHDRAWN", "Stage_Assess", "Assess", 1),
          new Exit("WITHDRAWN", "Stage_Vet", "Vet", 1));

      CommunityFunnel atlanta = community(report.communities(), "atlanta");
      assertThat(atlanta.stages()).extracting(StageCount::count).containsExactly(5L, 0L, 0L, 0L, 0L, 0L, 0L);
      assertThat(atlanta.stages().get(1).conversionFromPrevious()).isEqualTo(0.0);
      assertThat(atlanta.stages().get(2).conversionFromPrevious()).isNull();

      CommunityFunnel overall = report.overall();
      assertThat(overall.community()).isNull();
      assertThat(overall.stages()).extracting(StageCount::count).containsExactly(25L, 16L, 12L, 9L, 6L, 6L, 3L);
      StageTime assess = time(overall, "Stage_Assess");
      assertThat(assess.cases()).isEqualTo(20);
      assertThat(assess.medianDays()).isEqualTo(2.0);
      assertThat(assess.maxDays()).isEqualTo(7.0);
      assertThat(overall.exits()).containsExactly(
          new Exit("EXPIRED", "Stage_Assess", "Assess", 3),
          new Exit("WITHDRAWN", "Stage_Assess", "Assess", 1),
          new Exit("WITHDRAWN", "Stage_Vet", "Vet", 1));
      assertThat(overall.placementsByEmployer()).extracting(EmployerPlacements::placements).containsExactly(3L);
    }

    public static void adverseImpact(AdverseImpactReport report) {
      assertThat(report.fourFifthsThreshold()).isEqualTo(0.8);
      assertThat(report.minimumGroupSize()).isEqualTo(5);
      assertThat(report.overall().candidates()).isEqualTo(25);
      assertThat(report.overall().withoutSelfIdentification()).isEqualTo(9);

      CommunityImpact birmingham =
          report.communities().stream().filter(c -> "birmingham".equals(c.community())).findFirst().orElseThrow();
      assertThat(birmingham.candidates()).isEqualTo(20);
      assertThat(birmingham.withoutSelfIdentification()).isEqualTo(4);
      assertThat(birmingham.stages()).extracting(StageImpact::stage)
          .containsExactly("ASSESSMENT", "VETTING", "INTERVIEW", "EMPLOYER_REVIEW", "OVERALL");
      assertThat(birmingham.stages()).extracting(StageImpact::considered).containsExactly(16L, 11L, 8L, 5L, 18L);
      assertThat(birmingham.stages()).extracting(StageImpact::selected).containsExactly(12L, 9L, 6L, 3L, 3L);

      DimensionImpact sex = dimension(birmingham, "ASSESSMENT", "SEX");
      assertThat(sex.referenceGroup()).isEqualTo("Female");
      GroupImpact female = group(sex, "Female");
      assertThat(female.considered()).isEqualTo(6);
      assertThat(female.selected()).isEqualTo(5);
      assertThat(female.reference()).isTrue();
      GroupImpact male = group(sex, "Male");
      assertThat(male.considered()).isEqualTo(7);
      assertThat(male.selected()).isEqualTo(5);
      assertThat(male.impactRatio()).isEqualTo(0.8571);
      assertThat(male.belowFourFifths()).isFalse();
      assertThat(male.fisherP()).isCloseTo(1.0, within(1e-9));
      assertThat(sex.notDisclosed().suppressed()).isTrue();
      assertThat(sex.notDisclosed().considered()).isNull();

      DimensionImpact race = dimension(birmingham, "ASSESSMENT", "RACE_ETHNICITY");
      assertThat(race.referenceGroup()).isEqualTo("Black");
      GroupImpact white = group(race, "White");
      assertThat(white.considered()).isEqualTo(5);
      assertThat(white.selected()).isEqualTo(2);
      assertThat(white.selectionRate()).isEqualTo(0.4);
      assertThat(white.impactRatio()).isEqualTo(0.4);
      assertThat(white.belowFourFifths()).isTrue();
      // [[2,3],[8,0]]: 5/143
      assertThat(white.fisherP()).isCloseTo(5.0 / 143, within(1e-12));

      DimensionImpact vettingSex = dimension(birmingham, "VETTING", "SEX");
      assertThat(group(vettingSex, "Female").considered()).isEqualTo(5);
      assertThat(group(vettingSex, "Female").selected()).isEqualTo(4);
      assertThat(group(vettingSex, "Male").suppressed()).isTrue();

      CommunityImpact atlanta =
          report.communities().stream().filter(c -> "atlanta".equals(c.community())).findFirst().orElseThrow();
      DimensionImpact atlantaSex = dimension(atlanta, "OVERALL", "SEX");
      assertThat(atlantaSex.groups()).isEmpty();
      assertThat(atlantaSex.notDisclosed().suppressed()).isTrue(); // 1 closed case only
    }

    private static CommunityFunnel community(List<CommunityFunnel> funnels, String id) {
      return funnels.stream().filter(f -> id.equals(f.community())).findFirst().orElseThrow();
    }

    private static StageTime time(CommunityFunnel funnel, String stage) {
      return funnel.timeInStage().stream().filter(t -> t.stage().equals(stage)).findFirst().orElseThrow();
    }

    private static DimensionImpact dimension(CommunityImpact impact, String stage, String dimension) {
      return impact.stages().stream().filter(s -> s.stage().equals(stage)).findFirst().orElseThrow()
          .dimensions().stream().filter(d -> d.dimension().equals(dimension)).findFirst().orElseThrow();
    }

    private static GroupImpact group(DimensionImpact dimension, String name) {
      return dimension.groups().stream().filter(g -> g.group().equals(name)).findFirst().orElseThrow();
    }
  }
}
