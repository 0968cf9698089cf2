package org.racetoplace.assessment.builtin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.racetoplace.application.ProgrammingLanguage;
import org.racetoplace.assessment.builtin.AssessmentInvitations.Invitation;
import org.springframework.stereotype.Component;

/**
 * What the candidate sees of a sitting. Built from the sitting and the bank's prompts, code and
 * option texts only: no key, no accepted answer, no score and no right-or-wrong ever reaches a
 * view. Once a sitting is over its items are no longer shown (the form stays confidential).
 */
@Component
public class SittingViews {

  /**
   * The state of the candidate's assessment; fields that do not apply are left out.
   *
   * @param status NOT_STARTED, IN_PROGRESS, SUBMITTED, TIMED_OUT or CANCELLED
   * @param languages before the start only: the languages the candidate may choose, default first
   * @param remainingSeconds while in progress only
   * @param items while in progress only: the form in order, with the saved answers
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SittingView(
      String reference,
      String status,
      InvitationView invitation,
      List<String> languages,
      String language,
      long timeLimitSeconds,
      Instant startedAt,
      Instant deadline,
      Long remainingSeconds,
      Instant finishedAt,
      Integer itemCount,
      Integer answeredCount,
      List<ItemView> items) {}

  /** @param deadline when the invitation expires (the stage's deadline), if the case has one */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record InvitationView(boolean open, Instant deadline) {}

  /**
   * One question as the candidate sees it.
   *
   * @param number 1-based place in the form
   * @param answer the saved answer, null while unanswered
   * @param withdrawn true for an item no longer in the bank: shown without content, not scored
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ItemView(
      int number,
      String id,
      String section,
      String topic,
      String kind,
      String prompt,
      String code,
      List<OptionView> options,
      @JsonInclude(JsonInclude.Include.ALWAYS) AnswerView answer,
      Boolean withdrawn) {}

  public record OptionView(String id, String text) {}

  /** A saved answer in the shape it was sent: one of the three fields, by the item's kind. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AnswerView(String choice, List<String> choices, String text) {}

  /** The answer to an autosave. */
  public record SavedAnswerView(
      String itemId,
      @JsonInclude(JsonInclude.Include.ALWAYS) AnswerView answer,
      Instant answeredAt,
      long remainingSeconds,
      int answeredCount,
      int itemCount) {}

  private final ItemBank bank;
  private final Duration timeLimit;

  public SittingViews(ItemBank bank, BuiltInAssessmentProperties properties) {
    this.bank = bank;
    this.timeLimit = properties.timeLimit();
  }

  /** No sitting yet: whether the candidate may start, and in which languages. */
  public SittingView notStarted(
      String reference, Optional<Invitation> invitation, List<ProgrammingLanguage> offered, Instant now) {
    return new SittingView(
        reference,
        "NOT_STARTED",
        invitation(invitation, now),
        offered.stream().map(ProgrammingLanguage::displayName).toList(),
        null,
        timeLimit.toSeconds(),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public SittingView of(String reference, AssessmentSitting sitting, Optional<Invitation> invitation, Instant now) {
    boolean running = sitting.getStatus() == SittingStatus.IN_PROGRESS;
    List<SittingItem> items = sitting.getItems();
    return new SittingView(
        reference,
        sitting.getStatus().name(),
        invitation(invitation, now),
        null,
        sitting.getLanguage().displayName(),
        timeLimit.toSeconds(),
        sitting.getStartedAt(),
        sitting.getDeadline(),
        running ? remainingSeconds(sitting, now) : null,
        sitting.getFinishedAt(),
        items.size(),
        answered(items),
        running ? items.stream().map(this::item).toList() : null);
  }

  public SavedAnswerView saved(AssessmentSitting sitting, SittingItem item, Instant now) {
    List<SittingItem> items = sitting.getItems();
    return new SavedAnswerView(
        item.getItemId(),
        answer(item),
        item.getAnsweredAt(),
        remainingSeconds(sitting, now),
        answered(items),
        items.size());
  }

  private static InvitationView invitation(Optional<Invitation> invitation, Instant now) {
    return invitation
        .map(open -> new InvitationView(open.isOpenAt(now), open.deadline()))
        .orElse(new InvitationView(false, null));
  }

  private static long remainingSeconds(AssessmentSitting sitting, Instant now) {
    Duration remaining = Duration.between(now, sitting.getDeadline());
    return remaining.isNegative() ? 0 : remaining.toSeconds();
  }

  private static int answered(List<SittingItem> items) {
    return (int) items.stream().filter(item -> item.getAnswer() != null).count();
  }

  private ItemView item(SittingItem item) {
    Optional<BankItem> bankItem = bank.item(item.getItemId());
    if (bankItem.isEmpty()) {
      return new ItemView(
          item.getPosition() + 1,
          item.getItemId(),
          item.getSection().code(),
          item.getTopic(),
          item.getKind().code(),
          null,
          null,
          null,
          answer(item),
          true);
    }
    BankItem content = bankItem.get();
    List<OptionView> options =
        item.getKind().isChoice()
            ? item.getOptionOrder().stream()
                .map(id -> new OptionView(id, content.option(id).map(AnswerOption::text).orElse("")))
                .toList()
            : null;
    return new ItemView(
        item.getPosition() + 1,
        item.getItemId(),
        item.getSection().code(),
        item.getTopic(),
        item.getKind().code(),
        content.prompt(),
        content.code(),
        options,
        answer(item),
        null);
  }

  static AnswerView answer(SittingItem item) {
    String stored = item.getAnswer();
    if (stored == null) {
      return null;
    }
    return switch (item.getKind()) {
      case SINGLE_CHOICE -> new AnswerView(stored, null, null);
      case MULTIPLE_CHOICE -> new AnswerView(null, List.copyOf(BankItem.choices(stored)), null);
      case OUTPUT_PREDICTION, SHORT_ANSWER -> new AnswerView(null, null, stored);
    };
  }
}
