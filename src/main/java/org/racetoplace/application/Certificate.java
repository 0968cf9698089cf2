package org.racetoplace.application;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A certificate the candidate earned (bootcamp, course, vendor exam). */
@Embeddable
public record Certificate(
    @Column(name = "name", nullable = false, length = 150) String name,
    @Column(name = "issuer", nullable = false, length = 150) String issuer,
    @Column(name = "award_year", nullable = false) int year,
    @Column(name = "url", length = 500) String url) {}
