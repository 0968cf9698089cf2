package org.racetoplace.candidate;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.racetoplace.community.CommunityRepository;
import org.springframework.stereotype.Component;

/** The {@link PageTimes} of a community: its own time zone, or UTC for an unknown one. */
@Component
class CommunityTimes {

  private final CommunityRepository communities;

  CommunityTimes(CommunityRepository communities) {
    this.communities = communities;
  }

  PageTimes of(String communityId) {
    ZoneId zone =
        communities.findById(communityId).map(c -> ZoneId.of(c.getTimeZone())).orElse(ZoneOffset.UTC);
    return new PageTimes(zone);
  }
}
