package org.racetoplace.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every event has a template, and every message says which application it is about. */
class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();

  private static NotificationRequest request(NotificationEvent event, String name, Map<String, Object> model) {
    return new NotificationRequest(
        "BHM-000123:" + event.key(), event, "BHM-000123", "ada@example.org", name, model);
  }

  @ParameterizedTest
  @EnumSource(NotificationEvent.class)
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
  @EnumSource(NotificationEvent.class)
  void withoutStatusLinkOrNameTheMessageStillReadsWell(NotificationEvent event) {
    RenderedMail mail = templates.render(request(event, null, Map.of()));

    assertThat(mail.body())
        .startsWith("Hello,\n")
        .contains("Your application reference is BHM-000123.")
        .doesNotContain("status page:", "null", "\n\n\n");
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
}
