package org.racetoplace.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The application form as a screen reader meets it, without a browser: every control has a
 * label, and a control with a problem is marked invalid and points at the words of its problem.
 * The browser suite audits the same pages with axe-core.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureMockMvc
class ApplicationFormLabelsWebTest {

  @Autowired MockMvc mvc;

  private Document page(MockHttpServletRequestBuilder request) throws Exception {
    return Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString());
  }

  /** The controls a person fills in or presses, as "id: what is wrong" for those without a label. */
  private static List<String> unlabelled(Document page) {
    List<String> missing = new ArrayList<>();
    for (Element control : page.select("form input:not([type=hidden]), form select, form textarea")) {
      String id = control.id();
      boolean labelFor = !id.isEmpty() && !page.select("label[for=" + id + "]").text().isBlank();
      boolean ariaLabel = !control.attr("aria-label").isBlank();
      boolean labelledBy =
          !control.attr("aria-labelledby").isBlank()
              && page.getElementById(control.attr("aria-labelledby")) != null;
      if (!(labelFor || ariaLabel || labelledBy)) {
        missing.add((id.isEmpty() ? control.attr("name") : id) + ": no label");
      }
    }
    return missing;
  }

  @Test
  void everyControlOfTheEmptyFormHasALabel() throws Exception {
    Document form = page(get("/apply"));
    assertThat(form.select("form input:not([type=hidden]), form select, form textarea")).hasSizeGreaterThan(20);
    assertThat(unlabelled(form)).isEmpty();
  }

  @Test
  void everyControlOfAddedRowsHasItsOwnLabel() throws Exception {
    Document form = page(post("/apply").with(csrf()).param("skills[0].name", "Java").param("add", "skills"));
    assertThat(form.getElementById("skills-1-name")).isNotNull();
    assertThat(form.select("label[for=skills-1-name]").text()).isEqualTo("Skill 2");
    assertThat(form.select("label[for=skills-1-level]").text()).isEqualTo("Skill 2 level");
    assertThat(unlabelled(form)).isEmpty();
  }

  @Test
  void aControlWithAProblemIsInvalidAndDescribedByItsError() throws Exception {
    Document form =
        page(
            post("/apply")
                .with(csrf())
                .param("firstName", "")
                .param("email", "ada@")
                .param("projects[0].name", "Bus tracker")
                .param("projects[0].url", "javascript:alert(1)")
                // longer than any choice of the list: only a tampered form sends it
                .param("sex", "x".repeat(61)));
    assertThat(unlabelled(form)).isEmpty();
    List<Element> invalid = form.select("[aria-invalid=true]");
    assertThat(invalid)
        .extracting(Element::id)
        .contains("firstName", "email", "community", "consent", "projects-0-url", "sex")
        // every choice of a group with a problem: no role and no language chosen
        .contains("roleTrack-software-engineer", "roleTrack-web-developer", "language-0", "language-1");
    for (Element control : invalid) {
      List<Element> described = new ArrayList<>();
      for (String id : control.attr("aria-describedby").split("\\s+")) {
        Element target = form.getElementById(id);
        assertThat(target).as(control.id() + " is described by #" + id).isNotNull();
        described.add(target);
      }
      assertThat(described).as(control.id() + " points at its error").anyMatch(element -> element.hasClass("error") && !element.text().isBlank());
    }
    Element summary = form.getElementById("error-summary");
    assertThat(summary).isNotNull();
    assertThat(summary.attr("role")).isEqualTo("alert");
    assertThat(summary.attr("tabindex")).isEqualTo("-1");
    // each problem in the summary links to an element of the page
    for (Element link : summary.select("a[href^=#]")) {
      assertThat(form.getElementById(link.attr("href").substring(1))).as(link.text()).isNotNull();
    }
  }

  @Test
  void theAddedRowGetsTheFocusSoAKeyboardUserContinuesThere() throws Exception {
    Document form =
        page(post("/apply").with(csrf()).param("workHistory[0].title", "Cashier").param("add", "workHistory"));
    assertThat(form.select("[autofocus]")).extracting(Element::id).containsExactly("workHistory-1-title");
    assertThat(page(get("/apply")).select("[autofocus]")).isEmpty();
  }
}
