package org.racetoplace.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The transport follows {@code spring.mail.host}, with Spring Boot's own mail auto-configuration
 * ordered as in the application (after ours).
 */
@ExtendWith(OutputCaptureExtension.class)
class MailTransportConfigurationTest {

  @EnableConfigurationProperties(NotificationProperties.class)
  static class Properties {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(Properties.class, MailTransportConfiguration.class)
          .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class));

  @Test
  void withoutSpringMailHostMessagesAreLoggedNotSent() {
    context.run(app -> assertThat(app.getBean(MailTransport.class)).isInstanceOf(LoggingMailTransport.class));
  }

  @Test
  void withSpringMailHostMessagesGoOutBySmtp() {
    context
        .withPropertyValues("spring.mail.host=smtp.example.org")
        .run(app -> assertThat(app.getBean(MailTransport.class)).isInstanceOf(SmtpMailTransport.class));
  }

  @Test
  void theSenderDefaultsToTheProgramsNoReplyAddress() {
    context.run(
        app -> {
          NotificationProperties properties = app.getBean(NotificationProperties.class);
          assertThat(properties.from()).isEqualTo("Race to Place <no-reply@racetoplace.local>");
          assertThat(properties.replyTo()).isNull();
        });
    context
        .withPropertyValues("hiring.notifications.from=Hire <hire@example.org>", "hiring.notifications.reply-to=help@example.org")
        .run(
            app -> {
              NotificationProperties properties = app.getBean(NotificationProperties.class);
              assertThat(properties.from()).isEqualTo("Hire <hire@example.org>");
              assertThat(properties.replyTo()).isEqualTo("help@example.org");
            });
  }

  @Test
  void theLoggingTransportNamesTheMessageButNotTheRecipientOrText(CapturedOutput output) {
    new LoggingMailTransport()
        .send(
            new OutgoingMail(
                "BHM-000123:placed",
                NotificationEvent.PLACED,
                "BHM-000123",
                "ada@example.org",
                "Ada Lovelace",
                "Congratulations on your new job (BHM-000123)",
                "Hello Ada Lovelace, secret body text"));

    assertThat(output.getOut())
        .contains("BHM-000123:placed", "PLACED")
        .doesNotContain("ada@example.org", "Ada Lovelace", "secret body text");
  }
}
