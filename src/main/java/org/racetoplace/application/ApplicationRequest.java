package org.racetoplace.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/applications}. Field names are the public contract (see
 * docs/api.md). The constraints here are the rules that need nothing but the request; the
 * catalog and calendar rules (community, role track, languages, URLs, years) are in
 * {@link ApplicationRules}, which reports both kinds together.
 */
public record ApplicationRequest(
    @NotBlank @Size(max = 100) String firstName,
    @NotBlank @Size(max = 100) String lastName,
    @NotBlank
        @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address")
        String email,
    @Size(max = 30)
        @Pattern(
            regexp = "\\+?[0-9][0-9 ()./-]{5,28}",
            message = "must be a phone number: digits, spaces, + ( ) . / - only")
        String phone,
    @NotBlank @Size(max = 40) String community,
    @NotBlank @Size(max = 40) String roleTrack,
    @NotEmpty @Size(max = 12) List<@NotBlank @Size(max = 20) String> languages,
    @Size(max = 50) List<@NotNull @Valid SkillRequest> skills,
    @Size(max = 20) List<@NotNull @Valid WorkHistoryRequest> workHistory,
    @Size(max = 20) List<@NotNull @Valid ProjectRequest> projects,
    @Size(max = 20) List<@NotNull @Valid CertificateRequest> certificates,
    @Valid SelfIdentificationRequest selfIdentification,
    @NotNull @AssertTrue(message = "must be true: we can only process an application with consent")
        Boolean consent) {

  /** Surrounding blanks in an email are a copy-and-paste accident, not a different address. */
  public ApplicationRequest {
    email = email == null ? null : email.strip();
  }

  public List<SkillRequest> skillsOrEmpty() {
    return skills == null ? List.of() : skills;
  }

  public List<WorkHistoryRequest> workHistoryOrEmpty() {
    return workHistory == null ? List.of() : workHistory;
  }

  public List<ProjectRequest> projectsOrEmpty() {
    return projects == null ? List.of() : projects;
  }

  public List<CertificateRequest> certificatesOrEmpty() {
    return certificates == null ? List.of() : certificates;
  }

  public List<String> languagesOrEmpty() {
    return languages == null ? List.of() : languages;
  }

  /** Mentions no personal data, in case a request ever ends up in a log. */
  @Override
  public String toString() {
    return "ApplicationRequest[community=" + community + ", roleTrack=" + roleTrack + "]";
  }

  public record SkillRequest(
      @NotBlank @Size(max = 100) String name, @NotNull @Min(1) @Max(5) Integer level) {}

  /** Years are checked against the calendar in {@link ApplicationRules}. */
  public record WorkHistoryRequest(
      @NotBlank @Size(max = 100) String title,
      @NotBlank @Size(max = 100) String employer,
      @NotNull Integer startYear,
      Integer endYear) {}

  /** The URL is checked (http or https only) in {@link ApplicationRules}. */
  public record ProjectRequest(
      @NotBlank @Size(max = 100) String name,
      @Size(max = 500) String url,
      @Size(max = 2000) String description,
      @Size(max = 20) List<@NotBlank @Size(max = 50) String> technologies) {

    public List<String> technologiesOrEmpty() {
      return technologies == null ? List.of() : technologies;
    }
  }

  public record CertificateRequest(
      @NotBlank @Size(max = 150) String name,
      @NotBlank @Size(max = 150) String issuer,
      @NotNull Integer year,
      @Size(max = 500) String url) {}

  /** Voluntary: either field may be left out. Free text until reports settle on categories. */
  public record SelfIdentificationRequest(
      @Size(max = 60) String sex, @Size(max = 100) String raceEthnicity) {

    @Override
    public String toString() {
      return "SelfIdentificationRequest[…]";
    }
  }
}
