package org.racetoplace.platform.deployment;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} from the filesystem at start-up, the single
 * source of truth for models.
 *
 * <p>Resource names are relative ({@code processes/hiring-pipeline.bpmn}), never absolute, so every
 * checkout and the container name a model the same way. Duplicate filtering with "changed only"
 * compares each resource with the latest deployment of the same name: a restart with unchanged
 * files deploys nothing, a changed model gets exactly one new version, and running instances stay
 * on the version they started on. A model that does not parse stops start-up with the file and
 * the parser's message.
 *
 * <p>Called by {@code PlatformInitializer} once the engine is built and before the web server
 * takes requests.
 */
@Component
public class ModelDeployment {

  static final Set<String> PROCESS_SUFFIXES = Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml");
  static final Set<String> FORM_SUFFIXES = Set.of(".form");

  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

  private final RepositoryService repositoryService;
  private final ModelDirectories directories;

  public ModelDeployment(RepositoryService repositoryService, ModelDirectories directories) {
    this.repositoryService = repositoryService;
    this.directories = directories;
  }

  /**
   * Deploys what changed in the model directories.
   *
   * @return the deployment, or {@code null} when nothing changed
   * @throws ModelDeploymentException when a directory is missing, a file cannot be read or a model
   *     does not parse; the message names the file
   */
  public DeploymentWithDefinitions deploy() {
    List<ModelFile> files = new ArrayList<>();
    files.addAll(collect(directories.processesPath(), "processes", PROCESS_SUFFIXES));
    files.addAll(collect(directories.formsPath(), "forms", FORM_SUFFIXES));
    if (files.isEmpty()) {
      log.warn("No models found in {} and {}", directories.processesPath(), directories.formsPath());
      return null;
    }

    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(directories.deploymentName())
            .source("filesystem")
            .enableDuplicateFiltering(true);
    for (ModelFile file : files) {
      builder.addInputStream(file.resourceName(), new ByteArrayInputStream(read(file.path())));
    }

    long deploymentsBefore = countDeployments();
    DeploymentWithDefinitions deployment;
    try {
      deployment = builder.deployWithResult();
    } catch (ParseException e) {
      throw new ModelDeploymentException(describe(e), e);
    } catch (ProcessEngineException e) {
      throw new ModelDeploymentException(
          "Models in " + directories.processesPath() + " and " + directories.formsPath()
              + " could not be deployed: " + e.getMessage(),
          e);
    }

    if (countDeployments() == deploymentsBefore) {
      log.info("Models unchanged ({} files): nothing deployed", files.size());
      return null;
    }
    log.info(
        "Deployed {} changed model file(s) as deployment {}: {}",
        repositoryService.getDeploymentResourceNames(deployment.getId()).size(),
        deployment.getId(),
        repositoryService.getDeploymentResourceNames(deployment.getId()));
    return deployment;
  }

  private long countDeployments() {
    return repositoryService
        .createDeploymentQuery()
        .deploymentName(directories.deploymentName())
        .count();
  }

  private List<ModelFile> collect(Path root, String prefix, Set<String> suffixes) {
    if (!Files.isDirectory(root)) {
      throw new ModelDeploymentException(
          "Model directory " + root + " does not exist. Run from the checkout, or set "
              + ("processes".equals(prefix) ? "HIRING_PROCESSES_DIR" : "HIRING_FORMS_DIR")
              + " (hiring.models." + prefix + "-dir) to the folder that holds the models.",
          null);
    }
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> hasSuffix(p, suffixes))
          .sorted()
          .map(p -> new ModelFile(p, prefix + "/" + relativeName(root, p)))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list models in " + root, e);
    }
  }

  private static boolean hasSuffix(Path path, Set<String> suffixes) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return suffixes.stream().anyMatch(name::endsWith);
  }

  private static String relativeName(Path root, Path file) {
    // '/' on every OS, so a Windows checkout names resources as Linux does
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ModelDeploymentException("Cannot read model file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String describe(ParseException e) {
    StringBuilder message = new StringBuilder("A model does not parse.");
    // sic: the engine spells it "Resorce"
    for (ResourceReport report : e.getResorceReports()) {
      for (Problem error : report.getErrors()) {
        message
            .append(System.lineSeparator())
            .append("  ")
            .append(report.getResourceName())
            .append(" line ")
            .append(error.getLine())
            .append(": ")
            .append(error.getMessage());
      }
    }
    if (e.getResorceReports().stream().allMatch(r -> r.getErrors().isEmpty())) {
      message.append(' ').append(e.getMessage());
    }
    return message.toString();
  }

  record ModelFile(Path path, String resourceName) {}
}
