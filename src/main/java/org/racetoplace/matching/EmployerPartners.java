package org.racetoplace.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.racetoplace.platform.identity.IdentitySetup;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers employer partners: the record, and the Camunda group {@code employer-<slug>} with its
 * Tasklist access and filter, in one transaction (the engine shares it), so a partner never
 * exists without the group its reviewers need. Editing a partner's name renames its group and
 * filter in the same way.
 */
@Service
public class EmployerPartners {

  static final String TITLE = "Invalid employer partner";
  /** Lower-case words of letters and digits joined by '-', as Camunda group ids allow. */
  static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  static final int MAX_SLUG_LENGTH = 60;
  static final int MAX_NAME_LENGTH = 150;
  static final int MAX_EMAIL_LENGTH = 254;

  private final EmployerPartnerRepository employers;
  private final IdentitySetup identitySetup;
  private final Clock clock;

  @Autowired
  public EmployerPartners(EmployerPartnerRepository employers, IdentitySetup identitySetup) {
    this(employers, identitySetup, Clock.systemUTC());
  }

  EmployerPartners(EmployerPartnerRepository employers, IdentitySetup identitySetup, Clock clock) {
    this.employers = employers;
    this.identitySetup = identitySetup;
    this.clock = clock;
  }

  /**
   * @param slug e.g. {@code magic-city-software}; names the group {@code employer-<slug>}
   * @param name as candidates and staff know the company
   * @param contactEmail optional
   * @throws InvalidRequestException for a malformed or taken slug, a blank name, a bad email
   */
  @Transactional
  public EmployerPartner register(String slug, String name, String contactEmail) {
    List<FieldProblem> problems = new ArrayList<>();
    if (slug == null || slug.length() > MAX_SLUG_LENGTH || !SLUG.matcher(slug).matches()) {
      problems.add(
          new FieldProblem(
              "slug", "must be lower-case words of letters and digits joined by '-', at most " + MAX_SLUG_LENGTH + " characters"));
    } else if (employers.existsBySlug(slug)) {
      problems.add(new FieldProblem("slug", "'" + slug + "' is taken by another employer partner"));
    }
    String email = checkDetails(name, contactEmail, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(TITLE, problems);
    }
    EmployerPartner partner =
        employers.saveAndFlush(new EmployerPartner(slug, name.trim(), email, Instant.now(clock)));
    identitySetup.setUpEmployer(slug, partner.getName());
    return partner;
  }

  /**
   * Changes a partner's name and contact address, checked as at registration; its Tasklist group
   * and filter follow the new name. The slug stays: it names the group {@code employer-<slug>}
   * that the partner's reviewers and its open tasks belong to.
   *
   * @param slugInBody the slug the request carries, if any; it must be the partner's own
   * @param contactEmail optional: left out or blank, the partner has no contact address
   * @throws EmployerNotFoundException for an unknown slug
   * @throws InvalidRequestException for another slug, a blank name, a bad email; nothing changes
   */
  @Transactional
  public EmployerPartner edit(String slug, String slugInBody, String name, String contactEmail) {
    EmployerPartner partner = employers.findBySlug(slug).orElseThrow(() -> new EmployerNotFoundException(slug));
    List<FieldProblem> problems = new ArrayList<>();
    if (slugInBody != null && !slugInBody.equals(slug)) {
      problems.add(
          new FieldProblem(
              "slug", "cannot change: '" + slug + "' names the partner's Tasklist group employer-" + slug));
    }
    String email = checkDetails(name, contactEmail, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(TITLE, problems);
    }
    String previousName = partner.getName();
    partner.changeDetails(name.trim(), email);
    partner = employers.saveAndFlush(partner);
    identitySetup.renameEmployer(slug, previousName, partner.getName());
    return partner;
  }

  /** Checks the name and the contact address, adding each problem; returns the address to store. */
  private static String checkDetails(String name, String contactEmail, List<FieldProblem> problems) {
    if (name == null || name.isBlank()) {
      problems.add(new FieldProblem("name", "must not be blank"));
    } else if (name.trim().length() > MAX_NAME_LENGTH) {
      problems.add(new FieldProblem("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
    }
    String email = contactEmail == null || contactEmail.isBlank() ? null : contactEmail.trim();
    if (email != null
        && (email.length() > MAX_EMAIL_LENGTH || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
      problems.add(new FieldProblem("contactEmail", "must be an email address"));
    }
    return email;
  }

  /**
   * Activates or deactivates a partner: an inactive partner's openings are proposed to nobody.
   *
   * @throws EmployerNotFoundException for an unknown slug
   */
  @Transactional
  public EmployerPartner changeActive(String slug, boolean active) {
    EmployerPartner partner = employers.findBySlug(slug).orElseThrow(() -> new EmployerNotFoundException(slug));
    partner.changeActive(active);
    return employers.saveAndFlush(partner);
  }
}
