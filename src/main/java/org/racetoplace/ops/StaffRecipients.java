package org.racetoplace.ops;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.racetoplace.platform.identity.HiringGroups;
import org.springframework.stereotype.Component;

/**
 * Who gets a community's stuck-case digest: the members of its group {@code staff-<community>}
 * with an email address in Camunda's identity service (Admin → Users), looked up when the digest
 * is written. A community whose group has no such member falls back to the members of {@code
 * staff}, so a program with one staff team for all communities gets the digests without setting up
 * a group per community.
 */
@Component
public class StaffRecipients {

  /**
   * One staff member to write to.
   *
   * @param userId the Camunda user id; part of the digest's dedup key
   */
  public record StaffMember(String userId, String email, String name) {}

  private final IdentityService identityService;

  public StaffRecipients(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The recipients of the community's digest, by user id; empty when nobody has an address. */
  public List<StaffMember> forCommunity(String communityId) {
    List<StaffMember> own = membersWithEmail(HiringGroups.communityStaff(communityId));
    return own.isEmpty() ? membersWithEmail(HiringGroups.STAFF) : own;
  }

  private List<StaffMember> membersWithEmail(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream()
        .filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
        .map(user -> new StaffMember(user.getId(), user.getEmail().trim(), name(user)))
        .sorted(Comparator.comparing(StaffMember::userId))
        .toList();
  }

  private static String name(User user) {
    String name =
        String.join(
                " ",
                Stream.of(user.getFirstName(), user.getLastName())
                    .filter(part -> part != null && !part.isBlank())
                    .map(String::trim)
                    .toList())
            .trim();
    return name.isEmpty() ? null : name;
  }
}
