package org.racetoplace.ops;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.racetoplace.pipeline.HiringPipeline;

/** The stages of {@code hiring-pipeline} in pipeline order: each is a sub-process {@code Stage_*}. */
public enum PipelineStage {
  APPLY(HiringPipeline.STAGE_APPLY, "Apply"),
  ASSESS(HiringPipeline.STAGE_ASSESS, "Assess"),
  VET(HiringPipeline.STAGE_VET, "Vet"),
  INTERVIEW(HiringPipeline.STAGE_INTERVIEW, "Interview"),
  MATCH(HiringPipeline.STAGE_MATCH, "Match");

  private final String id;
  private final String label;

  PipelineStage(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The BPMN id of the sub-process, e.g. {@code Stage_Vet}. */
  public String id() {
    return id;
  }

  /** As the diagram labels it, e.g. {@code Vet}. */
  public String label() {
    return label;
  }

  /** A stage by its BPMN id ({@code Stage_Vet}) or its label ({@code vet}), ignoring case. */
  public static Optional<PipelineStage> fromParameter(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(stage -> stage.id.toLowerCase(Locale.ROOT).equals(wanted) || stage.label.toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }
}
