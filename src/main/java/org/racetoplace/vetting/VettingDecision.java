package org.racetoplace.vetting;

import java.util.Arrays;
import java.util.Optional;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * What a vetter decided. The code is the value of process variable {@code vettingDecision} (the
 * model's gateway branches on it); the name is what {@code vetting_review.decision} stores.
 */
public enum VettingDecision {
  APPROVE(HiringPipeline.DECISION_APPROVE),
  DECLINE(HiringPipeline.DECISION_DECLINE),
  MORE_INFORMATION(HiringPipeline.DECISION_MORE_INFORMATION);

  private final String code;

  VettingDecision(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<VettingDecision> fromCode(String code) {
    return Arrays.stream(values()).filter(decision -> decision.code.equals(code)).findFirst();
  }
}
