package org.racetoplace.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Rate limits per client (Bucket4j): over the allowance a page answers 429 with a friendly page,
 * the API with problem+json, both with {@code Retry-After}, and nothing is stored; another client
 * is not affected, and adding a row to the form is not an application.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "hiring.rate-limits.enabled=true",
      "hiring.rate-limits.applications.capacity=2",
      "hiring.rate-limits.applications.period=PT1H",
      "hiring.rate-limits.assessment.capacity=3",
      "hiring.rate-limits.assessment.period=PT10M"
    })
@AutoConfigureMockMvc
class RateLimitWebTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  private static MockHttpServletRequestBuilder fromClient(MockHttpServletRequestBuilder request, String address) {
    return request.with(
        servletRequest -> {
          servletRequest.setRemoteAddr(address);
          return servletRequest;
        });
  }

  /** A page submission that fails validation: it still counts, as any submission does. */
  private static MockHttpServletRequestBuilder pageSubmission(String address) {
    return fromClient(post("/apply").with(csrf()).param("firstName", ""), address);
  }

  private int applications() {
    return jdbc.queryForObject("select count(*) from application", Integer.class);
  }

  @Test
  void pageSubmissionsOverTheAllowanceGetAFriendlyPageAndStoreNothing() throws Exception {
    String client = "192.0.2.10";
    // adding rows does not use the allowance
    for (int i = 0; i < 5; i++) {
      mvc.perform(fromClient(post("/apply").with(csrf()).param("add", "skills"), client)).andExpect(status().isOk());
    }
    mvc.perform(pageSubmission(client)).andExpect(status().isBadRequest());
    mvc.perform(pageSubmission(client)).andExpect(status().isBadRequest());
    int before = applications();
    mvc.perform(
            fromClient(
                post("/apply")
                    .with(csrf())
                    .param("firstName", "Ada")
                    .param("lastName", "Lovelace")
                    .param("email", "limited@example.org")
                    .param("community", "birmingham")
                    .param("roleTrack", "software-engineer")
                    .param("languages", "Java")
                    .param("consent", "true"),
                client))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("Please wait a moment")))
        .andExpect(content().string(containsString("Nothing was")));
    assertThat(applications()).isEqualTo(before);

    // another address has its own allowance
    mvc.perform(pageSubmission("192.0.2.11")).andExpect(status().isBadRequest());
  }

  @Test
  void apiSubmissionsOverTheAllowanceGetProblemJson() throws Exception {
    String client = "192.0.2.20";
    for (int i = 0; i < 2; i++) {
      mvc.perform(fromClient(post("/api/applications").contentType(MediaType.APPLICATION_JSON).content("{}"), client))
          .andExpect(status().isBadRequest());
    }
    mvc.perform(fromClient(post("/api/applications").contentType(MediaType.APPLICATION_JSON).content("{}"), client))
        .andExpect(status().isTooManyRequests())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://racetoplace.org/problems/too-many-requests"))
        .andExpect(jsonPath("$.retryAfterSeconds").isNumber())
        .andExpect(header().exists("Retry-After"));
  }

  @Test
  void assessmentActionsAreLimitedOnThePagesAndTheApi() throws Exception {
    String client = "192.0.2.30";
    // unknown application: 404 each time, but each counts
    mvc.perform(fromClient(post("/api/applications/BHM-999999/assessment/submit"), client)).andExpect(status().isNotFound());
    mvc.perform(fromClient(post("/applications/BHM-999999/assessment/start").with(csrf()), client))
        .andExpect(status().isNotFound());
    mvc.perform(fromClient(post("/api/applications/BHM-999999/assessment"), client)).andExpect(status().isNotFound());
    mvc.perform(fromClient(post("/applications/BHM-999999/assessment/submit").with(csrf()), client))
        .andExpect(status().isTooManyRequests())
        .andExpect(content().string(containsString("Please wait a moment")));
    mvc.perform(fromClient(post("/api/applications/BHM-999999/assessment/submit"), client))
        .andExpect(status().isTooManyRequests())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
