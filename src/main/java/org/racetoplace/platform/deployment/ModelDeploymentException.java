package org.racetoplace.platform.deployment;

/** The models on disk cannot be deployed; the message names the file and the problem. */
public class ModelDeploymentException extends RuntimeException {

  public ModelDeploymentException(String message, Throwable cause) {
    super(message, cause);
  }
}
