package org.racetoplace.platform.web;

/**
 * One thing wrong with one field of a request body. {@code field} is the JSON path as the client
 * wrote it: {@code email}, {@code skills[0].level}, {@code projects[2].technologies[1]}.
 */
public record FieldProblem(String field, String message) {}
