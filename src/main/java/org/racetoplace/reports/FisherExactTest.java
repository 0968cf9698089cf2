package org.racetoplace.reports;

/**
 * Fisher's exact test of a 2×2 table, two-sided. With the margins fixed, the count in the top
 * left cell follows the hypergeometric distribution; the p-value is the total probability of
 * every table with those margins that is no more likely than the one observed (the rule R's
 * {@code fisher.test} uses, with the same relative tolerance of 10⁻⁷ for ties).
 *
 * <p>Probabilities are computed from log-factorials, so tables of any size up to the report's
 * totals neither overflow nor lose precision to cancellation.
 */
final class FisherExactTest {

  private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

  /** Below this log-probability, {@code Math.exp} gives 0.0: such a table adds nothing to p. */
  private static final double NEGLIGIBLE = -750;

  private final double[] logFactorials;

  /** A test for tables whose four cells add up to at most {@code maxTotal}. */
  FisherExactTest(int maxTotal) {
    if (maxTotal < 0) {
      throw new IllegalArgumentException("maxTotal must not be negative: " + maxTotal);
    }
    logFactorials = new double[maxTotal + 1];
    for (int i = 2; i <= maxTotal; i++) {
      logFactorials[i] = logFactorials[i - 1] + Math.log(i);
    }
  }

  /**
   * The two-sided p-value of the table {@code [[a, b], [c, d]]}.
   *
   * @throws IllegalArgumentException a negative cell, or more in the table than this test was
   *     made for
   */
  double twoSidedP(long a, long b, long c, long d) {
    if (a < 0 || b < 0 || c < 0 || d < 0) {
      throw new IllegalArgumentException("cells must not be negative: " + a + ", " + b + ", " + c + ", " + d);
    }
    long total = a + b + c + d;
    if (total >= logFactorials.length) {
      throw new IllegalArgumentException("table of " + total + " exceeds " + (logFactorials.length - 1));
    }
    int n = (int) total;
    int row1 = (int) (a + b);
    int col1 = (int) (a + c);
    int low = Math.max(0, row1 + col1 - n);
    int high = Math.min(row1, col1);
    double observed = logProbability((int) a, row1, col1, n);
    double threshold = observed + Math.log(RELATIVE_TOLERANCE);
    // the distribution is unimodal: only the tables around its mode whose probability a double can
    // hold are summed; farther out every term is 0.0 (exp underflows), so skipping them changes
    // nothing but the time (tens of thousands of terms per test over a year of a pilot)
    int mode = (int) Math.min(high, Math.max(low, (long) (row1 + 1) * (col1 + 1) / (n + 2)));
    int first = low;
    int last = mode;
    while (first < last) {
      int middle = (first + last) >>> 1;
      if (logProbability(middle, row1, col1, n) >= NEGLIGIBLE) {
        last = middle;
      } else {
        first = middle + 1;
      }
    }
    int from = first;
    first = mode;
    last = high;
    while (first < last) {
      int middle = (first + last + 1) >>> 1;
      if (logProbability(middle, row1, col1, n) >= NEGLIGIBLE) {
        first = middle;
      } else {
        last = middle - 1;
      }
    }
    int to = first;
    double p = 0;
    for (int x = from; x <= to; x++) {
      double logP = logProbability(x, row1, col1, n);
      if (logP <= threshold) {
        p += Math.exp(logP);
      }
    }
    return Math.min(1.0, p);
  }

  /** log P(top left = x) for margins row1, col1 and total n: C(col1, x) C(n-col1, row1-x) / C(n, row1). */
  private double logProbability(int x, int row1, int col1, int n) {
    return logChoose(col1, x) + logChoose(n - col1, row1 - x) - logChoose(n, row1);
  }

  private double logChoose(int n, int k) {
    return logFactorials[n] - logFactorials[k] - logFactorials[n - k];
  }
}
