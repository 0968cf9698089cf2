package org.racetoplace.application;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A job the candidate held; {@code endYear} is null while they still hold it. */
@Embeddable
public record WorkHistoryEntry(
    @Column(name = "title", nullable = false, length = 100) String title,
    @Column(name = "employer", nullable = false, length = 100) String employer,
    @Column(name = "start_year", nullable = false) int startYear,
    @Column(name = "end_year") Integer endYear) {}
