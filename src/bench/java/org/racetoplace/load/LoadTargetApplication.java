package org.racetoplace.load;

import java.util.Arrays;
import org.racetoplace.RaceToPlaceApplication;
import org.springframework.boot.SpringApplication;

/**
 * Starts the application for a load run (docs/performance.md, "Load driver"), from the bench
 * class path so that both variants of the end-to-end comparison start the same way:
 *
 * <ul>
 *   <li>without arguments of its own: the application as shipped;
 *   <li>with {@code --noop-delegates}: the same application and the same {@code hiring-pipeline}
 *       model, with every Java delegate and task listener the model calls replaced by {@link
 *       NoOpDelegates} — the yardstick "the engine and our HTTP API with no domain work".
 * </ul>
 *
 * Every other argument goes to Spring Boot ({@code --server.port=8081}, {@code
 * --spring.profiles.active=postgres}, …).
 */
public final class LoadTargetApplication {

  static final String NOOP_FLAG = "--noop-delegates";

  private LoadTargetApplication() {}

  public static void main(String[] args) {
    boolean noOp = Arrays.asList(args).contains(NOOP_FLAG);
    String[] springArgs = Arrays.stream(args).filter(arg -> !arg.equals(NOOP_FLAG)).toArray(String[]::new);
    SpringApplication application =
        noOp
            ? new SpringApplication(RaceToPlaceApplication.class, NoOpDelegates.class)
            : new SpringApplication(RaceToPlaceApplication.class);
    application.run(springArgs);
  }
}
