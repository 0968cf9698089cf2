package org.racetoplace.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application's context for tests of the notifications against a real SMTP server (GreenMail,
 * see {@link TestSmtpServer}) on the embedded database: no servlet container, no REST API, no job
 * executor (the tests run each job themselves), no demo data. A class that needs a property of its
 * own adds it with {@code @TestPropertySource}; the GreenMail extension and the
 * {@code @DynamicPropertySource} for {@code spring.mail.*} stay on each class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      // the REST API needs a servlet container; these tests are about mail
      "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
      "camunda.bpm.job-execution.enabled=false",
      // no demo cases: nothing but these tests sends mail
      "spring.profiles.active=notification-test",
      "hiring.admin.password=notification-test"
    })
@interface NotificationMailTest {}
