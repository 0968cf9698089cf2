package org.racetoplace.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Checks of the page a browser shows, for the candidates' pages: Deque's axe-core against the
 * WCAG 2.0 and 2.1 A and AA rules (labels, contrast, landmarks, headings, ARIA …), and that the
 * page fits the screen's width with every form control inside it.
 */
final class AccessibilityAudit {

  /** The axe tags of WCAG 2.1 level AA, which includes 2.0 and level A. */
  static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private AccessibilityAudit() {}

  /** Runs axe on the whole page; fails listing every violation with the elements it found. */
  static void assertNoViolations(WebDriver browser, String page) {
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
    assertThat(results.isErrored()).as("axe ran on " + page + ": " + results.getErrorMessage()).isFalse();
    // the audit did look: rules that apply to every page, contrast among them, were checked
    assertThat(results.getPasses()).extracting(Rule::getId).as(page + ": rules checked").contains("html-has-lang", "document-title", "color-contrast");
    assertThat(results.getViolations()).as(page + " has accessibility violations:\n" + describe(results.getViolations())).isEmpty();
  }

  private static String describe(List<Rule> violations) {
    return violations.stream()
        .map(
            rule ->
                "- "
                    + rule.getId()
                    + " ("
                    + rule.getImpact()
                    + "): "
                    + rule.getHelp()
                    + rule.getNodes().stream().map(AccessibilityAudit::describe).collect(Collectors.joining()))
        .collect(Collectors.joining("\n"));
  }

  private static String describe(CheckedNode node) {
    return "\n    " + node.getTarget() + " " + node.getHtml() + "\n      " + String.valueOf(node.getFailureSummary()).replace("\n", " ");
  }

  /**
   * Fails if the page scrolls sideways or a visible input, select, text area or button reaches
   * past the screen's edge (on a phone, a control cut off at the edge is as bad as a scroll bar).
   */
  @SuppressWarnings("unchecked")
  static void assertFitsWidth(WebDriver browser, String page) {
    JavascriptExecutor script = (JavascriptExecutor) browser;
    Number scrollWidth = (Number) script.executeScript("return document.documentElement.scrollWidth;");
    Number clientWidth = (Number) script.executeScript("return document.documentElement.clientWidth;");
    assertThat(scrollWidth.intValue()).as(page + " scrolls sideways (scroll width vs. screen width)").isLessThanOrEqualTo(clientWidth.intValue());
    List<String> outside =
        (List<String>)
            script.executeScript(
                "var width = document.documentElement.clientWidth, outside = [];"
                    + "document.querySelectorAll('input, select, textarea, button, .button').forEach(function (control) {"
                    + "  var box = control.getBoundingClientRect();"
                    + "  if (box.width === 0 || box.height === 0 || box.right < 0) { return; }"
                    + "  if (box.left < 0 || box.right > width + 0.5) {"
                    + "    outside.push((control.id || control.name || control.textContent.trim()) + ' ' + box.left + '..' + box.right);"
                    + "  }"
                    + "});"
                    + "return outside;");
    assertThat(outside).as(page + ": controls reaching past the " + clientWidth + " px wide screen").isEmpty();
  }
}
