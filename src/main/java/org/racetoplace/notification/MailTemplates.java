package org.racetoplace.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders notification messages from the plain-text Thymeleaf templates in
 * {@code templates/mail/*.txt}.
 *
 * <p>The engine is private to this class, not a bean: a {@code SpringTemplateEngine} bean would
 * replace the one Spring Boot configures for web pages, and the web resolver would look for
 * {@code .html} files in HTML mode.
 *
 * <p>Templates see {@code reference}, {@code name} (may be empty), {@code statusUrl} (may be
 * absent) and whatever else the request's model holds, e.g. {@code outcome}.
 */
@Component
public class MailTemplates {

  static final String PREFIX = "templates/mail/";
  static final String SUFFIX = ".txt";

  // compiled once: every outbox row renders a mail, the confirmation's in the intake's request
  private static final Pattern TRAILING_BLANKS = Pattern.compile("(?m)[ \t]+$");
  private static final Pattern EMPTY_LINES = Pattern.compile("\n{3,}");

  private final TemplateEngine engine;

  public MailTemplates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
    resolver.setPrefix(PREFIX);
    resolver.setSuffix(SUFFIX);
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    SpringTemplateEngine springEngine = new SpringTemplateEngine();
    springEngine.setTemplateResolver(resolver);
    this.engine = springEngine;
  }

  /** Subject and body for a request; the subject carries the reference so replies can be matched. */
  public RenderedMail render(NotificationRequest request) {
    Map<String, Object> values = new HashMap<>(request.model());
    values.put("reference", request.applicationReference());
    values.put("name", request.recipientName() == null ? "" : request.recipientName().trim());
    Context context = new Context(Locale.ENGLISH, values);
    String body = engine.process(request.event().templateName(), context);
    String subject = request.event().subject() + " (" + request.applicationReference() + ")";
    return new RenderedMail(subject, tidy(body));
  }

  /**
   * Conditional blocks and inserted fragments leave empty lines behind; collapsing them keeps the
   * templates readable as files and the messages tidy.
   */
  static String tidy(String text) {
    String lines = TRAILING_BLANKS.matcher(text.replace("\r\n", "\n")).replaceAll("");
    return EMPTY_LINES.matcher(lines).replaceAll("\n\n").strip() + "\n";
  }
}
