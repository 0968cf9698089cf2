package org.racetoplace.notification;

/** Subject and plain-text body of a message, as rendered from its template. */
public record RenderedMail(String subject, String body) {}
