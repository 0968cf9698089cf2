package org.racetoplace.reports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application's context for tests of the reports' SQL on the embedded database: no servlet
 * container, no REST API, no job executor, no demo data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
      "camunda.bpm.job-execution.enabled=false",
      "spring.profiles.active=report-test",
      "hiring.admin.password=report-test"
    })
@interface ReportDatabaseTest {}
