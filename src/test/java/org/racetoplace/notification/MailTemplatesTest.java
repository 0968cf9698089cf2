package org.racetoplace.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every event has a template, and every message to a candidate says which application it is about.
 * The staff digest ({@link NotificationEvent#STUCK_CASE_DIGEST}) has tests of its own.
 */
class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();

  private static NotificationRequest request(NotificationEvent event, String name, Map<String, Object> model) {
    return new NotificationRequest(
        "BHM-000123:" + event.key(), event, "BHM-000123", "ada@example.org", name, model);
  }

  @ParameterizedTest
  @EnumSource(value = NotificationEvent.class, names = "STUCK_CASE_DIGEST", mode = EnumSource.Mode.EXCLUDE)
  void everyEventRendersWithReferenceGreetingAndStatusLink(NotificationEvent event) {
    RenderedMail mail =
        templates.render(request(event, "Ada", Map.of("statusUrl", "https://hire.example.org/status/BHM-000123")));

    assertThat(mail.subject()).startsWith(event.subject()).endsWith("(BHM-000123)");
    assertThat(mail.body())
        .startsWith("Hello Ada,")
        .contains("BHM-000123")
        .contains("https://hire.example.org/status/BHM-000123")
        .contains("The Race to Place team")
        .doesNotContain("[#", "[/]", "${", "[(", "null")
        .doesNotContain("\n\n\n");
    assertThat(mail.body().split("https://hire.example.org/status/BHM-000123", -1))
        .as("the status link appears once")
        .hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(value = NotificationEvent.class, names = "STUCK_CASE_DIGEST", mode = EnumSource.Mode.EXCLUDE)
  void withoutStatusLinkOrNameTheMessageStillReadsWell(NotificationEvent event) {
    RenderedMail mail = templates.render(request(event, null, Map.of()));

    assertThat(mail.body())
        .startsWith("Hello,\n")
        .contains("Your application reference is BHM-000123.")
        .doesNotContain("status page:", "null", "\n\n\n");
  }

  @Test
  void tidyingDropsTrailingBlanksAndRunsOfEmptyLinesAndEndsWithOneNewline() {
    assertThat(MailTemplates.tidy("\n Hello Ada, \t\r\n\r\n\r\n\r\nline two\n  \n\n\nend  \n\n"))
        .isEqualTo("Hello Ada,\n\nline two\n\nend\n");
    assertThat(MailTemplates.tidy("one\n\ntwo")).isEqualTo("one\n\ntwo\n");
  }

  @Test
  void vettingOutcomeTellsAdvancedAndDeclinedCandidatesApart() {
    String advanced = templates.render(request(NotificationEvent.VETTING_OUTCOME, "Ada", Map.of("outcome", "approve"))).body();
    String declined = templates.render(request(NotificationEvent.VETTING_OUTCOME, "Ada", Map.of("outcome", "decline"))).body();

    assertThat(advanced).contains("moves on to the next step").doesNotContain("not able to move");
    assertThat(declined).contains("not able to move your application forward").doesNotContain("moves on");
  }

  @Test
  void aNameIsPrintedAsWrittenNotInterpreted() {
    RenderedMail mail = templates.render(request(NotificationEvent.WITHDRAWN, "[(${reference})] <b>O'Neil</b>", Map.of()));

    assertThat(mail.body()).startsWith("Hello [(${reference})] <b>O'Neil</b>,");
  }

  @Test
  void theStuckCaseDigestListsCasesIncidentsAndThePageWithoutPlaceholders() {
    Map<String, Object> model = new java.util.HashMap<>();
    model.put("communityName", "Birmingham, AL");
    model.put("day", "2025-05-14");
    model.put("caseCount", 2);
    model.put(
        "cases",
        java.util.List.of(
            new org.racetoplace.ops.StuckCaseDigest.DigestCase(
                "Vet", "BHM-000123", "Vet candidate", "2025-05-01 09:00 CDT", "P5D", "P8D",
                "group vetters-birmingham", 1)));
    model.put("moreCases", 1);
    model.put("incidentsInCases", 1L);
    model.put("incidentCount", 3L);
    model.put(
        "incidents",
        java.util.List.of(new org.racetoplace.ops.StuckCaseDigest.DigestIncident("Task_SendConfirmation", "Mail server down", 3)));
    model.put("moreIncidentGroups", 0);
    model.put("pageUrl", "https://hire.example.org/staff/stuck-cases?community=birmingham");
    RenderedMail mail =
        templates.render(
            new NotificationRequest(
                "ops-digest:BHM:2025-05-14:staff", NotificationEvent.STUCK_CASE_DIGEST,
                "DIGEST-BHM-2025-05-14", "sam@example.org", "Sam Taylor", model));

    assertThat(mail.subject()).isEqualTo("Daily digest: cases past their target (DIGEST-BHM-2025-05-14)");
    assertThat(mail.body())
        .startsWith("Hello Sam Taylor,\n")
        .contains("daily digest of Birmingham, AL for 2025-05-14: 2 cases have waited longer than their target")
        .contains("- BHM-000123 (Vet: Vet candidate)\n  waiting since 2025-05-01 09:00 CDT, target P5D, overdue by P8D\n"
            + "  who acts: group vetters-birmingham; open incidents: 1\n")
        .contains("... and 1 more on the stuck-case page.")
        .contains("- 3 x Task_SendConfirmation: Mail server down")
        .contains("https://hire.example.org/staff/stuck-cases?community=birmingham")
        .doesNotContain("more kinds of failure")
        .doesNotContain("[#", "[/]", "${", "[(", "null", "\n\n\n");
  }
}
