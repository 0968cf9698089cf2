package org.racetoplace.candidate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.racetoplace.application.ApplicationRequest;
import org.racetoplace.application.ApplicationRules;
import org.racetoplace.application.ApplicationService;
import org.racetoplace.application.ApplicationService.StatusView;
import org.racetoplace.application.ApplicationService.Submission;
import org.racetoplace.application.ApplicationStatus;
import org.racetoplace.application.CandidateStage;
import org.racetoplace.application.DuplicateApplicationException;
import org.racetoplace.application.ProgrammingLanguage;
import org.racetoplace.application.RoleTrack;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The candidates' pages: what the program is, the application form, the confirmation, the status
 * page and withdrawal. Plain HTML forms that work without script; the rules are those of the JSON
 * API ({@link ApplicationRules}), applied to the same {@link ApplicationRequest}.
 */
@Controller
class CandidatePages {

  static final List<String> SEX_OPTIONS = List.of("Female", "Male", "Another sex");

  /** The race and ethnicity categories of the EEO-1 report, so the fairness report can use them. */
  static final List<String> RACE_ETHNICITY_OPTIONS =
      List.of(
          "Hispanic or Latino",
          "White",
          "Black or African American",
          "Native Hawaiian or Other Pacific Islander",
          "Asian",
          "American Indian or Alaska Native",
          "Two or more races");

  private final CommunityRepository communities;
  private final ApplicationRules rules;
  private final ApplicationService applications;
  private final CommunityTimes times;
  private final ProgramTimes programTimes;

  CandidatePages(
      CommunityRepository communities,
      ApplicationRules rules,
      ApplicationService applications,
      CommunityTimes times,
      ProgramTimes programTimes) {
    this.communities = communities;
    this.rules = rules;
    this.applications = applications;
    this.times = times;
    this.programTimes = programTimes;
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("communities", communities.findByActiveTrueOrderByName());
    model.addAttribute("steps", StageTimeline.steps(programTimes));
    model.addAttribute("programTimes", programTimes);
    return "candidate/home";
  }

  @GetMapping("/communities/{community}")
  String community(@PathVariable String community, Model model) {
    model.addAttribute("community", activeCommunity(community));
    model.addAttribute("steps", StageTimeline.steps(programTimes));
    model.addAttribute("programTimes", programTimes);
    return "candidate/community";
  }

  @GetMapping("/apply")
  String applicationForm(@RequestParam(required = false) String community, Model model) {
    String preselected =
        community != null && communities.findById(community).filter(Community::isActive).isPresent()
            ? community
            : null;
    model.addAttribute("form", ApplicationForm.blank(preselected));
    return formPage(model);
  }

  /**
   * The form comes back: to add or remove a row (nothing is checked), or to apply. Rows the
   * candidate left blank are dropped; any problem sends the form back with every problem next to
   * its field and in a summary, and nothing is stored.
   */
  @PostMapping("/apply")
  String apply(
      @ModelAttribute("form") ApplicationForm form,
      BindingResult binding,
      @RequestParam(name = "add", required = false) String addSection,
      @RequestParam(name = "remove", required = false) String removeRow,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (addSection != null) {
      if (form.addRow(addSection)) {
        // a keyboard or screen reader user carries on in the new row, not at the top of the page
        model.addAttribute("focusField", FieldLabels.idOf(form.firstFieldOfLastRow(addSection)));
      }
      return formPage(model);
    }
    if (removeRow != null) {
      removeRow(form, removeRow);
      form.ensureRows();
      return formPage(model);
    }
    form.dropBlankRows();
    List<FieldProblem> problems = new ArrayList<>();
    ApplicationRequest application = form.toRequest(problems);
    Community community;
    try {
      community = rules.check(application, problems);
    } catch (InvalidRequestException e) {
      reject(binding, form, e.getErrors());
      form.ensureRows();
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return formPage(model);
    }
    Submission submission;
    try {
      submission = applications.submit(application, community);
    } catch (DuplicateApplicationException e) {
      model.addAttribute("existingReference", e.getExistingReference());
      binding.reject("duplicate", "You already have an active application in this community.");
      form.ensureRows();
      response.setStatus(HttpStatus.CONFLICT.value());
      return formPage(model);
    }
    CaseCookies.remember(request, response, submission.reference(), submission.statusToken());
    return "redirect:/applications/" + submission.reference() + "/confirmation";
  }

  @GetMapping("/applications/{reference}/confirmation")
  String confirmation(@PathVariable String reference, Model model, HttpServletRequest request) {
    String token = CaseCookies.tokenFor(request);
    StatusView status = applications.status(reference, token);
    model.addAttribute("status", status);
    // the address this browser uses, which behind a proxy is the public one (forwarded headers)
    model.addAttribute(
        "statusLink",
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/applications/{reference}")
            .queryParam("token", token)
            .buildAndExpand(reference)
            .toUriString());
    model.addAttribute("steps", StageTimeline.steps(programTimes));
    return "candidate/confirmation";
  }

  /**
   * The status page. Opened from the email's link ({@code ?token=}), it checks the token, keeps
   * it in this application's cookie and redirects to the address without it.
   */
  @GetMapping("/applications/{reference}")
  String status(
      @PathVariable String reference,
      @RequestParam(name = "token", required = false) String token,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (token != null) {
      applications.status(reference, token);
      CaseCookies.remember(request, response, reference, token);
      return "redirect:/applications/" + reference;
    }
    StatusView status = applications.status(reference, CaseCookies.tokenFor(request));
    model.addAttribute("status", status);
    model.addAttribute("times", times.of(status.community()));
    model.addAttribute("roleTrack", RoleTrack.fromCode(status.roleTrack()).map(RoleTrack::title).orElse(status.roleTrack()));
    model.addAttribute(
        "timelineStep", StageTimeline.stepOf(status.stage()).map(StageTimeline.Step::title).orElse(status.stage()));
    model.addAttribute("timeline", StageTimeline.of(status.stage(), programTimes));
    model.addAttribute("assessmentOpen", CandidateStage.ASSESS.label().equals(status.stage()));
    model.addAttribute("active", isActive(status));
    return "candidate/status";
  }

  /**
   * An address under the candidates' pages that is none of them (a link cut short or mistyped):
   * a page that says so. Without this the unknown path reached the API's problem+json answer.
   */
  @GetMapping({"/communities/{community}/**", "/applications/{reference}/**"})
  String unknownPage() {
    ResponseStatusException notFound =
        new ResponseStatusException(
            HttpStatus.NOT_FOUND, "There is no page at this address. Check the link, or start from the home page.");
    notFound.setTitle("Page not found");
    throw notFound;
  }

  @GetMapping("/applications/{reference}/withdraw")
  String confirmWithdrawal(@PathVariable String reference, Model model, HttpServletRequest request) {
    StatusView status = applications.status(reference, CaseCookies.tokenFor(request));
    if (!isActive(status)) {
      return "redirect:/applications/" + reference;
    }
    model.addAttribute("status", status);
    return "candidate/withdraw";
  }

  @PostMapping("/applications/{reference}/withdraw")
  String withdraw(@PathVariable String reference, HttpServletRequest request) {
    applications.withdraw(reference, CaseCookies.tokenFor(request));
    return "redirect:/applications/" + reference;
  }

  private String formPage(Model model) {
    model.addAttribute("communities", communities.findByActiveTrueOrderByName());
    model.addAttribute("roleTracks", RoleTrack.values());
    model.addAttribute("languageOptions", ProgrammingLanguage.displayNames());
    model.addAttribute("levels", IntStream.rangeClosed(1, 5).boxed().toList());
    model.addAttribute("sexOptions", SEX_OPTIONS);
    model.addAttribute("raceEthnicityOptions", RACE_ETHNICITY_OPTIONS);
    model.addAttribute("rowLimits", ApplicationForm.ROW_LIMITS);
    model.addAttribute("labels", new Labels());
    return "candidate/apply";
  }

  /** For the page: {@code ${labels.of('skills[1].level')}}, {@code ${labels.id(…)}}. */
  public static final class Labels {
    public String of(String field) {
      return FieldLabels.of(field);
    }

    public String id(String field) {
      return FieldLabels.idOf(field);
    }
  }

  private static void removeRow(ApplicationForm form, String sectionAndIndex) {
    int colon = sectionAndIndex.lastIndexOf(':');
    if (colon > 0) {
      try {
        form.removeRow(
            sectionAndIndex.substring(0, colon), Integer.parseInt(sectionAndIndex.substring(colon + 1)));
      } catch (NumberFormatException ignored) {
        // a hand-made request; the form comes back as it was
      }
    }
  }

  /**
   * Puts each problem on the form field it is about: the JSON paths of the API are the form's
   * paths except for lists typed into one field (languages, a project's technologies) and the
   * self-identification, which the page shows as two top-level fields.
   */
  static void reject(BindingResult binding, ApplicationForm form, List<FieldProblem> problems) {
    BeanWrapperImpl bean = new BeanWrapperImpl(form);
    List<String> seen = new ArrayList<>();
    for (FieldProblem problem : problems) {
      String field = formField(problem.field());
      // one message per field: the first is the one that matters (a number that is not one)
      if (seen.contains(field)) {
        continue;
      }
      seen.add(field);
      if (bean.isReadableProperty(field)) {
        binding.rejectValue(field, "invalid", problem.message());
      } else {
        binding.reject("invalid", problem.field() + " " + problem.message());
      }
    }
  }

  static String formField(String apiField) {
    if (apiField.startsWith("languages")) {
      return "languages";
    }
    if (apiField.startsWith("selfIdentification.")) {
      return apiField.substring("selfIdentification.".length());
    }
    if (apiField.equals("selfIdentification")) {
      return "sex";
    }
    int technologies = apiField.indexOf(".technologies");
    if (technologies > 0) {
      return apiField.substring(0, technologies) + ".technologies";
    }
    return apiField;
  }

  private static boolean isActive(StatusView status) {
    return ApplicationStatus.valueOf(status.status()).isActive();
  }

  private Community activeCommunity(String id) {
    Optional<Community> community = communities.findById(id).filter(Community::isActive);
    return community.orElseThrow(
        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "We do not run the program in that community."));
  }
}
