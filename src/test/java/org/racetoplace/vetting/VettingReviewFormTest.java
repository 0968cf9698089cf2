package org.racetoplace.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/** The server's check of the vetting form. */
class VettingReviewFormTest {

  private static VettingReviewForm read(Object... namesAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return VettingReviewForm.read(variables::get);
  }

  private static Map<String, String> problems(Object... namesAndValues) {
    try {
      read(namesAndValues);
    } catch (FormFieldValidationException e) {
      assertThat(e.getMessage()).startsWith("The vetting review cannot be completed: ");
      return e.getDetail();
    }
    throw new AssertionError("no validation failure");
  }

  @Test
  void anApprovalNeedsNothingElse() {
    assertThat(read("vettingDecision", "approve"))
        .isEqualTo(new VettingReviewForm(VettingDecision.APPROVE, null, null));
  }

  @Test
  void aDeclineKeepsItsTrimmedRationale() {
    assertThat(read("vettingDecision", " decline ", "vettingRationale", "  No evidence of Java yet. "))
        .isEqualTo(new VettingReviewForm(VettingDecision.DECLINE, "No evidence of Java yet.", null));
  }

  @Test
  void aQuestionIsKeptOnlyWhenAskingForMoreInformation() {
    assertThat(read("vettingDecision", "more-information", "informationRequested", "Which Java projects?"))
        .isEqualTo(new VettingReviewForm(VettingDecision.MORE_INFORMATION, null, "Which Java projects?"));
    assertThat(read("vettingDecision", "approve", "informationRequested", "left over"))
        .isEqualTo(new VettingReviewForm(VettingDecision.APPROVE, null, null));
  }

  @Test
  void theDecisionIsRequiredAndOneOfThree() {
    assertThat(problems()).containsOnlyKeys("vettingDecision");
    assertThat(problems("vettingDecision", " ")).containsOnlyKeys("vettingDecision");
    assertThat(problems("vettingDecision", "maybe"))
        .containsEntry("vettingDecision", "'maybe' is not approve, decline or more-information");
  }

  @Test
  void declineNeedsARationaleAndMoreInformationAQuestion() {
    assertThat(problems("vettingDecision", "decline", "vettingRationale", "   "))
        .containsOnlyKeys("vettingRationale");
    assertThat(problems("vettingDecision", "more-information")).containsOnlyKeys("informationRequested");
  }

  @Test
  void tooLongOrNonTextFieldsAreNamedTogether() {
    Map<String, String> problems =
        problems(
            "vettingDecision", "more-information",
            "vettingRationale", "x".repeat(4001),
            "informationRequested", "y".repeat(2001));

    assertThat(problems)
        .containsEntry("vettingRationale", "at most 4000 characters (4001 given)")
        .containsEntry("informationRequested", "at most 2000 characters (2001 given)")
        .hasSize(2);
    assertThat(problems("vettingDecision", "decline", "vettingRationale", 42))
        .containsEntry("vettingRationale", "must be text");
    assertThatThrownBy(() -> read("vettingDecision", "decline"))
        .hasMessage("The vetting review cannot be completed: vettingRationale — required to decline: say why");
  }

  @Test
  void theLimitsThemselvesAreAccepted() {
    assertThat(read("vettingDecision", "decline", "vettingRationale", "x".repeat(4000)).rationale()).hasSize(4000);
    assertThat(read("vettingDecision", "more-information", "informationRequested", "y".repeat(2000))
            .informationRequested())
        .hasSize(2000);
  }
}
