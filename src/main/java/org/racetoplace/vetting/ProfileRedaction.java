package org.racetoplace.vetting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes out of a candidate's free text what the anonymized profile leaves out elsewhere: links,
 * email addresses, phone numbers, and the given words of this application — the candidate's names,
 * employers and certificate issuers. A reviewer then cannot learn them from a project description
 * or an update the candidate wrote.
 *
 * <p>Names are matched as whole words starting with a capital letter ("Will", not "will"), the
 * other words as whole words in any case. What is taken out becomes {@value #REMOVED}.
 */
final class ProfileRedaction {

  static final String REMOVED = "[removed]";

  /** A link ends before the punctuation of the sentence around it. */
  private static final String LINK_END = "[^\\s<>\".,;:!?)']";

  private static final Pattern URL =
      Pattern.compile("(?i)\\b(?:[a-z][a-z0-9+.-]*://|www\\.)[^\\s<>\"]*" + LINK_END);
  /** A host with a path, written without scheme: {@code github.com/ada}. */
  private static final Pattern BARE_LINK =
      Pattern.compile("(?i)\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}/(?:[^\\s<>\"]*" + LINK_END + ")?");
  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
  /** Digits with spaces, dots, dashes or brackets between; a phone number has at least nine. */
  private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\(?\\d[\\d\\s().-]{6,}\\d");
  private static final int PHONE_MIN_DIGITS = 9;

  private final List<Pattern> names;
  private final List<Pattern> words;

  /**
   * @param names the candidate's first and last names
   * @param words employer names, issuers, the email address and phone as the candidate gave them
   */
  ProfileRedaction(Collection<String> names, Collection<String> words) {
    this.names = patterns(names);
    this.words = patterns(words);
  }

  /** The text with everything identifying replaced; null stays null. */
  String apply(String text) {
    if (text == null) {
      return null;
    }
    String result = URL.matcher(text).replaceAll(REMOVED);
    result = BARE_LINK.matcher(result).replaceAll(REMOVED);
    result = EMAIL.matcher(result).replaceAll(REMOVED);
    result = removePhoneNumbers(result);
    for (Pattern word : words) {
      result = word.matcher(result).replaceAll(REMOVED);
    }
    for (Pattern name : names) {
      result = name.matcher(result).replaceAll(match -> capitalized(match.group()) ? REMOVED : match.group());
    }
    return result;
  }

  List<String> apply(List<String> texts) {
    return texts.stream().map(this::apply).toList();
  }

  private static String removePhoneNumbers(String text) {
    Matcher matcher = PHONE_LIKE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      long digits = matcher.group().chars().filter(Character::isDigit).count();
      matcher.appendReplacement(
          result, Matcher.quoteReplacement(digits >= PHONE_MIN_DIGITS ? REMOVED : matcher.group()));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private static boolean capitalized(String word) {
    return Character.isUpperCase(word.codePointAt(0));
  }

  /** Longest first, so "Acme Software" goes before "Acme" could leave "Software" behind. */
  private static List<Pattern> patterns(Collection<String> terms) {
    List<String> usable = new ArrayList<>();
    for (String term : terms) {
      if (term != null && term.strip().length() >= 2) {
        usable.add(term.strip());
      }
    }
    usable.sort(Comparator.comparingInt(String::length).reversed());
    return usable.stream()
        .distinct()
        .map(term -> Pattern.compile(
            "(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE))
        .toList();
  }

  @Override
  public String toString() {
    // the terms are personal data: never in a log line
    return "ProfileRedaction[" + names.size() + " names, " + words.size() + " words]";
  }
}
