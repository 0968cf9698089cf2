package org.racetoplace.platform.deployment;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} from the filesystem at start-up, the single
 * source of truth for models.
 *
 * <p>Resource names are relative ({@code processes/hiring-pipeline.bpmn}), never absolute, so every
 * checkout and the container name a model the same way. Each file is compared with its latest
 * deployed version: a restart with unchanged files deploys nothing; a change deploys the changed
 * files in one new deployment, together with what they are bound to (see {@link FormBindings}): a
 * changed process with the forms it refers to, a changed form with the processes that refer to it
 * and their forms. A changed model therefore gets exactly one new version, running instances stay
 * on the version they started on and keep the forms deployed with it. A model that does not parse
 * stops start-up with the file and the parser's message.
 *
 * <p>Called by {@code PlatformInitializer} once the engine is built and before the web server
 * takes requests.
 */
@Component
public class ModelDeployment {

  static final Set<String> PROCESS_SUFFIXES = Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml");
  static final Set<String> FORM_SUFFIXES = Set.of(".form");

  private static final String SOURCE = "filesystem";

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
    Map<String, byte[]> contents = new LinkedHashMap<>();
    for (ModelFile file : files) {
      contents.put(file.resourceName(), read(file.path()));
    }

    Map<String, byte[]> deployed = latestDeployed(contents.keySet());
    Set<String> changed =
        contents.keySet().stream()
            .filter(name -> !Arrays.equals(contents.get(name), deployed.get(name)))
            .collect(Collectors.toCollection(LinkedHashSet::new));
    if (changed.isEmpty()) {
      log.info("Models unchanged ({} files): nothing deployed", files.size());
      return null;
    }
    Set<String> toDeploy = new FormBindings(contents).closure(changed);

    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(directories.deploymentName())
            .source(SOURCE)
            // the comparison above ran outside any lock; the engine repeats it under its cluster-wide
            // deployment lock, so when two nodes start together with the same change, the second
            // finds the first one's deployment and deploys nothing
            .enableDuplicateFiltering(false);
    for (String name : toDeploy) {
      builder.addInputStream(name, new ByteArrayInputStream(contents.get(name)));
    }
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
    if (!(deployment instanceof DeploymentEntity created) || !created.isNew()) {
      log.info("Models changed ({}), but another node deployed them first: nothing deployed", changed);
      return null;
    }
    log.info(
        "Deployed {} as deployment {}: changed {}, the rest deployed with them because a process"
            + " binds its forms by deployment",
        toDeploy, deployment.getId(), changed);
    return deployment;
  }

  /**
   * The bytes of each named resource as last deployed under our deployment name, newest
   * deployment first; a name never deployed is missing from the answer.
   */
  private Map<String, byte[]> latestDeployed(Set<String> names) {
    Map<String, byte[]> latest = new HashMap<>();
    List<Deployment> deployments =
        repositoryService
            .createDeploymentQuery()
            .deploymentName(directories.deploymentName())
            .orderByDeploymentTime()
            .desc()
            .list();
    for (Deployment deployment : deployments) {
      if (latest.size() == names.size()) {
        break;
      }
      for (Resource resource : repositoryService.getDeploymentResources(deployment.getId())) {
        if (names.contains(resource.getName()) && !latest.containsKey(resource.getName())) {
          latest.put(resource.getName(), resource.getBytes());
        }
      }
    }
    return latest;
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
