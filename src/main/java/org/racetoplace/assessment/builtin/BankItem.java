package org.racetoplace.assessment.builtin;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One item of the bank as its file describes it, checked by {@link ItemBankLoader}. The key
 * ({@link #keyOptions} for choice items, {@link #acceptedAnswers} for typed ones) never leaves the
 * server: views of a sitting are built from the other fields only.
 *
 * @param area the id of the bank area ({@code fundamentals}, {@code java}) the item belongs to
 * @param code a snippet shown with the prompt, or null
 * @param options the options in the order of the file; empty for typed answers
 * @param keyOptions the ids of the right options (one for single choice); empty for typed answers
 * @param acceptedAnswers every accepted typed answer as written in the file; empty for choices
 * @param match how typed answers are compared; null for choice items
 * @param retired kept so sittings that drew it can still show and score it, but no longer drawn
 * @param file the bank file it came from, for messages
 */
public record BankItem(
    String id,
    String area,
    String topic,
    Difficulty difficulty,
    ItemKind kind,
    String prompt,
    String code,
    List<AnswerOption> options,
    Set<String> keyOptions,
    List<String> acceptedAnswers,
    TextMatch match,
    boolean retired,
    String file) {

  /** Separates option ids in a stored multiple-choice answer; option ids never contain it. */
  static final String CHOICE_SEPARATOR = ",";

  public BankItem {
    options = List.copyOf(options);
    keyOptions = Set.copyOf(keyOptions);
    acceptedAnswers = List.copyOf(acceptedAnswers);
  }

  public List<String> optionIds() {
    return options.stream().map(AnswerOption::id).toList();
  }

  public Optional<AnswerOption> option(String optionId) {
    return options.stream().filter(option -> option.id().equals(optionId)).findFirst();
  }

  /**
   * Whether a stored answer is right. Single choice: the one key option. Multiple choice: exactly
   * the key options, no more and no fewer (all-or-nothing). Typed answers: equal to one of the
   * accepted answers once both are normalised by {@link #match}. No answer is never right.
   *
   * @param storedAnswer as {@link SittingItem} stores it: an option id, option ids joined by
   *     {@value #CHOICE_SEPARATOR}, or the typed text; null when unanswered
   */
  public boolean accepts(String storedAnswer) {
    if (storedAnswer == null || storedAnswer.isEmpty()) {
      return false;
    }
    return switch (kind) {
      case SINGLE_CHOICE -> keyOptions.size() == 1 && keyOptions.contains(storedAnswer);
      case MULTIPLE_CHOICE -> choices(storedAnswer).equals(keyOptions);
      case OUTPUT_PREDICTION, SHORT_ANSWER -> {
        String given = match.normalize(storedAnswer);
        yield acceptedAnswers.stream().map(match::normalize).anyMatch(given::equals);
      }
    };
  }

  /** The option ids of a stored multiple-choice answer. */
  static Set<String> choices(String storedAnswer) {
    if (storedAnswer == null || storedAnswer.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(storedAnswer.split(CHOICE_SEPARATOR))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
