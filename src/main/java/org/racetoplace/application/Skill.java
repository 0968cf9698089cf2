package org.racetoplace.application;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A skill the candidate rates themselves in, 1 (beginner) to 5 (expert). */
@Embeddable
public record Skill(
    @Column(name = "name", nullable = false, length = 100) String name,
    @Column(name = "skill_level", nullable = false) int level) {}
