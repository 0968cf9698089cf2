package org.racetoplace.platform.demo;

import static org.racetoplace.matching.OpeningSkill.preferred;
import static org.racetoplace.matching.OpeningSkill.required;

import java.util.List;
import org.racetoplace.matching.EmployerPartnerRepository;
import org.racetoplace.matching.EmployerPartners;
import org.racetoplace.matching.JobOpenings;
import org.racetoplace.matching.NewOpening;
import org.racetoplace.matching.OpeningSkill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: seven made-up employer partners — one per community and one remote-friendly
 * — with open software engineer and web developer roles whose skills fit the demo candidates
 * (Java, Python or JavaScript with SQL, HTML and Git), so the Match stage has something to
 * propose. Registered through the same services as real partners, so each gets its Camunda group
 * {@code employer-<slug>}. {@code magic-city-software} is the group of the demo user {@code
 * employer}.
 *
 * <p>Idempotent: does nothing once any employer partner exists, so a restart or a database with
 * real partners gets no demo ones.
 */
@Component
@Profile("demo")
public class DemoEmployers {

  private static final Logger log = LoggerFactory.getLogger(DemoEmployers.class);

  private final EmployerPartners partners;
  private final EmployerPartnerRepository partnerRecords;
  private final JobOpenings openings;

  public DemoEmployers(EmployerPartners partners, EmployerPartnerRepository partnerRecords, JobOpenings openings) {
    this.partners = partners;
    this.partnerRecords = partnerRecords;
    this.openings = openings;
  }

  /** Registers the demo partners and posts their openings, all or nothing. */
  @Transactional
  public void apply() {
    if (partnerRecords.count() > 0) {
      return;
    }
    int posted = 0;
    for (DemoPartner partner : PARTNERS) {
      partners.register(partner.slug(), partner.name(), partner.contactEmail());
      for (DemoOpening opening : partner.openings()) {
        openings.post(
            new NewOpening(
                partner.slug(),
                opening.title(),
                partner.community(),
                opening.remoteAllowed(),
                opening.positions(),
                opening.languages(),
                opening.skills()));
        posted++;
      }
    }
    log.info("Demo: registered {} employer partners with {} open openings", PARTNERS.size(), posted);
  }

  private record DemoOpening(
      String title, boolean remoteAllowed, int positions, List<String> languages, List<OpeningSkill> skills) {}

  private record DemoPartner(
      String slug, String name, String community, String contactEmail, List<DemoOpening> openings) {}

  /** Made-up companies; example.org addresses never reach anyone. */
  private static final List<DemoPartner> PARTNERS =
      List.of(
          new DemoPartner(
              "magic-city-software",
              "Magic City Software",
              "birmingham",
              "careers@magic-city-software.example.org",
              List.of(
                  new DemoOpening(
                      "Junior Java Developer",
                      false,
                      2,
                      List.of("Java"),
                      List.of(required("Java", 2, 3), required("SQL", 2, 2), preferred("Git", 2, 1), preferred("Spring", 1, 1))),
                  new DemoOpening(
                      "Web Developer",
                      false,
                      1,
                      List.of("JavaScript"),
                      List.of(
                          required("JavaScript", 2, 3), required("HTML", 2, 2), preferred("CSS", 2, 1), preferred("Git", 2, 1))))),
          new DemoPartner(
              "peachtree-data-works",
              "Peachtree Data Works",
              "atlanta",
              "talent@peachtree-data-works.example.org",
              List.of(
                  new DemoOpening(
                      "Python Developer",
                      false,
                      2,
                      List.of("Python"),
                      List.of(required("Python", 2, 3), required("SQL", 2, 2), preferred("Git", 2, 1), preferred("Pandas", 1, 1))),
                  new DemoOpening(
                      "Junior Software Engineer (C#)",
                      false,
                      1,
                      List.of("C#"),
                      List.of(required("C#", 2, 3), required("SQL", 2, 1), preferred("Git", 2, 1))))),
          new DemoPartner(
              "rubber-city-web-studio",
              "Rubber City Web Studio",
              "akron",
              "jobs@rubber-city-web-studio.example.org",
              List.of(
                  new DemoOpening(
                      "Front-End Web Developer",
                      false,
                      2,
                      List.of("JavaScript"),
                      List.of(
                          required("JavaScript", 2, 3), required("HTML", 3, 2), preferred("CSS", 2, 2), preferred("React", 1, 1))),
                  new DemoOpening(
                      "Junior Java Engineer",
                      false,
                      1,
                      List.of("Java"),
                      List.of(required("Java", 2, 2), required("SQL", 2, 1), preferred("Git", 2, 1))))),
          new DemoPartner(
              "emerald-city-apps",
              "Emerald City Apps",
              "seattle",
              "hiring@emerald-city-apps.example.org",
              List.of(
                  new DemoOpening(
                      "Software Engineer I",
                      false,
                      3,
                      List.of("Java"),
                      List.of(required("Java", 3, 3), preferred("SQL", 2, 1), preferred("Git", 2, 1))),
                  new DemoOpening(
                      "Junior Python Developer",
                      false,
                      1,
                      List.of("Python"),
                      List.of(required("Python", 2, 3), preferred("SQL", 2, 1))))),
          new DemoPartner(
              "island-pacific-software",
              "Island Pacific Software",
              "hawaii",
              "careers@island-pacific-software.example.org",
              List.of(
                  new DemoOpening(
                      "Web Developer",
                      false,
                      2,
                      List.of("JavaScript"),
                      List.of(required("JavaScript", 2, 2), required("HTML", 2, 2), preferred("SQL", 2, 1))),
                  new DemoOpening(
                      "Junior Python Engineer",
                      false,
                      1,
                      List.of("Python"),
                      List.of(required("Python", 2, 2), required("SQL", 2, 1))))),
          new DemoPartner(
              "ocean-state-digital",
              "Ocean State Digital",
              "rhode-island",
              "people@ocean-state-digital.example.org",
              List.of(
                  new DemoOpening(
                      "Junior .NET Developer",
                      false,
                      1,
                      List.of("C#"),
                      List.of(required("C#", 2, 3), required("SQL", 2, 1), preferred("HTML", 2, 1))),
                  new DemoOpening(
                      "Junior Java Developer",
                      false,
                      2,
                      List.of("Java"),
                      List.of(required("Java", 2, 3), preferred("SQL", 2, 1), preferred("Git", 2, 1))))),
          new DemoPartner(
              "crossroads-remote-labs",
              "Crossroads Remote Labs",
              "atlanta",
              "remote-jobs@crossroads-remote-labs.example.org",
              List.of(
                  new DemoOpening(
                      "Remote Junior Software Engineer",
                      true,
                      3,
                      List.of("Python", "Java"),
                      List.of(required("Python", 2, 2), required("SQL", 2, 1), preferred("Git", 2, 1))),
                  new DemoOpening(
                      "Remote Web Developer",
                      true,
                      2,
                      List.of("JavaScript"),
                      List.of(
                          required("JavaScript", 3, 3), required("HTML", 2, 1), preferred("CSS", 2, 1), preferred("Git", 2, 1))))));
}
