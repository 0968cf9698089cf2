package org.racetoplace.assessment.builtin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One item of a sitting's form: which bank item, where in the form, the option order this
 * candidate sees, and the saved answer. Topic, difficulty and kind are copied from the bank when
 * the form is drawn, so the sitting keeps its meaning (and stays scorable) if the bank changes.
 */
@Entity
@Table(name = "assessment_sitting_item")
public class SittingItem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "sitting_id", nullable = false)
  private AssessmentSitting sitting;

  /** 0-based place in the form. */
  @Column(name = "form_position", nullable = false)
  private int position;

  @Column(name = "item_id", nullable = false, length = 40)
  private String itemId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private FormSection section;

  @Column(nullable = false, length = 40)
  private String topic;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Difficulty difficulty;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ItemKind kind;

  /** The option ids in the order shown, joined by commas; null for typed answers. */
  @Column(name = "option_order", length = 100)
  private String optionOrder;

  /** See {@link BankItem#accepts(String)} for the stored form; null while unanswered. */
  @Column(length = 2000)
  private String answer;

  @Column(name = "answered_at")
  private Instant answeredAt;

  /** Set when the sitting is scored; null before, and for an item no longer in the bank. */
  @Column
  private Boolean correct;

  protected SittingItem() {}

  SittingItem(
      AssessmentSitting sitting,
      int position,
      FormSection section,
      BankItem item,
      List<String> optionOrder) {
    this.sitting = sitting;
    this.position = position;
    this.itemId = item.id();
    this.section = section;
    this.topic = item.topic();
    this.difficulty = item.difficulty();
    this.kind = item.kind();
    this.optionOrder = optionOrder.isEmpty() ? null : String.join(BankItem.CHOICE_SEPARATOR, optionOrder);
  }

  /**
   * Saves an answer; saving the same answer again changes nothing (not even the time), so an
   * autosave may be repeated freely.
   *
   * @param storedAnswer checked by the caller against this item's kind and options; null clears
   * @return whether anything changed
   */
  boolean saveAnswer(String storedAnswer, Instant now) {
    if (Objects.equals(answer, storedAnswer)) {
      return false;
    }
    this.answer = storedAnswer;
    this.answeredAt = storedAnswer == null ? null : now;
    return true;
  }

  void markScored(Boolean correct) {
    this.correct = correct;
  }

  public Long getId() {
    return id;
  }

  public int getPosition() {
    return position;
  }

  public String getItemId() {
    return itemId;
  }

  public FormSection getSection() {
    return section;
  }

  public String getTopic() {
    return topic;
  }

  public Difficulty getDifficulty() {
    return difficulty;
  }

  public ItemKind getKind() {
    return kind;
  }

  /** The option ids in the order this candidate sees them; empty for typed answers. */
  public List<String> getOptionOrder() {
    return optionOrder == null ? List.of() : Arrays.asList(optionOrder.split(BankItem.CHOICE_SEPARATOR));
  }

  public String getAnswer() {
    return answer;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Boolean getCorrect() {
    return correct;
  }
}
