package org.racetoplace.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The candidates' pages through the whole filter chain (security headers, CSRF, the case cookie)
 * on the embedded default: every page's success and failure answers, and that a refused form
 * stores nothing. The browser suite ({@code CandidatePagesBrowserTest}) walks the same pages in
 * Chromium.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureMockMvc
class CandidatePagesWebTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;

  private static MockHttpServletRequestBuilder validApplication(String email) {
    return post("/apply")
        .with(csrf())
        .param("firstName", "Ada")
        .param("lastName", "Lovelace")
        .param("email", email)
        .param("phone", "+1 205 555 0100")
        .param("community", "birmingham")
        .param("roleTrack", "software-engineer")
        .param("languages", "Java", "Python")
        .param("skills[0].name", "Java")
        .param("skills[0].level", "3")
        .param("skills[1].name", "")
        .param("skills[1].level", "3")
        .param("workHistory[0].title", "Cashier")
        .param("workHistory[0].employer", "Acme")
        .param("workHistory[0].startYear", "2013")
        .param("workHistory[0].endYear", "2016")
        .param("projects[0].name", "Bus tracker")
        .param("projects[0].url", "https://example.org/bus")
        .param("projects[0].technologies", "Java, Spring Boot")
        .param("sex", "Female")
        .param("raceEthnicity", "")
        .param("consent", "true");
  }

  private static String uniqueEmail() {
    return "page-" + UUID.randomUUID() + "@example.org";
  }

  private record Applied(String reference, String token) {}

  /** An application sent through the page, as a candidate would. */
  private Applied applied() throws Exception {
    MvcResult result = mvc.perform(validApplication(uniqueEmail())).andExpect(status().is3xxRedirection()).andReturn();
    return new Applied(result.getResponse().getRedirectedUrl().split("/")[2], caseCookie(result).getValue());
  }

  private int applications() {
    return jdbc.queryForObject("select count(*) from application", Integer.class);
  }

  private static Cookie caseCookie(MvcResult result) {
    return result.getResponse().getCookie(CaseCookies.NAME);
  }

  // --- information pages and headers ------------------------------------------------------

  @Test
  void homePageListsTheCommunitiesAndStagesWithStrictSecurityHeaders() throws Exception {
    mvc.perform(get("/"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Birmingham")))
        .andExpect(content().string(containsString("Assessment")))
        .andExpect(content().string(containsString("How we use your information")))
        .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
        .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        // HSTS only where it means something: over HTTPS, as in production
        .andExpect(header().doesNotExist("Strict-Transport-Security"));
    mvc.perform(get("/").secure(true))
        .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
  }

  @Test
  void pagesHaveNoInlineScriptOrStyle() throws Exception {
    for (String page : new String[] {"/", "/communities/atlanta", "/apply"}) {
      String html = mvc.perform(get(page)).andReturn().getResponse().getContentAsString();
      assertThat(html).as(page).doesNotContain("<script>").doesNotContain("style=").doesNotContain("<style");
      assertThat(html).as(page).contains("<script src=\"/js/site.js\" defer>");
    }
  }

  @Test
  void communityPageAndAnUnknownCommunity() throws Exception {
    mvc.perform(get("/communities/akron"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Race to Place in Akron")))
        .andExpect(content().string(containsString("/apply?community=akron")));
    mvc.perform(get("/communities/atlantis"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("text/html"))
        .andExpect(content().string(containsString("We do not run the program in that community")));
  }

  // --- the application form ---------------------------------------------------------------

  @Test
  void applicationFormIsLabelledAndCarriesACsrfToken() throws Exception {
    String html =
        mvc.perform(get("/apply?community=seattle"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("name=\"_csrf\"");
    assertThat(html).contains("<label for=\"firstName\">").contains("id=\"firstName\"");
    assertThat(html).contains("<label for=\"skills-0-name\">").contains("id=\"skills-0-name\"");
    assertThat(html).contains("value=\"seattle\" selected=\"selected\"");
    assertThat(html).contains("Voluntary self-identification").contains("used only in totals").doesNotContain("aria-invalid");
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefusedAndStoresNothing() throws Exception {
    int before = applications();
    mvc.perform(validApplication(uniqueEmail()).with(csrf().useInvalidToken())).andExpect(status().isForbidden());
    assertThat(applications()).isEqualTo(before);
  }

  @Test
  void invalidDataComesBackWithEveryErrorNextToItsFieldAndTheValuesKept() throws Exception {
    int before = applications();
    String html =
        mvc.perform(
                post("/apply")
                    .with(csrf())
                    .param("firstName", "")
                    .param("lastName", "O'Hara <b>")
                    .param("email", "not-an-email")
                    .param("community", "birmingham")
                    .param("roleTrack", "software-engineer")
                    .param("languages", "Java")
                    .param("skills[0].name", "Java")
                    .param("skills[0].level", "9")
                    .param("workHistory[0].title", "Cashier")
                    .param("workHistory[0].employer", "Acme")
                    .param("workHistory[0].startYear", "twenty")
                    .param("projects[0].name", "Bus tracker")
                    .param("projects[0].url", "javascript:alert(1)"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(applications()).isEqualTo(before);
    // the summary, with links to the fields
    assertThat(html).contains("id=\"error-summary\"").contains("href=\"#firstName\"").contains("href=\"#email\"");
    assertThat(html).contains("First name must not be blank");
    assertThat(html).contains("Skill 1 level must be less than or equal to 5");
    assertThat(html).contains("Job 1 start year must be a whole number");
    assertThat(html).contains("Project 1 link must be an http or https URL");
    assertThat(html).contains("Consent must be true");
    // each error next to its field, announced with it
    assertThat(html).contains("id=\"firstName-error\"").contains("aria-describedby=\"firstName-error\"");
    assertThat(html).contains("id=\"email\"").contains("aria-describedby=\"email-hint email-error\"");
    assertThat(html).contains("aria-invalid=\"true\"");
    // what was typed is kept, escaped
    assertThat(html).contains("value=\"O&#39;Hara &lt;b&gt;\"").contains("value=\"not-an-email\"");
    assertThat(html).contains("value=\"twenty\"").contains("value=\"javascript:alert(1)\"");
    assertThat(html).doesNotContain("<b>\"");
  }

  @Test
  void rowsAreAddedAndRemovedWithoutCheckingTheForm() throws Exception {
    String added =
        mvc.perform(
                post("/apply")
                    .with(csrf())
                    .param("add", "skills")
                    .param("firstName", "Grace")
                    .param("skills[0].name", "COBOL")
                    .param("skills[0].level", "5"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(added).contains("id=\"skills-1-name\"").contains("value=\"COBOL\"").contains("value=\"Grace\"");
    assertThat(added).doesNotContain("error-summary");

    String removed =
        mvc.perform(
                post("/apply")
                    .with(csrf())
                    .param("remove", "skills:0")
                    .param("skills[0].name", "COBOL")
                    .param("skills[1].name", "Fortran"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(removed).contains("value=\"Fortran\"").doesNotContain("value=\"COBOL\"");
  }

  @Test
  void aValidApplicationIsStoredAndLeadsToTheConfirmationWithItsStatusLink() throws Exception {
    int before = applications();
    MvcResult result = mvc.perform(validApplication(uniqueEmail())).andExpect(status().is3xxRedirection()).andReturn();
    assertThat(applications()).isEqualTo(before + 1);
    String location = result.getResponse().getRedirectedUrl();
    assertThat(location).matches("/applications/BHM-\\d{6}/confirmation");
    String reference = location.split("/")[2];
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);
    // blank rows are dropped, lists typed into one field are split
    assertThat(jdbc.queryForObject(
            "select count(*) from application_skill s join application a on a.id = s.application_id where a.reference = ?",
            Integer.class, reference))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject(
            "select count(*) from application_project_technology t join application_project p on p.id = t.project_id"
                + " join application a on a.id = p.application_id where a.reference = ?",
            Integer.class, reference))
        .isEqualTo(2);

    Cookie cookie = caseCookie(result);
    assertThat(cookie.getPath()).isEqualTo("/applications/" + reference);
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE)).contains("SameSite=Lax");

    String confirmation =
        mvc.perform(get(location).cookie(cookie))
            .andExpect(status().isOk())
            .andExpect(header().string("Referrer-Policy", "no-referrer"))
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(confirmation).contains(reference).contains("/applications/" + reference + "?token=" + cookie.getValue());

    // without the cookie, the confirmation says to use the email's link
    mvc.perform(get(location))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("We could not open this application")));
  }

  @Test
  void aSecondActiveApplicationWithTheSameEmailComesBackWithTheExistingReference() throws Exception {
    String email = uniqueEmail();
    MvcResult first = mvc.perform(validApplication(email)).andExpect(status().is3xxRedirection()).andReturn();
    String reference = first.getResponse().getRedirectedUrl().split("/")[2];
    int before = applications();
    mvc.perform(validApplication(email))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("You already have an active application in this community")))
        .andExpect(content().string(containsString(reference)));
    assertThat(applications()).isEqualTo(before);
  }

  // --- status and withdrawal --------------------------------------------------------------

  @Test
  void theStatusLinkOpensTheApplicationInThisBrowserAndDropsTheTokenFromTheAddress() throws Exception {
    Applied application = applied();
    String page = "/applications/" + application.reference();

    MvcResult opened =
        mvc.perform(get(page + "?token=" + application.token()))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl(page))
            .andReturn();
    Cookie cookie = caseCookie(opened);
    assertThat(cookie.getValue()).isEqualTo(application.token());

    String html = mvc.perform(get(page).cookie(cookie)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(html).contains(application.reference()).contains("id=\"stage-name\"").contains("aria-current=\"step\"");
    assertThat(html).contains("Application").contains("Withdraw my application");
    assertThat(html).doesNotContain("Lovelace").doesNotContain("@example.org");

    mvc.perform(get(page + "?token=wrong-token"))
        .andExpect(status().isNotFound())
        .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE))
        .andExpect(content().string(containsString("We could not open this application")));
    mvc.perform(get(page).cookie(new Cookie(CaseCookies.NAME, "wrong-token"))).andExpect(status().isNotFound());
    mvc.perform(get("/applications/BHM-999999").cookie(cookie)).andExpect(status().isNotFound());
  }

  @Test
  void withdrawalAsksFirstNeedsTheCsrfTokenAndThenShowsWithdrawn() throws Exception {
    Applied application = applied();
    String page = "/applications/" + application.reference();
    Cookie cookie = new Cookie(CaseCookies.NAME, application.token());

    mvc.perform(get(page + "/withdraw").cookie(cookie))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Yes, withdraw my application")));
    mvc.perform(post(page + "/withdraw").cookie(cookie)).andExpect(status().isForbidden());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(application.reference()).count())
        .isEqualTo(1);

    mvc.perform(post(page + "/withdraw").cookie(cookie).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl(page));
    mvc.perform(get(page).cookie(cookie))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Withdrawn")))
        .andExpect(content().string(not(containsString("Withdraw my application"))));
    // a closed application has nothing to withdraw: back to its status
    mvc.perform(get(page + "/withdraw").cookie(cookie)).andExpect(redirectedUrl(page));
    mvc.perform(post(page + "/withdraw").cookie(new Cookie(CaseCookies.NAME, "wrong")).with(csrf()))
        .andExpect(status().isNotFound());
  }

  @Test
  void anUnknownPageIsAFriendlyPageWithoutDetails() throws Exception {
    for (String page : new String[] {"/applications/BHM-000001/nothing-here", "/communities/akron/nothing-here"}) {
      mvc.perform(get(page))
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith("text/html"))
          .andExpect(content().string(containsString("<h1>Page not found</h1>")))
          .andExpect(content().string(not(containsString("Exception"))));
    }
  }
}
