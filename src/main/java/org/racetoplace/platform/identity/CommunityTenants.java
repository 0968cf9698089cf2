package org.racetoplace.platform.identity;

/** Camunda tenant ids of the communities: a community's tenant id is its community id. */
public final class CommunityTenants {

  private CommunityTenants() {}

  /** The tenant of one community's cases, e.g. {@code birmingham}. */
  public static String tenantId(String communityId) {
    return communityId;
  }
}
