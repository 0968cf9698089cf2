package org.racetoplace.platform.identity;

import java.util.Locale;

/** Ids of the Camunda groups the pipeline relies on. BPMN candidate groups use the same ids. */
public final class HiringGroups {

  public static final String ADMINS = "admins";
  public static final String PROGRAM_MANAGERS = "program-managers";
  public static final String STAFF = "staff";
  public static final String INTERVIEWERS = "interviewers";

  private static final String VETTERS_PREFIX = "vetters-";
  private static final String COMMUNITY_STAFF_PREFIX = "staff-";
  private static final String EMPLOYER_PREFIX = "employer-";

  private HiringGroups() {}

  /** The vetters of one community, e.g. {@code vetters-birmingham}. */
  public static String vetters(String communityId) {
    return VETTERS_PREFIX + communityId;
  }

  /**
   * The staff of one community, e.g. {@code staff-birmingham}: who gets its daily stuck-case
   * digest. Membership grants nothing; its members work as staff through {@link #STAFF}.
   */
  public static String communityStaff(String communityId) {
    return COMMUNITY_STAFF_PREFIX + communityId;
  }

  /** The group of one employer partner, e.g. {@code employer-acme-software}. */
  public static String employer(String employerSlug) {
    return EMPLOYER_PREFIX + employerSlug;
  }

  public static boolean isEmployer(String groupId) {
    return groupId.startsWith(EMPLOYER_PREFIX);
  }

  public static boolean isVetters(String groupId) {
    return groupId.startsWith(VETTERS_PREFIX);
  }

  /** Makes a lower-case, dash-separated id out of a display name ("Acme Software" → "acme-software"). */
  public static String slug(String name) {
    String slug =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.isEmpty()) {
      throw new IllegalArgumentException("No letters or digits in '" + name + "'");
    }
    return slug;
  }
}
