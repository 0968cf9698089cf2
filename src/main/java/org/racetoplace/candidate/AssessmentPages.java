package org.racetoplace.candidate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.racetoplace.application.ApplicationService;
import org.racetoplace.assessment.builtin.BuiltInAssessmentService;
import org.racetoplace.assessment.builtin.ItemKind;
import org.racetoplace.assessment.builtin.SittingConflictException;
import org.racetoplace.assessment.builtin.SittingItem;
import org.racetoplace.assessment.builtin.SittingRequestReader;
import org.racetoplace.assessment.builtin.SittingViews.ItemView;
import org.racetoplace.assessment.builtin.SittingViews.SittingView;
import org.racetoplace.platform.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The built-in assessment in the browser: instructions and start, one question at a time with
 * navigation and a countdown, review and submit, then a thank-you page. Every step goes through
 * {@link BuiltInAssessmentService}, exactly as the JSON API does: the server keeps the time, the
 * form and the answers, so a candidate who closes the browser and comes back within the time
 * finds the questions where they left them.
 *
 * <p>Without script, each question is saved when the candidate moves on; with script, an answer
 * is also saved as it changes ({@code …/autosave}) and the countdown ticks.
 */
@Controller
@RequestMapping("/applications/{reference}/assessment")
class AssessmentPages {

  private static final String IN_PROGRESS = "IN_PROGRESS";
  private static final String NOT_STARTED = "NOT_STARTED";

  private final BuiltInAssessmentService assessments;
  private final SittingRequestReader answers;
  private final ApplicationService applications;
  private final CommunityTimes times;

  AssessmentPages(
      BuiltInAssessmentService assessments,
      SittingRequestReader answers,
      ApplicationService applications,
      CommunityTimes times) {
    this.assessments = assessments;
    this.answers = answers;
    this.applications = applications;
    this.times = times;
  }

  /**
   * Times on these pages in the candidate's community's zone. Only the application row is read
   * (its community id is the foreign key), not the whole status with its engine queries: this
   * runs on every question.
   */
  private void addTimes(Model model, String reference, String token) {
    model.addAttribute("times", times.of(applications.authorized(reference, token).getCommunity().getId()));
  }

  /** Instructions before the start, the next unanswered question while it runs, thanks after. */
  @GetMapping
  String overview(@PathVariable String reference, Model model, HttpServletRequest request) {
    SittingView sitting = assessments.state(reference, CaseCookies.tokenFor(request));
    if (IN_PROGRESS.equals(sitting.status())) {
      return redirectToQuestion(reference, firstUnanswered(sitting));
    }
    model.addAttribute("sitting", sitting);
    model.addAttribute("timeLimitMinutes", sitting.timeLimitSeconds() / 60);
    addTimes(model, reference, CaseCookies.tokenFor(request));
    return NOT_STARTED.equals(sitting.status()) ? "candidate/assessment-start" : "candidate/assessment-finished";
  }

  @PostMapping("/start")
  String start(
      @PathVariable String reference,
      @RequestParam(name = "language", required = false) String language,
      HttpServletRequest request) {
    Optional<String> chosen = Optional.ofNullable(language).filter(name -> !name.isBlank());
    SittingView sitting = assessments.start(reference, CaseCookies.tokenFor(request), chosen).view();
    return redirectToQuestion(reference, firstUnanswered(sitting));
  }

  @GetMapping("/questions/{number}")
  String question(
      @PathVariable String reference, @PathVariable int number, Model model, HttpServletRequest request) {
    SittingView sitting = assessments.state(reference, CaseCookies.tokenFor(request));
    if (!IN_PROGRESS.equals(sitting.status())) {
      return "redirect:/applications/" + reference + "/assessment";
    }
    if (number < 1 || number > sitting.items().size()) {
      return redirectToQuestion(reference, 1);
    }
    addTimes(model, reference, CaseCookies.tokenFor(request));
    return questionPage(model, sitting, number, null);
  }

  /**
   * Saves the answer and moves on: {@code go} is {@code previous}, {@code next}, {@code review}
   * or a question number. An answer that does not fit the question comes back with the problem.
   */
  @PostMapping("/questions/{number}")
  String answer(
      @PathVariable String reference,
      @PathVariable int number,
      @RequestParam(name = "choice", required = false) String choice,
      @RequestParam(name = "choices", required = false) List<String> choices,
      @RequestParam(name = "text", required = false) String text,
      @RequestParam(name = "go", defaultValue = "next") String go,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String token = CaseCookies.tokenFor(request);
    SittingView sitting = assessments.state(reference, token);
    if (!IN_PROGRESS.equals(sitting.status())) {
      return "redirect:/applications/" + reference + "/assessment";
    }
    if (number < 1 || number > sitting.items().size()) {
      return redirectToQuestion(reference, 1);
    }
    ItemView item = sitting.items().get(number - 1);
    try {
      save(reference, token, item, choice, choices, text);
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      addTimes(model, reference, token);
      return questionPage(model, assessments.state(reference, token), number, e.getErrors().get(0).message());
    } catch (SittingConflictException e) {
      // the time ran out (the sitting is scored as it stood) or it is over: the overview says so
      return "redirect:/applications/" + reference + "/assessment";
    }
    return switch (go) {
      case "previous" -> redirectToQuestion(reference, Math.max(1, number - 1));
      case "review" -> "redirect:/applications/" + reference + "/assessment/review";
      case "next" ->
          number >= sitting.items().size()
              ? "redirect:/applications/" + reference + "/assessment/review"
              : redirectToQuestion(reference, number + 1);
      default -> redirectToQuestion(reference, questionNumber(go, sitting.items().size(), number));
    };
  }

  /** The script's autosave: 204 when saved, 400 for an answer that does not fit, 409 when over. */
  @PostMapping("/questions/{number}/autosave")
  ResponseEntity<Void> autosave(
      @PathVariable String reference,
      @PathVariable int number,
      @RequestParam(name = "choice", required = false) String choice,
      @RequestParam(name = "choices", required = false) List<String> choices,
      @RequestParam(name = "text", required = false) String text,
      HttpServletRequest request) {
    String token = CaseCookies.tokenFor(request);
    SittingView sitting = assessments.state(reference, token);
    if (!IN_PROGRESS.equals(sitting.status())) {
      return ResponseEntity.status(HttpStatus.CONFLICT).build();
    }
    if (number < 1 || number > sitting.items().size()) {
      return ResponseEntity.notFound().build();
    }
    try {
      save(reference, token, sitting.items().get(number - 1), choice, choices, text);
    } catch (InvalidRequestException e) {
      return ResponseEntity.badRequest().build();
    } catch (SittingConflictException e) {
      return ResponseEntity.status(HttpStatus.CONFLICT).build();
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/review")
  String review(@PathVariable String reference, Model model, HttpServletRequest request) {
    SittingView sitting = assessments.state(reference, CaseCookies.tokenFor(request));
    if (!IN_PROGRESS.equals(sitting.status())) {
      return "redirect:/applications/" + reference + "/assessment";
    }
    model.addAttribute("sitting", sitting);
    model.addAttribute("unanswered", sitting.itemCount() - sitting.answeredCount());
    return "candidate/assessment-review";
  }

  @PostMapping("/submit")
  String submit(@PathVariable String reference, HttpServletRequest request) {
    try {
      assessments.submit(reference, CaseCookies.tokenFor(request));
    } catch (SittingConflictException e) {
      // the time ran out first: the sitting was scored as it stood, which the overview says
    }
    return "redirect:/applications/" + reference + "/assessment";
  }

  private String questionPage(Model model, SittingView sitting, int number, String problem) {
    ItemView item = sitting.items().get(number - 1);
    model.addAttribute("sitting", sitting);
    model.addAttribute("item", item);
    model.addAttribute("number", number);
    model.addAttribute("last", number == sitting.items().size());
    model.addAttribute("choiceKind", ItemKind.SINGLE_CHOICE.code().equals(item.kind()));
    model.addAttribute("multipleKind", ItemKind.MULTIPLE_CHOICE.code().equals(item.kind()));
    model.addAttribute("problem", problem);
    return "candidate/assessment-question";
  }

  private void save(
      String reference, String token, ItemView item, String choice, List<String> choices, String text) {
    assessments.saveAnswer(
        reference,
        token,
        item.id(),
        sittingItem -> answers.readAnswer(tree(sittingItem, choice, choices, text), sittingItem));
  }

  /** The form's fields as the API's answer body, so both are checked by the same reader. */
  static JsonNode tree(SittingItem item, String choice, List<String> choices, String text) {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    switch (item.getKind()) {
      case SINGLE_CHOICE -> {
        if (choice == null || choice.isBlank()) {
          tree.putNull("choice");
        } else {
          tree.put("choice", choice);
        }
      }
      case MULTIPLE_CHOICE -> {
        ArrayNode chosen = tree.putArray("choices");
        if (choices != null) {
          choices.stream().filter(id -> !id.isBlank()).forEach(chosen::add);
        }
      }
      case OUTPUT_PREDICTION, SHORT_ANSWER -> {
        if (text == null) {
          tree.putNull("text");
        } else {
          tree.put("text", text);
        }
      }
    }
    return tree;
  }

  private static int firstUnanswered(SittingView sitting) {
    if (sitting.items() == null) {
      return 1;
    }
    for (ItemView item : sitting.items()) {
      if (item.answer() == null) {
        return item.number();
      }
    }
    return 1;
  }

  private static int questionNumber(String go, int count, int fallback) {
    try {
      int number = Integer.parseInt(go);
      return number >= 1 && number <= count ? number : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String redirectToQuestion(String reference, int number) {
    return "redirect:/applications/" + reference + "/assessment/questions/" + number;
  }
}
