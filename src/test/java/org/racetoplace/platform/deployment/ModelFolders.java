package org.racetoplace.platform.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies of the repository's model folders, for tests that change models or restart with them. */
public final class ModelFolders {

  private ModelFolders() {}

  /** Copies {@code folder} ({@code processes} or {@code forms}) of the checkout into {@code workDir}. */
  public static Path copyOf(String folder, Path workDir) throws IOException {
    Path source = Path.of(folder).toAbsolutePath();
    Path target = workDir.resolve(folder);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path destination = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return target;
  }
}
