package org.racetoplace.application;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The role tracks a candidate can apply for: the one list the intake API, the stored rows and the
 * docs agree on. The code is what clients send and what is stored.
 */
public enum RoleTrack {
  SOFTWARE_ENGINEER("software-engineer", "Software engineer"),
  WEB_DEVELOPER("web-developer", "Web developer");

  private final String code;
  private final String title;

  RoleTrack(String code, String title) {
    this.code = code;
    this.title = title;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public static Optional<RoleTrack> fromCode(String code) {
    return Arrays.stream(values()).filter(track -> track.code.equals(code)).findFirst();
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(RoleTrack::code).toList();
  }
}
