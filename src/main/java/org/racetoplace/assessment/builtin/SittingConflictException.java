package org.racetoplace.assessment.builtin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.racetoplace.application.ProgrammingLanguage;
import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 409: the request does not fit where the sitting stands. Every answer has type {@code conflict}
 * and a {@code reason} a client may branch on (docs/assessment.md lists them); nothing was
 * changed by the request.
 */
public class SittingConflictException extends ErrorResponseException {

  /** Why, as the problem's {@code reason}. */
  public enum Reason {
    NOT_STARTED("not-started"),
    ALREADY_TAKEN("already-taken"),
    SITTING_FINISHED("sitting-finished"),
    TIME_UP("time-up"),
    INVITATION_CLOSED("invitation-closed"),
    NO_LANGUAGE("no-language");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final Reason reason;

  private SittingConflictException(Reason reason, String title, String detail, Map<String, Object> extra) {
    super(HttpStatus.CONFLICT, problem(reason, title, detail, extra), null);
    this.reason = reason;
  }

  public Reason getReason() {
    return reason;
  }

  private static ProblemDetail problem(Reason reason, String title, String detail, Map<String, Object> extra) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setType(ProblemTypes.CONFLICT);
    problem.setTitle(title);
    problem.setProperty("reason", reason.code());
    if (extra != null) {
      extra.forEach(problem::setProperty);
    }
    return problem;
  }

  static SittingConflictException notStarted() {
    return new SittingConflictException(
        Reason.NOT_STARTED, "Assessment not started", "Start the assessment before answering or submitting.", null);
  }

  static SittingConflictException alreadyTaken(SittingStatus status) {
    return new SittingConflictException(
        Reason.ALREADY_TAKEN,
        "Assessment already taken",
        "An application has one sitting of the assessment, and this one's is over.",
        Map.of("sittingStatus", status.name()));
  }

  static SittingConflictException finished(SittingStatus status) {
    return new SittingConflictException(
        Reason.SITTING_FINISHED,
        "Sitting is over",
        status == SittingStatus.SUBMITTED
            ? "The assessment was submitted; answers can no longer be changed."
            : "The sitting was closed without a result: the application no longer waits for an assessment.",
        Map.of("sittingStatus", status.name()));
  }

  static SittingConflictException timeUp(Instant deadline) {
    return new SittingConflictException(
        Reason.TIME_UP,
        "Time is up",
        "The time for the assessment ran out; the answers saved until then were scored.",
        Map.of("deadline", deadline.toString()));
  }

  static SittingConflictException invitationClosed() {
    return new SittingConflictException(
        Reason.INVITATION_CLOSED,
        "Invitation not open",
        "The application is not invited to the assessment: its deadline has passed, or the application is"
            + " not (or no longer) at the assessment stage.",
        null);
  }

  static SittingConflictException noLanguage(List<ProgrammingLanguage> offered) {
    return new SittingConflictException(
        Reason.NO_LANGUAGE,
        "No language to assess",
        "The built-in assessment does not test any of the application's languages.",
        Map.of("offeredLanguages", offered.stream().map(ProgrammingLanguage::displayName).toList()));
  }
}
