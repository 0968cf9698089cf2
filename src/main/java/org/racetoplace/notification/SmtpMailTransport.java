package org.racetoplace.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends plain-text mail through Spring's {@link JavaMailSender} ({@code spring.mail.*}). */
public class SmtpMailTransport implements MailTransport {

  /** Lets staff find the outbox row of a message they are shown (a bounce, a complaint). */
  static final String KEY_HEADER = "X-Race-To-Place-Notification";

  private final JavaMailSender mailSender;
  private final NotificationProperties properties;

  public SmtpMailTransport(JavaMailSender mailSender, NotificationProperties properties) {
    this.mailSender = mailSender;
    this.properties = properties;
  }

  @Override
  public void send(OutgoingMail mail) {
    MimeMessage message = mailSender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(properties.from());
      if (properties.replyTo() != null) {
        helper.setReplyTo(properties.replyTo());
      }
      helper.setTo(recipient(mail));
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      message.setHeader(KEY_HEADER, mail.dedupKey());
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailPreparationException("Could not build notification " + mail.dedupKey(), e);
    }
    mailSender.send(message);
  }

  private static InternetAddress recipient(OutgoingMail mail) throws UnsupportedEncodingException {
    return mail.recipientName() == null || mail.recipientName().isBlank()
        ? new InternetAddress(mail.recipientEmail(), null, StandardCharsets.UTF_8.name())
        : new InternetAddress(mail.recipientEmail(), mail.recipientName(), StandardCharsets.UTF_8.name());
  }
}
