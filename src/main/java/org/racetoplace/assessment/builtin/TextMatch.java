package org.racetoplace.assessment.builtin;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a typed answer is compared with the accepted answers of an item: both sides are normalised
 * the same way (Unicode NFKC, the whitespace rule, then the letter case) and must then be equal.
 *
 * @param caseSensitive whether {@code Final} and {@code final} differ
 * @param whitespace what happens to spaces, tabs and line breaks
 */
public record TextMatch(boolean caseSensitive, Whitespace whitespace) {

  /** The whitespace rule, named in bank files as {@code trim}, {@code collapse} or {@code ignore}. */
  public enum Whitespace {
    /** Leading and trailing whitespace is dropped; inner whitespace must match exactly. */
    TRIM,
    /** Also every inner run of whitespace (line breaks too) counts as one space. */
    COLLAPSE,
    /** All whitespace is dropped: {@code [1, 2]} equals {@code [1,2]}. */
    IGNORE;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  /** Output is compared as printed: letter case counts, runs of whitespace do not. */
  public static final TextMatch OUTPUT_DEFAULT = new TextMatch(true, Whitespace.COLLAPSE);

  /** A short answer is a word or term: neither letter case nor runs of whitespace count. */
  public static final TextMatch SHORT_ANSWER_DEFAULT = new TextMatch(false, Whitespace.COLLAPSE);

  public static TextMatch defaultFor(ItemKind kind) {
    return kind == ItemKind.SHORT_ANSWER ? SHORT_ANSWER_DEFAULT : OUTPUT_DEFAULT;
  }

  /** The form in which two answers are compared; null stays null. */
  public String normalize(String text) {
    if (text == null) {
      return null;
    }
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    normalized =
        switch (whitespace) {
          case TRIM -> normalized;
          case COLLAPSE -> WHITESPACE_RUN.matcher(normalized).replaceAll(" ");
          case IGNORE -> WHITESPACE_RUN.matcher(normalized).replaceAll("");
        };
    return caseSensitive ? normalized : normalized.toLowerCase(Locale.ROOT);
  }
}
