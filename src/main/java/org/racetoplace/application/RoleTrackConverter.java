package org.racetoplace.application;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a role track by its public code ({@code software-engineer}), not by the Java name. */
@Converter
class RoleTrackConverter implements AttributeConverter<RoleTrack, String> {

  @Override
  public String convertToDatabaseColumn(RoleTrack track) {
    return track == null ? null : track.code();
  }

  @Override
  public RoleTrack convertToEntityAttribute(String code) {
    return code == null
        ? null
        : RoleTrack.fromCode(code)
            .orElseThrow(() -> new IllegalStateException("Unknown role track in database: " + code));
  }
}
