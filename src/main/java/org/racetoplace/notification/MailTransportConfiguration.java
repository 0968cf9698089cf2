package org.racetoplace.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Picks the transport: SMTP when Spring Boot configured a {@link JavaMailSender} (it does when
 * {@code spring.mail.host} is set), otherwise the logging transport.
 *
 * <p>Decided when the bean is created, through an {@link ObjectProvider}, not with
 * {@code @ConditionalOnBean}: our configuration is processed before Spring Boot's
 * auto-configuration, so a condition on the mail sender would be evaluated before that bean is even
 * defined and would always choose "no SMTP".
 */
@Configuration(proxyBeanMethods = false)
public class MailTransportConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MailTransportConfiguration.class);

  @Bean
  MailTransport mailTransport(
      ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      log.info("Notifications: no SMTP server configured (spring.mail.host); messages are logged, not sent");
      return new LoggingMailTransport();
    }
    log.info("Notifications: sending by SMTP as {}", properties.from());
    return new SmtpMailTransport(sender, properties);
  }
}
