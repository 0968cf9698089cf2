package org.racetoplace.assessment.builtin;

/** One option of a choice item: a short id ({@code a}, {@code b}) and the text shown. */
public record AnswerOption(String id, String text) {}
