package org.racetoplace.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Fisher's exact test against published values: Fisher's own tea-tasting table, the dieting
 * example of the Wikipedia article (R: {@code fisher.test(matrix(c(1,11,9,3),2))}), and tables
 * whose p-value is a closed fraction (e.g. [[0,5],[5,0]]: 2 / C(10,5) = 1/126).
 */
class ReportFisherExactTest {

  private final FisherExactTest fisher = new FisherExactTest(1_000);

  @Test
  void teaTastingTableHasTwoSidedP0point4857() {
    assertThat(fisher.twoSidedP(3, 1, 1, 3)).isCloseTo(0.4857142857, within(1e-9));
  }

  @Test
  void dietingExampleHasTwoSidedP0point002759() {
    assertThat(fisher.twoSidedP(1, 9, 11, 3)).isCloseTo(0.002759456, within(1e-9));
  }

  @Test
  void perfectSeparationOfTenIsTwoOverTenChooseFive() {
    assertThat(fisher.twoSidedP(0, 5, 5, 0)).isCloseTo(2.0 / 252, within(1e-12));
    assertThat(fisher.twoSidedP(10, 0, 0, 10)).isCloseTo(2.0 / 184_756, within(1e-15));
  }

  @Test
  void largerTablesKeepTheirPrecision() {
    assertThat(fisher.twoSidedP(30, 70, 60, 40)).isCloseTo(3.3045929892723186e-05, within(1e-12));
    assertThat(fisher.twoSidedP(2, 8, 9, 1)).isCloseTo(0.005477494641581329, within(1e-12));
  }

  @Test
  void identicalRowsAndEmptyTablesGiveOne() {
    assertThat(fisher.twoSidedP(7, 3, 7, 3)).isCloseTo(1.0, within(1e-12));
    assertThat(fisher.twoSidedP(0, 0, 0, 0)).isEqualTo(1.0);
    assertThat(fisher.twoSidedP(5, 2, 5, 1)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void theTestIsSymmetricInRowsAndColumns() {
    double p = fisher.twoSidedP(1, 9, 11, 3);
    assertThat(fisher.twoSidedP(11, 3, 1, 9)).isCloseTo(p, within(1e-12));
    assertThat(fisher.twoSidedP(1, 11, 9, 3)).isCloseTo(p, within(1e-12));
  }

  @Test
  void tablesOfAPilotYearGiveTheSumOverEveryTableWithTheirMargins() {
    FisherExactTest large = new FisherExactTest(100_000);
    long[][] tables = {
      {40_000, 45_000, 10_000, 5_000}, // p underflows to 0
      {41_990, 43_010, 7_010, 7_990}, // a small difference of rates
      {42_400, 42_600, 7_480, 7_520}, // none
      {5, 84_995, 3, 14_997}, // a rare outcome
      {30, 70, 45_000, 54_900},
      {0, 0, 0, 100_000}
    };
    for (long[] t : tables) {
      assertThat(large.twoSidedP(t[0], t[1], t[2], t[3]))
          .as("%d %d %d %d", t[0], t[1], t[2], t[3])
          .isCloseTo(everyTable(t[0], t[1], t[2], t[3]), within(1e-10));
    }
  }

  /** The definition itself: every table with the margins, summed when no likelier than observed. */
  private static double everyTable(long a, long b, long c, long d) {
    int n = (int) (a + b + c + d);
    double[] logFactorials = new double[n + 1];
    for (int i = 2; i <= n; i++) {
      logFactorials[i] = logFactorials[i - 1] + Math.log(i);
    }
    int row1 = (int) (a + b);
    int col1 = (int) (a + c);
    IntToDoubleFunction logP = x -> logFactorials[col1] - logFactorials[x] - logFactorials[col1 - x]
        + logFactorials[n - col1] - logFactorials[row1 - x] - logFactorials[n - col1 - row1 + x]
        - logFactorials[n] + logFactorials[row1] + logFactorials[n - row1];
    double threshold = logP.applyAsDouble((int) a) + Math.log(1 + 1e-7);
    double p = 0;
    for (int x = Math.max(0, row1 + col1 - n); x <= Math.min(row1, col1); x++) {
      if (logP.applyAsDouble(x) <= threshold) {
        p += Math.exp(logP.applyAsDouble(x));
      }
    }
    return Math.min(1.0, p);
  }

  @Test
  void refusesNegativeCellsAndTablesLargerThanPrepared() {
    assertThatThrownBy(() -> fisher.twoSidedP(-1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FisherExactTest(10).twoSidedP(5, 5, 5, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
