package org.racetoplace.platform.web;

import java.net.URI;

/**
 * The {@code type} of each problem our API answers with. Stable identifiers that clients may
 * branch on; docs/api.md lists them.
 */
public final class ProblemTypes {

  private static final String BASE = "https://racetoplace.org/problems/";

  public static final URI INVALID_REQUEST = URI.create(BASE + "invalid-request");
  public static final URI MALFORMED_JSON = URI.create(BASE + "malformed-json");
  public static final URI NOT_FOUND = URI.create(BASE + "not-found");
  public static final URI CONFLICT = URI.create(BASE + "conflict");
  public static final URI DUPLICATE_APPLICATION = URI.create(BASE + "duplicate-application");
  public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
  public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");
  public static final URI UNAVAILABLE = URI.create(BASE + "unavailable");
  public static final URI INTERNAL_ERROR = URI.create(BASE + "internal-error");

  private ProblemTypes() {}
}
