package org.racetoplace.matching;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.racetoplace.matching.MatchingViews.EmployerView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Employer partners for staff: list, read, register (with its Tasklist group), edit the name and
 * contact address, activate or deactivate. Staff, program managers and admins only (403 otherwise); 400 lists every field
 * problem and stores nothing; 404 for an unknown slug.
 */
@RestController
@RequestMapping(path = "/api/employers", produces = MediaType.APPLICATION_JSON_VALUE)
class EmployerController {

  private final EmployerPartnerRepository employers;
  private final EmployerPartners partners;
  private final MatchingRequestReader reader;

  EmployerController(EmployerPartnerRepository employers, EmployerPartners partners, MatchingRequestReader reader) {
    this.employers = employers;
    this.partners = partners;
    this.reader = reader;
  }

  @GetMapping
  @Transactional(readOnly = true)
  List<EmployerView> list(Authentication authentication) {
    StaffAccess.require(authentication);
    return employers.findAll().stream()
        .sorted(Comparator.comparing(EmployerPartner::getSlug))
        .map(EmployerView::of)
        .toList();
  }

  @GetMapping("/{slug}")
  @Transactional(readOnly = true)
  EmployerView get(@PathVariable String slug, Authentication authentication) {
    StaffAccess.require(authentication);
    return EmployerView.of(employers.findBySlug(slug).orElseThrow(() -> new EmployerNotFoundException(slug)));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<EmployerView> register(@RequestBody byte[] body, Authentication authentication) {
    StaffAccess.require(authentication);
    MatchingRequestReader.EmployerRequest request = reader.readEmployer(body);
    EmployerPartner partner = partners.register(request.slug(), request.name(), request.contactEmail());
    return ResponseEntity.created(URI.create("/api/employers/" + partner.getSlug())).body(EmployerView.of(partner));
  }

  /**
   * The body of a registration, {@code {"slug","name","contactEmail"}}: changes the name and the
   * contact address (left out, the partner has none). The slug may be left out; given, it must be
   * the partner's own, since it names the Tasklist group.
   */
  @PutMapping(path = "/{slug}", consumes = MediaType.APPLICATION_JSON_VALUE)
  EmployerView edit(@PathVariable String slug, @RequestBody byte[] body, Authentication authentication) {
    StaffAccess.require(authentication);
    MatchingRequestReader.EmployerRequest request = reader.readEmployer(body);
    return EmployerView.of(partners.edit(slug, request.slug(), request.name(), request.contactEmail()));
  }

  /** {@code {"active":false}}: an inactive partner's openings are proposed to nobody. */
  @PutMapping(path = "/{slug}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
  EmployerView changeStatus(@PathVariable String slug, @RequestBody byte[] body, Authentication authentication) {
    StaffAccess.require(authentication);
    boolean active = reader.readEmployerStatus(body);
    return EmployerView.of(partners.changeActive(slug, active));
  }
}
