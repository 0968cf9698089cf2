package org.racetoplace.community;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The communities a candidate can apply in (public): the codes the intake API accepts. */
@RestController
class CommunityController {

  private final CommunityRepository communities;

  CommunityController(CommunityRepository communities) {
    this.communities = communities;
  }

  record CommunityView(String id, String name, String region) {}

  @GetMapping(path = "/api/communities", produces = MediaType.APPLICATION_JSON_VALUE)
  List<CommunityView> activeCommunities() {
    return communities.findByActiveTrueOrderByName().stream()
        .map(community -> new CommunityView(community.getId(), community.getName(), community.getRegion()))
        .toList();
  }
}
