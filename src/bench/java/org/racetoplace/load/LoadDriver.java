package org.racetoplace.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.racetoplace.load.HiringClient.Credentials;

/**
 * The load driver (docs/performance.md, "Load driver"): against a running application, first
 * intake under load, then (with {@code --floor-duration}) the same requests refused before they
 * write anything, then cases driven from application to placement; with {@code
 * --baseline-url}, the same again against the no-op-delegates application, and the ratio of the
 * two. Prints a Markdown report (and writes it to {@code --report=FILE}).
 *
 * <p>A plain Java client (java.net.http and HdrHistogram) rather than Gatling: the pipeline phase
 * is not a fixed script per virtual user but people working shared task queues, which reads more
 * plainly as a few loops, and it needs no Scala tool chain or extra Maven plugin.
 */
public final class LoadDriver {

  private LoadDriver() {}

  /**
   * Waits until the job executor has run every asynchronous job (the confirmation mails the
   * intake made) and says how fast it worked: the jobs done since the first application of the
   * warm-up (made, less those still left when the wait ends), over that time.
   */
  private static String jobBacklog(HiringClient client, Credentials admin, IntakePhase.Result intake, Duration timeout) {
    String count = "/engine-rest/job/count" + HiringClient.query(java.util.Map.of("messages", "true", "executable", "true"));
    long backlog = client.count("job count", count, admin);
    long deadline = System.nanoTime() + timeout.toNanos();
    long left = backlog;
    while (left > 0 && System.nanoTime() < deadline) {
      // the count is an authorized query over every job: asked seldom, so it does not slow what it watches
      LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
      left = client.count("job count", count, admin);
    }
    double seconds = (System.nanoTime() - intake.startedNanos()) / 1e9;
    long done = Math.max(0, intake.countedInAll() - left);
    return String.format(
        "Job executor: %d confirmation-mail jobs made since the warm-up began, %d still waiting when intake ended;"
            + " %s %.1f s after the first application: **%.0f jobs done/s**%n%n",
        intake.countedInAll(), backlog, left == 0 ? "all done" : left + " left", seconds, done / seconds);
  }

  /**
   * Runs an intake phase of the kind against the target, measured for {@code measured} after the
   * intake's warm-up, and adds its lines to the section.
   */
  private static IntakePhase.Result intake(
      HiringClient client, IntakePhase.Kind kind, Duration measured, String runId, LoadOptions options, URI target,
      StringBuilder section)
      throws Exception {
    Optional<CpuMeter> cpu = target.equals(options.url()) ? options.targetPid().map(CpuMeter::new) : Optional.empty();
    IntakePhase.Result intake = new IntakePhase(client, kind, runId, options.clients(), cpu).run(options.intakeWarmUp(), measured);
    Histogram latency = intake.steps().latency(kind.step);
    section.append(String.format(
        "%s: **%.0f %ss/s** (%d %s, %d other answers in %.1f s), latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
        kind.title, intake.countedPerSecond(), kind.noun(), intake.counted(), kind.outcome, intake.other(),
        intake.elapsed().toMillis() / 1000.0, Steps.millis(latency, 50), Steps.millis(latency, 99), latency.getMaxValue() / 1000.0));
    section.append("Answers: ").append(intake.steps().answers()).append("\n\n");
    section.append(intake.cpu());
    return intake;
  }

  public static void main(String[] args) throws Exception {
    LoadOptions options = LoadOptions.parse(args);
    String runId = DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    StringBuilder report = new StringBuilder();
    report.append("# Load run ").append(runId).append(" (").append(Instant.now()).append(")\n\n");
    report.append(String.format("clients %d, intake %s after %s warm-up, %d cases to placement%n%n",
        options.clients(), options.intakeDuration(), options.intakeWarmUp(), options.cases()));
    List<PipelinePhase.Result> pipelines = new ArrayList<>();
    List<URI> targets = new ArrayList<>();
    targets.add(options.url());
    options.baselineUrl().ifPresent(targets::add);
    List<StringBuilder> sections = new ArrayList<>();
    List<Callable<PipelinePhase.Result>> pipelinePhases = new ArrayList<>();
    Credentials admin = new Credentials(options.adminUser(), options.adminPassword());
    for (URI target : targets) {
      String label = target.equals(options.url()) ? "as shipped" : "no-op delegates";
      StringBuilder section = new StringBuilder();
      sections.add(section);
      section.append("## ").append(label).append(" — ").append(target).append("\n\n");
      HiringClient client = HiringClient.of(target);
      LoadSetup setup = new LoadSetup(client, admin, options.userPassword());
      setup.prepare(options.cases());
      if (!options.intakeDuration().isZero()) {
        System.out.println(label + ": intake phase");
        IntakePhase.Result intake = intake(client, IntakePhase.Kind.ACCEPTED, options.intakeDuration(), runId, options, target, section);
        section.append(jobBacklog(client, admin, intake, options.pipelineTimeout()));
      }
      if (!options.floorDuration().isZero()) {
        System.out.println(label + ": floor phase");
        section.append("Floor, the same applications with an invalid e-mail address (refused, nothing written):\n\n");
        intake(client, IntakePhase.Kind.REFUSED, options.floorDuration(), runId, options, target, section);
      }
      if (options.cases() > 0) {
        pipelinePhases.add(() -> {
          System.out.println(label + ": pipeline phase");
          return new PipelinePhase(
                  client.withSteps(new Steps()), setup, admin, runId, options.clients(), options.provider(), options.providerSecret())
              .run(options.cases(), options.pipelineTimeout());
        });
      }
    }
    if (options.sideBySide() && pipelinePhases.size() > 1) {
      // both targets at the same time: whatever else loads the machine loads both alike
      ExecutorService both = Executors.newFixedThreadPool(pipelinePhases.size());
      for (Future<PipelinePhase.Result> result : both.invokeAll(pipelinePhases)) {
        pipelines.add(result.get());
      }
      both.shutdown();
    } else {
      for (Callable<PipelinePhase.Result> phase : pipelinePhases) {
        pipelines.add(phase.call());
      }
    }
    for (int i = 0; i < pipelines.size(); i++) {
      PipelinePhase.Result pipeline = pipelines.get(i);
      sections.get(i).append(String.format(
          "Pipeline: **%.2f cases/s** from application to placement (%d of %d cases ended in %.1f s; %d placed; %d incidents; %d errors)%n%n",
          pipeline.casesPerSecond(), pipeline.finished(), pipeline.cases(), pipeline.elapsed().toMillis() / 1000.0,
          pipeline.placed(), pipeline.incidents(), pipeline.errors()));
      sections.get(i).append(pipeline.steps().table()).append("\n");
    }
    if (options.historyCleanup()) {
      System.out.println("as shipped: history clean-up phase");
      HistoryCleanupPhase.Result cleanup =
          new HistoryCleanupPhase(HiringClient.of(options.url()), admin).run(options.pipelineTimeout());
      sections.get(0).append(cleanup.report());
    }
    sections.forEach(report::append);
    report.append(options.sideBySide() ? "Pipeline phases side by side (at the same time).\n\n" : "Pipeline phases one after the other.\n\n");
    if (pipelines.size() == 2) {
      double ratio = pipelines.get(0).casesPerSecond() / pipelines.get(1).casesPerSecond();
      report.append(String.format("**End-to-end ratio, as shipped / no-op delegates: %.2f** (target ≥ 0.8)%n", ratio));
    }
    System.out.println();
    System.out.println(report);
    if (options.reportFile().isPresent()) {
      Files.writeString(Path.of(options.reportFile().get()), report, StandardCharsets.UTF_8);
    }
    boolean complete = pipelines.stream().allMatch(p -> p.finished() == p.cases() && p.placed() == p.cases() && p.errors() == 0);
    System.exit(complete ? 0 : 1);
  }
}
