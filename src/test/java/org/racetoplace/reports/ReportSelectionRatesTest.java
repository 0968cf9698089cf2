package org.racetoplace.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.racetoplace.reports.AdverseImpactReport.DimensionImpact;
import org.racetoplace.reports.AdverseImpactReport.GroupImpact;
import org.racetoplace.reports.SelectionRates.Tally;

/** The four-fifths comparison with hand-computed examples, suppression and "not disclosed". */
class ReportSelectionRatesTest {

  private final SelectionRates rates = new SelectionRates(new FisherExactTest(10_000));

  private static GroupImpact group(DimensionImpact impact, String name) {
    return impact.groups().stream().filter(g -> g.group().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void comparesEveryShownGroupWithTheHighestRate() {
    // A: 60 of 100 (0.60), B: 30 of 70 (0.4286), C: 14 of 20 (0.70) -> reference C
    DimensionImpact impact =
        rates.compare("SEX", "Sex",
            List.of(new Tally("A", 100, 60), new Tally("B", 70, 30), new Tally("C", 20, 14)),
            new Tally(SelectionRates.NOT_DISCLOSED, 12, 3));

    assertThat(impact.referenceGroup()).isEqualTo("C");
    assertThat(impact.groups()).extracting(GroupImpact::group).containsExactly("A", "B", "C");
    GroupImpact c = group(impact, "C");
    assertThat(c.reference()).isTrue();
    assertThat(c.impactRatio()).isEqualTo(1.0);
    assertThat(c.fisherP()).isNull();
    assertThat(c.belowFourFifths()).isFalse();

    GroupImpact a = group(impact, "A");
    assertThat(a.selectionRate()).isEqualTo(0.6);
    assertThat(a.impactRatio()).isEqualTo(0.8571); // 0.60 / 0.70
    assertThat(a.belowFourFifths()).isFalse();
    assertThat(a.fisherP()).isCloseTo(new FisherExactTest(200).twoSidedP(60, 40, 14, 6), within(1e-15));

    GroupImpact b = group(impact, "B");
    assertThat(b.selectionRate()).isEqualTo(0.4286);
    assertThat(b.impactRatio()).isEqualTo(0.6122); // (30/70) / 0.70
    assertThat(b.belowFourFifths()).isTrue();
    assertThat(b.fisherP()).isCloseTo(new FisherExactTest(200).twoSidedP(30, 40, 14, 6), within(1e-15));
    assertThat(b.fisherP()).isBetween(0.0, 0.05);

    GroupImpact notDisclosed = impact.notDisclosed();
    assertThat(notDisclosed.group()).isEqualTo("not disclosed");
    assertThat(notDisclosed.suppressed()).isFalse();
    assertThat(notDisclosed.considered()).isEqualTo(12);
    assertThat(notDisclosed.selectionRate()).isEqualTo(0.25);
    assertThat(notDisclosed.impactRatio()).isNull();
    assertThat(notDisclosed.fisherP()).isNull();
    assertThat(notDisclosed.reference()).isFalse();
  }

  @Test
  void theTeaTastingTableAsTwoGroups() {
    DimensionImpact impact =
        rates.compare("SEX", "Sex", List.of(new Tally("X", 4, 3), new Tally("Y", 4, 1)), new Tally("not disclosed", 0, 0));
    // groups of 4 are below the minimum of 5: both suppressed, nothing compared
    assertThat(impact.referenceGroup()).isNull();
    assertThat(impact.groups()).allSatisfy(g -> {
      assertThat(g.suppressed()).isTrue();
      assertThat(g.considered()).isNull();
      assertThat(g.selectionRate()).isNull();
      assertThat(g.impactRatio()).isNull();
      assertThat(g.fisherP()).isNull();
    });

    DimensionImpact larger =
        rates.compare("SEX", "Sex", List.of(new Tally("X", 5, 4), new Tally("Y", 5, 1)), new Tally("not disclosed", 0, 0));
    assertThat(larger.referenceGroup()).isEqualTo("X");
    GroupImpact y = group(larger, "Y");
    assertThat(y.impactRatio()).isEqualTo(0.25);
    assertThat(y.belowFourFifths()).isTrue();
    // [[1,4],[4,1]]: (C(5,1)^2 * 2 + 2) / C(10,5) = 52/252
    assertThat(y.fisherP()).isCloseTo(52.0 / 252, within(1e-12));
  }

  @Test
  void smallGroupsAreSuppressedAndNeverTheReference() {
    // D has the highest rate (4 of 4) but only 4 candidates: suppressed, so E is the reference
    DimensionImpact impact =
        rates.compare("RACE_ETHNICITY", "Race/ethnicity",
            List.of(new Tally("D", 4, 4), new Tally("E", 10, 5), new Tally("F", 5, 2)),
            new Tally("not disclosed", 3, 1));

    assertThat(impact.referenceGroup()).isEqualTo("E");
    assertThat(group(impact, "D").suppressed()).isTrue();
    assertThat(group(impact, "F").impactRatio()).isEqualTo(0.8); // 0.4 / 0.5: not below 0.8
    assertThat(group(impact, "F").belowFourFifths()).isFalse();
    assertThat(impact.notDisclosed().suppressed()).isTrue();
    assertThat(impact.notDisclosed().considered()).isNull();
  }

  @Test
  void withNobodySelectedThereIsNoReferenceAndNoRatio() {
    DimensionImpact impact =
        rates.compare("SEX", "Sex", List.of(new Tally("A", 10, 0), new Tally("B", 8, 0)), new Tally("not disclosed", 6, 0));
    assertThat(impact.referenceGroup()).isNull();
    assertThat(group(impact, "A").selectionRate()).isEqualTo(0.0);
    assertThat(group(impact, "A").impactRatio()).isNull();
    assertThat(group(impact, "A").belowFourFifths()).isNull();
    assertThat(impact.notDisclosed().selectionRate()).isEqualTo(0.0);
  }
}
