package org.racetoplace.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The gauges of {@link PipelineMetrics} follow the engine's jobs and incidents, and only
 * administrators read them. The job executor is off, so a job stays due until the test changes it;
 * other tests of this context may leave jobs, so the test compares before and after.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class PipelineMetricsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired MeterRegistry registry;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired ApplicationContext context;
  @Autowired TestRestTemplate rest;

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  @Test
  void aDueMailStepCountsAsDueAndOnceItHasFailedForGoodAsAFailedJobAndAnIncident() {
    double due = gauge(PipelineMetrics.JOBS_DUE);
    double failed = gauge(PipelineMetrics.JOBS_FAILED);
    double incidents = gauge(PipelineMetrics.INCIDENTS_OPEN);

    StuckCaseFixtures.Case waiting =
        new StuckCaseFixtures(context).waitingAt(HiringPipeline.TASK_SEND_CONFIRMATION, "akron", Instant.now());
    Job job = managementService.createJobQuery().processInstanceId(waiting.processInstanceId()).singleResult();

    assertThat(gauge(PipelineMetrics.JOBS_DUE)).isEqualTo(due + 1);
    assertThat(gauge(PipelineMetrics.JOBS_FAILED)).isEqualTo(failed);
    assertThat(gauge(PipelineMetrics.INCIDENTS_OPEN)).isEqualTo(incidents);

    // what the job executor does after the last retry: no retries left, and an incident
    managementService.setJobRetries(job.getId(), 0);

    assertThat(gauge(PipelineMetrics.JOBS_DUE)).isEqualTo(due);
    assertThat(gauge(PipelineMetrics.JOBS_FAILED)).isEqualTo(failed + 1);
    assertThat(gauge(PipelineMetrics.INCIDENTS_OPEN)).isEqualTo(incidents + 1);

    // the operator's retry from Cockpit or REST: due again, the incident resolved
    managementService.setJobRetries(job.getId(), 1);

    assertThat(gauge(PipelineMetrics.JOBS_DUE)).isEqualTo(due + 1);
    assertThat(gauge(PipelineMetrics.JOBS_FAILED)).isEqualTo(failed);
    assertThat(gauge(PipelineMetrics.INCIDENTS_OPEN)).isEqualTo(incidents);

    runtimeService.deleteProcessInstance(waiting.processInstanceId(), "metrics test done");
    assertThat(gauge(PipelineMetrics.JOBS_DUE)).isEqualTo(due);
  }

  @Test
  void administratorsReadTheGaugesOverHttpAndNobodyElse() throws Exception {
    String path = "/actuator/metrics/" + PipelineMetrics.INCIDENTS_OPEN;

    ResponseEntity<String> admin = rest.withBasicAuth("admin", "demo").getForEntity(path, String.class);

    assertThat(admin.getStatusCode()).as(admin.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode body = JSON.readTree(admin.getBody());
    assertThat(body.get("name").asText()).isEqualTo(PipelineMetrics.INCIDENTS_OPEN);
    assertThat(body.get("measurements").get(0).get("value").asDouble())
        .isEqualTo(gauge(PipelineMetrics.INCIDENTS_OPEN));
    assertThat(rest.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("staff", "demo").getForEntity(path, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    for (String name : new String[] {PipelineMetrics.JOBS_DUE, PipelineMetrics.JOBS_FAILED}) {
      assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/actuator/metrics/" + name, String.class).getStatusCode())
          .isEqualTo(HttpStatus.OK);
    }
  }
}
