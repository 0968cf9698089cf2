package org.racetoplace.platform.deployment;

import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the models live on disk. Relative paths resolve against the working directory, so
 * {@code ./mvnw spring-boot:run} in a checkout finds {@code processes/} and {@code forms/}; the
 * packaged jar and the container set absolute paths ({@code HIRING_PROCESSES_DIR},
 * {@code HIRING_FORMS_DIR}).
 *
 * @param processesDir BPMN and DMN files
 * @param formsDir Camunda Forms ({@code .form})
 * @param deploymentName the name under which Camunda keeps the deployments; duplicate filtering
 *     compares against the latest deployment of this name
 */
@Validated
@ConfigurationProperties("hiring.models")
public record ModelDirectories(
    @NotBlank String processesDir, @NotBlank String formsDir, @NotBlank String deploymentName) {

  public Path processesPath() {
    return Path.of(processesDir).toAbsolutePath().normalize();
  }

  public Path formsPath() {
    return Path.of(formsDir).toAbsolutePath().normalize();
  }
}
