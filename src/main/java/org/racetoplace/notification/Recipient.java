package org.racetoplace.notification;

/**
 * Who a case's notifications go to.
 *
 * @param email the candidate's address
 * @param name how to greet the candidate; may be {@code null}
 * @param statusUrl the candidate's status page, shown in the message; {@code null} when there is
 *     none to offer
 */
public record Recipient(String email, String name, String statusUrl) {}
