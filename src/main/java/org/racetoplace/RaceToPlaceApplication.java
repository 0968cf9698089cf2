package org.racetoplace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Race to Place: a hiring pipeline driven by Camunda 7.
 *
 * <p>Deliberately no {@code @EnableProcessApplication}: models are deployed from the filesystem by
 * {@link org.racetoplace.platform.deployment.ModelDeployment}, not by a process application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RaceToPlaceApplication {

  public static void main(String[] args) {
    SpringApplication.run(RaceToPlaceApplication.class, args);
  }
}
