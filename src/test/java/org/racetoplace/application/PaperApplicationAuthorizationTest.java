package org.racetoplace.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.junit.jupiter.api.Test;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The paper form starts the candidate's case inside its own command. By default the engine runs
 * delegates with authorization checks off ({@code authorizationEnabledForCustomCode=false}); this
 * test turns them on, so it shows that {@link RegisterPaperApplicationDelegate} itself keeps the
 * inner start independent of the rights of the person entering the form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaperApplicationAuthorizationTest {

  @TestConfiguration
  static class CheckCustomCode {
    @Bean
    ProcessEnginePlugin authorizationForCustomCode() {
      return new AbstractProcessEnginePlugin() {
        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
          configuration.setAuthorizationEnabledForCustomCode(true);
        }
      };
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired HistoryService historyService;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  @Test
  void permissionToStartPaperApplicationsIsEnoughEvenWhenCustomCodeIsChecked() {
    assertThat(engineConfiguration.isAuthorizationEnabledForCustomCode()).isTrue();
    identityService.saveGroup(identityService.newGroup("paper-clerks"));
    grant(
        Resources.PROCESS_DEFINITION,
        RegisterPaperApplicationDelegate.PROCESS_ID,
        Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    User clerk = identityService.newUser("paper-clerk");
    clerk.setPassword("paper-password");
    identityService.saveUser(clerk);
    identityService.createMembership("paper-clerk", "paper-clerks");

    ObjectNode variables = JSON.createObjectNode();
    Map.of(
            "firstName", "Katherine",
            "lastName", "Johnson",
            "email", "paper-clerk-case@example.org",
            "community", "akron",
            "roleTrack", "software-engineer")
        .forEach((name, value) -> variables.putObject(name).put("value", value).put("type", "String"));
    variables.putObject("languagePython").put("value", true).put("type", "Boolean");
    variables.putObject("consent").put("value", true).put("type", "Boolean");
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<String> response =
        rest.withBasicAuth("paper-clerk", "paper-password")
            .postForEntity(
                "/engine-rest/process-definition/key/paper-application/submit-form",
                new HttpEntity<>(body.toString(), headers),
                String.class);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(HiringPipeline.PROCESS_ID)
                .startedBy("paper-clerk")
                .count())
        .isEqualTo(1);
  }

  private void grant(Resource resource, String id, Permission... permissions) {
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId("paper-clerks");
    authorization.setResource(resource);
    authorization.setResourceId(id);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
