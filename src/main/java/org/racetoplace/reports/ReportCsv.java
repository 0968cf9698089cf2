package org.racetoplace.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.racetoplace.reports.AdverseImpactReport.CommunityImpact;
import org.racetoplace.reports.AdverseImpactReport.DimensionImpact;
import org.racetoplace.reports.AdverseImpactReport.GroupImpact;
import org.racetoplace.reports.AdverseImpactReport.StageImpact;
import org.racetoplace.reports.FunnelReport.CommunityFunnel;
import org.racetoplace.reports.FunnelReport.EmployerPlacements;
import org.racetoplace.reports.FunnelReport.Exit;
import org.racetoplace.reports.FunnelReport.StageCount;
import org.racetoplace.reports.FunnelReport.StageTime;

/**
 * The reports as CSV (RFC 4180, CRLF, a header row), for spreadsheets. Rows for all communities
 * together have the community {@code ALL}. An empty cell is a figure that does not exist
 * (a suppressed group, a percentile of no cases).
 */
final class ReportCsv {

  static final String ALL = "ALL";

  static final String[] FUNNEL_HEADER = {"community", "section", "item", "measure", "value"};

  static final String[] IMPACT_HEADER = {
    "community", "candidates", "without_self_identification", "stage", "dimension", "group",
    "suppressed", "considered", "selected", "selection_rate", "impact_ratio", "below_four_fifths",
    "fisher_p", "reference_group"
  };

  private ReportCsv() {}

  /**
   * The funnel in long form, one figure a row: {@code section} is {@code funnel} (item: the step;
   * measures {@code count}, {@code conversion}), {@code time_in_stage} (item: the stage or
   * {@code APPLICATION_TO_PLACEMENT}; measures {@code cases}, {@code min_days}, {@code p10_days},
   * {@code median_days}, {@code p90_days}, {@code max_days}), {@code employer} (item: the slug;
   * measure {@code placements}) or {@code exit} (item: the outcome; measure: the stage).
   */
  static String funnel(FunnelReport report) {
    return write(FUNNEL_HEADER, printer -> {
      List<CommunityFunnel> all = new ArrayList<>();
      all.add(report.overall());
      all.addAll(report.communities());
      for (CommunityFunnel funnel : all) {
        String community = funnel.community() == null ? ALL : funnel.community();
        for (StageCount stage : funnel.stages()) {
          printer.printRecord(community, "funnel", stage.stage(), "count", stage.count());
          printer.printRecord(community, "funnel", stage.stage(), "conversion", stage.conversionFromPrevious());
        }
        List<StageTime> times = new ArrayList<>(funnel.timeInStage());
        times.add(funnel.applicationToPlacement());
        for (StageTime time : times) {
          printer.printRecord(community, "time_in_stage", time.stage(), "cases", time.cases());
          printer.printRecord(community, "time_in_stage", time.stage(), "min_days", time.minDays());
          printer.printRecord(community, "time_in_stage", time.stage(), "p10_days", time.p10Days());
          printer.printRecord(community, "time_in_stage", time.stage(), "median_days", time.medianDays());
          printer.printRecord(community, "time_in_stage", time.stage(), "p90_days", time.p90Days());
          printer.printRecord(community, "time_in_stage", time.stage(), "max_days", time.maxDays());
        }
        for (EmployerPlacements employer : funnel.placementsByEmployer()) {
          printer.printRecord(community, "employer", employer.employer(), "placements", employer.placements());
        }
        for (Exit exit : funnel.exits()) {
          printer.printRecord(community, "exit", exit.outcome(), exit.stage(), exit.count());
        }
      }
    });
  }

  /** The adverse-impact report, one group of one question at one stage a row. */
  static String adverseImpact(AdverseImpactReport report) {
    return write(IMPACT_HEADER, printer -> {
      List<CommunityImpact> all = new ArrayList<>();
      all.add(report.overall());
      all.addAll(report.communities());
      for (CommunityImpact impact : all) {
        String community = impact.community() == null ? ALL : impact.community();
        for (StageImpact stage : impact.stages()) {
          for (DimensionImpact dimension : stage.dimensions()) {
            List<GroupImpact> groups = new ArrayList<>(dimension.groups());
            groups.add(dimension.notDisclosed());
            for (GroupImpact group : groups) {
              printer.printRecord(
                  community, impact.candidates(), impact.withoutSelfIdentification(), stage.stage(),
                  dimension.dimension(), group.group(), group.suppressed(), group.considered(),
                  group.selected(), group.selectionRate(), group.impactRatio(), group.belowFourFifths(),
                  group.fisherP(), group.reference());
            }
          }
        }
      }
    });
  }

  private interface Rows {
    void print(CSVPrinter printer) throws IOException;
  }

  private static String write(String[] header, Rows rows) {
    StringWriter out = new StringWriter();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header).setNullString("").get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      rows.print(printer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
