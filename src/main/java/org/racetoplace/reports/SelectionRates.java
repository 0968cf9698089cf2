package org.racetoplace.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.racetoplace.reports.AdverseImpactReport.DimensionImpact;
import org.racetoplace.reports.AdverseImpactReport.GroupImpact;

/**
 * The four-fifths comparison of one stage and one self-identification question, from the counts
 * per group. The reference is the group with the highest selection rate among those large enough
 * to show; every other shown group gets its impact ratio against it, the flag when the ratio is
 * below {@link #FOUR_FIFTHS}, and Fisher's exact p-value of the 2×2 table (group vs. reference,
 * selected vs. not). "Not disclosed" is shown with its rate but never compared and never the
 * reference.
 */
final class SelectionRates {

  /** 29 CFR 1607.4(D): a rate below four-fifths of the highest is evidence of adverse impact. */
  static final double FOUR_FIFTHS = 0.8;

  /** Groups smaller than this at a stage are suppressed: too few to compare, too easy to identify. */
  static final int MINIMUM_GROUP_SIZE = 5;

  static final String NOT_DISCLOSED = "not disclosed";

  /** How many candidates of one group a stage decided on and how many it advanced. */
  record Tally(String group, long considered, long selected) {
    Tally {
      if (considered < 0 || selected < 0 || selected > considered) {
        throw new IllegalArgumentException(group + ": selected " + selected + " of " + considered);
      }
    }

    boolean shown() {
      return considered >= MINIMUM_GROUP_SIZE;
    }

    double rate() {
      return (double) selected / considered;
    }
  }

  private final FisherExactTest fisher;

  SelectionRates(FisherExactTest fisher) {
    this.fisher = fisher;
  }

  /**
   * @param disclosed one tally per answer given (any order; shown sorted by name)
   * @param notDisclosed those who did not answer
   */
  DimensionImpact compare(String dimension, String label, List<Tally> disclosed, Tally notDisclosed) {
    Tally reference =
        disclosed.stream()
            .filter(Tally::shown)
            .filter(t -> t.selected() > 0)
            .max(Comparator.comparingDouble(Tally::rate).thenComparingLong(Tally::considered))
            .orElse(null);
    List<GroupImpact> groups = new ArrayList<>();
    disclosed.stream()
        .sorted(Comparator.comparing(Tally::group))
        .forEach(tally -> groups.add(tally == reference ? referenceGroup(tally) : compared(tally, reference)));
    return new DimensionImpact(
        dimension,
        label,
        reference == null ? null : reference.group(),
        List.copyOf(groups),
        notDisclosed.shown() ? uncompared(notDisclosed) : suppressed(notDisclosed.group()));
  }

  private GroupImpact compared(Tally tally, Tally reference) {
    if (!tally.shown()) {
      return suppressed(tally.group());
    }
    if (reference == null) {
      return uncompared(tally);
    }
    double ratio = tally.rate() / reference.rate();
    double p =
        fisher.twoSidedP(
            tally.selected(),
            tally.considered() - tally.selected(),
            reference.selected(),
            reference.considered() - reference.selected());
    return new GroupImpact(
        tally.group(), false, tally.considered(), tally.selected(), round4(tally.rate()), round4(ratio),
        ratio < FOUR_FIFTHS, p, false);
  }

  private static GroupImpact referenceGroup(Tally tally) {
    return new GroupImpact(
        tally.group(), false, tally.considered(), tally.selected(), round4(tally.rate()), 1.0, false, null, true);
  }

  private static GroupImpact uncompared(Tally tally) {
    return new GroupImpact(
        tally.group(), false, tally.considered(), tally.selected(), round4(tally.rate()), null, null, null, false);
  }

  private static GroupImpact suppressed(String group) {
    return new GroupImpact(group, true, null, null, null, null, null, null, false);
  }

  static Double round4(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
