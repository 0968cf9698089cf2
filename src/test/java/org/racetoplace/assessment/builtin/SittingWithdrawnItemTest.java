package org.racetoplace.assessment.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.racetoplace.application.ProgrammingLanguage;
import org.racetoplace.assessment.builtin.FormAssembler.DrawnItem;
import org.racetoplace.assessment.builtin.SittingViews.ItemView;
import org.racetoplace.assessment.builtin.SittingViews.SittingView;

/**
 * A sitting whose form holds an item that is no longer in the bank (someone deleted it instead of
 * retiring it): the sitting still shows and scores — the item marked withdrawn, left out of every
 * count — instead of failing the candidate's requests.
 */
class SittingWithdrawnItemTest {

  @Test
  void anItemMissingFromTheBankIsShownWithdrawnAndNotScored() {
    ItemBank bank = ItemBankSanityTest.realBank();
    FormAssembler assembler = new FormAssembler(new Random(3));
    List<DrawnItem> fundamentals = assembler.draw(bank.fundamentals(), 14);
    List<DrawnItem> java = assembler.draw(bank.language(ProgrammingLanguage.JAVA).orElseThrow(), 8);
    Instant now = Instant.parse("2026-03-04T10:15:00Z");
    AssessmentSitting sitting =
        new AssessmentSitting(
            null, ProgrammingLanguage.JAVA, "test", now, now.plus(Duration.ofMinutes(45)), fundamentals, java);
    for (SittingItem item : sitting.getItems()) {
      item.saveAnswer(ItemBankSanityTest.keyAnswer(bank.item(item.getItemId()).orElseThrow()), now);
    }
    String deleted = fundamentals.get(0).item().id();
    BankArea withoutIt =
        new BankArea(
            "fundamentals",
            null,
            "2",
            bank.fundamentals().topics(),
            bank.fundamentals().items().stream().filter(item -> !item.id().equals(deleted)).toList(),
            "fundamentals.yaml");
    ItemBank changed = new ItemBank(withoutIt, List.of(bank.language(ProgrammingLanguage.JAVA).orElseThrow()));

    SittingScore score = SittingScoring.score(sitting.getItems(), changed);

    assertThat(score.maxScore()).isEqualTo(21);
    assertThat(score.rawScore()).isEqualTo(21);
    assertThat(score.fundamentalsScore()).isEqualTo(100);
    assertThat(score.correctByItem()).doesNotContainKey(deleted).hasSize(21);

    SittingView view =
        new SittingViews(changed, BuiltInAssessmentProperties.defaults()).of("BHM-001042", sitting, Optional.empty(), now);
    ItemView shown = view.items().stream().filter(item -> item.id().equals(deleted)).findFirst().orElseThrow();
    assertThat(shown.withdrawn()).isTrue();
    assertThat(shown.prompt()).isNull();
    assertThat(shown.options()).isNull();
    assertThat(view.items().stream().filter(item -> !item.id().equals(deleted)))
        .allSatisfy(item -> assertThat(item.withdrawn()).isNull());
    assertThat(view.remainingSeconds()).isEqualTo(45 * 60);
  }
}
