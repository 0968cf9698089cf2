package org.racetoplace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The production profile on a real PostgreSQL: migrations, models, identity, security settings. */
@Tag("postgres")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresPlatformTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.URL);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
    registry.add("hiring.admin.password", () -> PostgresTestDatabase.ADMIN_PASSWORD);
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired CommunityRepository communities;

  @Test
  void runsOnPostgresqlWithOurMigrationsApplied() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    List<String> applied =
        jdbc.queryForList(
            "select version from flyway_schema_history where success and version is not null order by installed_rank",
            String.class);
    assertThat(applied).contains("1");
    assertThat(communities.count()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void deploysTheModelsFromTheFilesystem() {
    assertThat(
            repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(HiringPipeline.PROCESS_ID).latestVersion().count())
        .isEqualTo(1);
    String deployment =
        repositoryService.createDeploymentQuery().deploymentName("race-to-place")
            .orderByDeploymentTime().asc().list().get(0).getId();
    assertThat(repositoryService.getDeploymentResourceNames(deployment))
        .contains("processes/hiring-pipeline.bpmn", "forms/vetting-review.form");
  }

  @Test
  void hasTheConfiguredAdminAndNoDemoUsers() {
    assertThat(identityService.checkPassword("admin", PostgresTestDatabase.ADMIN_PASSWORD)).isTrue();
    assertThat(identityService.createUserQuery().userIdIn("pm", "staff", "vetter-birmingham").count()).isZero();
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").count()).isPositive();
  }

  @Test
  void engineRestNeedsCredentials() {
    assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            rest.withBasicAuth("admin", PostgresTestDatabase.ADMIN_PASSWORD)
                .getForEntity("/engine-rest/process-definition", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void webappCookiesAreSecure() {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    assertThat(cookies).isNotEmpty().allMatch(cookie -> cookie.contains("Secure"));
  }

  /**
   * In production TLS ends at the proxy: a page it forwards as https ({@code X-Forwarded-Proto})
   * carries HSTS, so browsers keep to https; a plain-http answer does not (it would mean nothing).
   */
  @Test
  void candidatesPagesBehindTheTlsProxyCarryHsts() {
    HttpHeaders forwarded = new HttpHeaders();
    forwarded.set("X-Forwarded-Proto", "https");
    for (String page : List.of("/", "/apply", "/communities/akron")) {
      ResponseEntity<String> overTls = rest.exchange(page, HttpMethod.GET, new HttpEntity<>(forwarded), String.class);
      assertThat(overTls.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
      assertThat(overTls.getHeaders().getFirst("Strict-Transport-Security"))
          .as(page)
          .isEqualTo("max-age=31536000 ; includeSubDomains");
      assertThat(rest.getForEntity(page, String.class).getHeaders().containsKey("Strict-Transport-Security"))
          .as(page + " over plain http")
          .isFalse();
    }
  }

  @Test
  void readinessIsUp() {
    ResponseEntity<String> readiness = rest.getForEntity("/actuator/health/readiness", String.class);
    assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
