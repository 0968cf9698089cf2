package org.racetoplace.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetoplace.assessment.builtin.BankItem;
import org.racetoplace.assessment.builtin.ItemBank;
import org.racetoplace.assessment.builtin.ItemKind;
import org.racetoplace.testing.StandInAssessStage;
import org.racetoplace.vetting.TestApplications;
import org.racetoplace.vetting.TestApplications.Created;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The assessment pages' success and failure answers: start (and CSRF), a question, saving and
 * moving on, an answer that does not fit, autosave, review, submit, and what each page answers
 * once the sitting is over or without the case cookie. The case waits at the assessment step of
 * the shared stand-in model {@link StandInAssessStage}, as in {@code BuiltInAssessmentApiTest}.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureMockMvc
class AssessmentPagesWebTest {

  private static final String PROCESS = "assessment-pages-test";
  private static final Pattern ITEM_ID = Pattern.compile("data-item-id=\"([^\"]+)\"");

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ApplicationContext context;
  @Autowired ItemBank bank;

  private String base;
  private Cookie cookie;

  @BeforeEach
  void invited() {
    StandInAssessStage.deploy(repositoryService, PROCESS);
    Created application = new TestApplications(context).create("birmingham");
    runtimeService.startProcessInstanceByKey(PROCESS, application.reference());
    base = "/applications/" + application.reference() + "/assessment";
    cookie = new Cookie(CaseCookies.NAME, application.token());
  }

  private String html(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.cookie(cookie)).andReturn().getResponse().getContentAsString();
  }

  private BankItem itemOn(String html) {
    Matcher id = ITEM_ID.matcher(html);
    assertThat(id.find()).as("the question page names its item").isTrue();
    return bank.item(id.group(1)).orElseThrow();
  }

  /** The bank's key as the form's fields. */
  private static MockHttpServletRequestBuilder rightAnswer(MockHttpServletRequestBuilder request, BankItem item) {
    if (item.kind() == ItemKind.SINGLE_CHOICE) {
      return request.param("choice", item.keyOptions().iterator().next());
    }
    if (item.kind() == ItemKind.MULTIPLE_CHOICE) {
      return request.param("choices", item.keyOptions().toArray(String[]::new));
    }
    return request.param("text", item.acceptedAnswers().get(0));
  }

  private static MockHttpServletRequestBuilder wrongShape(MockHttpServletRequestBuilder request, BankItem item) {
    return item.kind().isChoice()
        ? request.param(item.kind() == ItemKind.SINGLE_CHOICE ? "choice" : "choices", "no-such-option")
        : request.param("text", "x".repeat(501));
  }

  @Test
  void startAnswerReviewAndSubmit() throws Exception {
    assertThat(html(get(base))).contains("id=\"start-assessment\"").contains("value=\"Java\"").contains("value=\"Python\"");

    mvc.perform(post(base + "/start").cookie(cookie).param("language", "Python")).andExpect(status().isForbidden());
    mvc.perform(post(base + "/start").cookie(cookie).with(csrf()).param("language", "Python"))
        .andExpect(redirectedUrl(base + "/questions/1"));
    // a running sitting: the overview resumes at the first unanswered question
    mvc.perform(get(base).cookie(cookie)).andExpect(redirectedUrl(base + "/questions/1"));
    mvc.perform(get(base + "/questions/999").cookie(cookie)).andExpect(redirectedUrl(base + "/questions/1"));

    BankItem first = itemOn(html(get(base + "/questions/1")));
    mvc.perform(wrongShape(post(base + "/questions/1").cookie(cookie).with(csrf()), first))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("id=\"answer-error\"")))
        // the problem is read out with the question's answer controls
        .andExpect(
            content()
                .string(
                    first.kind().isChoice()
                        ? containsString("aria-describedby=\"question-prompt answer-error\"")
                        : containsString("aria-describedby=\"answer-error\"")));
    mvc.perform(rightAnswer(post(base + "/questions/1").cookie(cookie).with(csrf()).param("go", "next"), first))
        .andExpect(redirectedUrl(base + "/questions/2"));
    mvc.perform(get(base).cookie(cookie)).andExpect(redirectedUrl(base + "/questions/2"));

    BankItem second = itemOn(html(get(base + "/questions/2")));
    mvc.perform(rightAnswer(post(base + "/questions/2/autosave").cookie(cookie).with(csrf()), second))
        .andExpect(status().isNoContent());
    mvc.perform(wrongShape(post(base + "/questions/2/autosave").cookie(cookie).with(csrf()), second))
        .andExpect(status().isBadRequest());
    mvc.perform(post(base + "/questions/999/autosave").cookie(cookie).with(csrf())).andExpect(status().isNotFound());
    mvc.perform(post(base + "/questions/2").cookie(cookie).with(csrf()).param("go", "previous")
            .param(second.kind().isChoice() ? "choices" : "text", ""))
        .andExpect(redirectedUrl(base + "/questions/1"));

    assertThat(html(get(base + "/review"))).contains("questions have no answer yet").contains("id=\"submit-assessment\"");
    mvc.perform(post(base + "/submit").cookie(cookie).with(csrf())).andExpect(redirectedUrl(base));

    assertThat(html(get(base))).contains("Thank you: your assessment is in");
    mvc.perform(get(base + "/questions/1").cookie(cookie)).andExpect(redirectedUrl(base));
    mvc.perform(get(base + "/review").cookie(cookie)).andExpect(redirectedUrl(base));
    mvc.perform(rightAnswer(post(base + "/questions/1/autosave").cookie(cookie).with(csrf()), first))
        .andExpect(status().isConflict());
  }

  @Test
  void withoutTheCaseCookieThePagesSayToUseTheEmailsLink() throws Exception {
    mvc.perform(get(base))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("We could not open this application")));
    mvc.perform(post(base + "/start").with(csrf())).andExpect(status().isNotFound());
  }
}
