package org.racetoplace.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The times the information pages promise are the configured ones: a program that gives its
 * candidates 90 minutes and ten days says so on every page, and keeps data as long as it says.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "spring.profiles.active=program-times-test",
      "hiring.admin.password=program-times-test",
      "hiring.assessment.built-in.time-limit=PT1H30M",
      "hiring.timers.assessment-deadline=P10D",
      "hiring.timers.vetting-escalation=P3D",
      "hiring.timers.interview-scheduling=PT36H",
      "hiring.privacy.retention=P18M"
    })
@AutoConfigureMockMvc
class ProgramTimesTest {

  @Autowired MockMvc mvc;

  @ParameterizedTest
  @CsvSource({
    "PT45M, 45 minutes",
    "PT1M, 1 minute",
    "PT30S, 1 minute",
    "PT1H, 1 hour",
    "PT1H30M, 1 hour 30 minutes",
    "PT36H, 1 day 12 hours",
    "P1D, 1 day",
    "P7D, 7 days",
  })
  void durationsAreSaidAsPeopleSayThem(String duration, String spoken) {
    assertThat(ProgramTimes.spoken(Duration.parse(duration))).isEqualTo(spoken);
  }

  @ParameterizedTest
  @CsvSource({"P2Y, 2 years", "P1Y, 1 year", "P18M, 1 year 6 months", "P90D, 90 days", "P1Y1M1D, 1 year 1 month 1 day"})
  void periodsAreSaidAsPeopleSayThem(String period, String spoken) {
    assertThat(ProgramTimes.spoken(Period.parse(period))).isEqualTo(spoken);
  }

  @Test
  void theHomeAndCommunityPagesPromiseTheConfiguredTimes() throws Exception {
    for (String page : new String[] {"/", "/communities/hawaii"}) {
      mvc.perform(get(page))
          .andExpect(status().isOk())
          .andExpect(
              content()
                  .string(
                      allOf(
                          containsString("within <span>10 days</span> of applying"),
                          containsString("it takes\n  <span>1 hour 30 minutes</span>"),
                          containsString("within <span>3 days</span>"),
                          containsString("within <span>1 day 12 hours</span> after that"),
                          containsString("personal data after <span>1 year 6 months</span>"),
                          containsString("programming language, 1 hour 30 minutes long."),
                          containsString("How we use your information"),
                          not(containsString("45 minutes")),
                          not(containsString("two years")))));
    }
  }
}
