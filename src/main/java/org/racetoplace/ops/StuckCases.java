package org.racetoplace.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.ops.StuckCaseReport.IncidentGroup;
import org.racetoplace.ops.StuckCaseReport.Links;
import org.racetoplace.ops.StuckCaseReport.StuckCase;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Cases of {@code hiring-pipeline} that wait longer than their target ({@link StuckCaseTargets})
 * at a user task or a receive task, and the open failed jobs. Asks the engine per watched
 * activity for what started before "now minus target" (a task query on the create time, a history
 * query on unfinished activity instances), so the work grows with the stuck cases, not with all
 * cases; business keys, communities and candidate groups are then read for those cases only.
 *
 * <p>Callers check who may see this (staff, program managers, admins) before calling. The queries
 * run as the system: a Camunda authentication left on the thread (as the webapps set one) is
 * lifted for the call and put back, so engine authorizations never silently drop rows.
 */
@Service
public class StuckCases {

  static final String COCKPIT_PROCESS_INSTANCE = "/camunda/app/cockpit/default/#/process-instance/";
  static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

  /** Ids per engine query with an IN list (Oracle allows 1000; stay well under). */
  private static final int CHUNK = 500;

  private static final Comparator<StuckCase> ORDER =
      Comparator.comparing(StuckCase::community, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(c -> PipelineStage.fromParameter(c.stage()).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
          .thenComparing(StuckCase::waitingSince)
          .thenComparing(StuckCase::reference, Comparator.nullsLast(Comparator.naturalOrder()));

  private final TaskService taskService;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CommunityRepository communities;
  private final StuckCaseTargets targets;
  private final Clock clock;

  /** The clock is the context's {@link Clock} bean if it has one, else UTC. */
  @Autowired
  public StuckCases(
      TaskService taskService,
      HistoryService historyService,
      RuntimeService runtimeService,
      IdentityService identityService,
      CommunityRepository communities,
      StuckCaseTargets targets,
      ObjectProvider<Clock> clock) {
    this(taskService, historyService, runtimeService, identityService, communities, targets,
        clock.getIfAvailable(Clock::systemUTC));
  }

  StuckCases(
      TaskService taskService,
      HistoryService historyService,
      RuntimeService runtimeService,
      IdentityService identityService,
      CommunityRepository communities,
      StuckCaseTargets targets,
      Clock clock) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.communities = communities;
    this.targets = targets;
    this.clock = clock;
  }

  /**
   * The report, optionally for one community (its id, e.g. {@code birmingham}) and one stage
   * ({@code Stage_Vet} or {@code vet}); blank means all.
   *
   * @throws InvalidRequestException an unknown community or stage (400, field {@code community}
   *     or {@code stage})
   */
  public StuckCaseReport report(String community, String stage) {
    List<Community> known = communities.findAll();
    List<FieldProblem> problems = new ArrayList<>();
    String communityFilter = blankToNull(community);
    if (communityFilter != null && known.stream().noneMatch(c -> c.getId().equals(communityFilter))) {
      problems.add(
          new FieldProblem(
              "community",
              "Unknown community; one of " + known.stream().map(Community::getId).sorted().toList()));
    }
    String stageParameter = blankToNull(stage);
    PipelineStage stageFilter = PipelineStage.fromParameter(stageParameter).orElse(null);
    if (stageParameter != null && stageFilter == null) {
      problems.add(
          new FieldProblem(
              "stage",
              "Unknown stage; one of "
                  + Arrays.stream(PipelineStage.values()).map(PipelineStage::id).toList()
                  + " (or its name, e.g. vet)"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Invalid filter", problems);
    }
    Instant now = clock.instant();
    return asSystem(() -> build(now, communityFilter, stageFilter, known));
  }

  private StuckCaseReport build(Instant now, String communityFilter, PipelineStage stageFilter, List<Community> known) {
    List<Waiting> waiting = new ArrayList<>();
    for (WatchedActivity activity : WatchedActivity.values()) {
      if (stageFilter != null && activity.stage() != stageFilter) {
        continue;
      }
      Duration target = targets.target(activity);
      Date startedBefore = Date.from(now.minus(target));
      if (activity.kind() == WatchedActivity.Kind.TASK) {
        for (Task task :
            taskService.createTaskQuery()
                .processDefinitionKey(HiringPipeline.PROCESS_ID)
                .taskDefinitionKey(activity.activityId())
                .taskCreatedBefore(startedBefore)
                .orderByTaskCreateTime()
                .asc()
                .list()) {
          waiting.add(new Waiting(activity, task.getProcessInstanceId(), task.getCreateTime().toInstant(),
              task.getName(), task.getId(), task.getAssignee()));
        }
      } else {
        for (HistoricActivityInstance instance :
            historyService.createHistoricActivityInstanceQuery()
                .activityId(activity.activityId())
                .unfinished()
                .startedBefore(startedBefore)
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .list()) {
          // the history query cannot filter by process key; test models may reuse our ids
          if (HiringPipeline.PROCESS_ID.equals(instance.getProcessDefinitionKey())) {
            waiting.add(new Waiting(activity, instance.getProcessInstanceId(), instance.getStartTime().toInstant(),
                instance.getActivityName(), null, null));
          }
        }
      }
    }
    // strictly longer than the target; the history query's "started before" includes the instant
    waiting.removeIf(w -> Duration.between(w.since(), now).compareTo(targets.target(w.activity())) <= 0);

    Set<String> processInstanceIds = waiting.stream().map(Waiting::processInstanceId).collect(Collectors.toCollection(LinkedHashSet::new));
    Map<String, String> references = businessKeys(processInstanceIds);
    Map<String, String> communityOf = communities(processInstanceIds, references, known);
    List<Incident> openIncidents = runtimeService.createIncidentQuery().list();
    Map<String, Long> incidentsPerCase =
        openIncidents.stream()
            .filter(i -> i.getProcessInstanceId() != null)
            .collect(Collectors.groupingBy(Incident::getProcessInstanceId, Collectors.counting()));

    List<StuckCase> cases = new ArrayList<>();
    for (Waiting w : waiting) {
      String reference = references.get(w.processInstanceId());
      if (reference == null && !references.containsKey(w.processInstanceId())) {
        continue; // ended between the queries
      }
      String community = communityOf.get(w.processInstanceId());
      if (communityFilter != null && !communityFilter.equals(community)) {
        continue;
      }
      Duration target = targets.target(w.activity());
      Duration overdue = Duration.between(w.since(), now).minus(target);
      List<String> groups =
          w.taskId() != null && w.assignee() == null ? candidateGroups(w.taskId()) : List.of();
      cases.add(
          new StuckCase(
              reference,
              community,
              w.activity().stage().id(),
              w.activity().stage().label(),
              w.activity().activityId(),
              w.activityName(),
              w.activity().kind(),
              w.since(),
              IsoDurations.format(target),
              IsoDurations.format(overdue),
              w.assignee(),
              groups,
              incidentsPerCase.getOrDefault(w.processInstanceId(), 0L),
              w.processInstanceId(),
              w.taskId(),
              new Links(
                  COCKPIT_PROCESS_INSTANCE + w.processInstanceId(),
                  w.taskId() == null ? null : TASKLIST_TASK + w.taskId())));
    }
    cases.sort(ORDER);
    return new StuckCaseReport(now, List.copyOf(cases), incidentSummary(openIncidents));
  }

  /** Failed jobs (all processes, whatever the filters) by activity and message, most first. */
  private static List<IncidentGroup> incidentSummary(List<Incident> incidents) {
    Map<List<String>, Long> counts = new HashMap<>();
    for (Incident incident : incidents) {
      if (Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
        counts.merge(Arrays.asList(incident.getActivityId(), incident.getIncidentMessage()), 1L, Long::sum);
      }
    }
    return counts.entrySet().stream()
        .map(e -> new IncidentGroup(e.getKey().get(0), e.getKey().get(1), e.getValue()))
        .sorted(
            Comparator.comparingLong(IncidentGroup::count).reversed()
                .thenComparing(IncidentGroup::activityId, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(IncidentGroup::message, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  /** Business key (the reference) of each running instance; instances no longer running are absent. */
  private Map<String, String> businessKeys(Set<String> processInstanceIds) {
    Map<String, String> keys = new HashMap<>();
    for (List<String> chunk : chunks(processInstanceIds)) {
      for (ProcessInstance instance :
          runtimeService.createProcessInstanceQuery().processInstanceIds(new LinkedHashSet<>(chunk)).list()) {
        keys.put(instance.getId(), instance.getBusinessKey());
      }
    }
    return keys;
  }

  /**
   * The process variable {@code community}; for a case without it, the community whose reference
   * prefix the reference carries ({@code BHM-000123} → the community with prefix {@code BHM}).
   */
  private Map<String, String> communities(
      Set<String> processInstanceIds, Map<String, String> references, List<Community> known) {
    Map<String, String> result = new HashMap<>();
    for (List<String> chunk : chunks(processInstanceIds)) {
      for (VariableInstance variable :
          runtimeService.createVariableInstanceQuery()
              .processInstanceIdIn(chunk.toArray(String[]::new))
              .variableName(HiringPipeline.VAR_COMMUNITY)
              .disableBinaryFetching()
              .list()) {
        if (variable.getValue() instanceof String value
            && (variable.getExecutionId().equals(variable.getProcessInstanceId())
                || !result.containsKey(variable.getProcessInstanceId()))) {
          result.put(variable.getProcessInstanceId(), value);
        }
      }
    }
    Map<String, String> byPrefix = new TreeMap<>();
    known.forEach(c -> byPrefix.put(c.getReferencePrefix() + "-", c.getId()));
    for (String id : processInstanceIds) {
      String reference = references.get(id);
      if (!result.containsKey(id) && reference != null) {
        byPrefix.entrySet().stream()
            .filter(e -> reference.startsWith(e.getKey()))
            .findFirst()
            .ifPresent(e -> result.put(id, e.getValue()));
      }
    }
    return result;
  }

  private List<String> candidateGroups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .filter(Objects::nonNull)
        .sorted()
        .toList();
  }

  private <T> T asSystem(Supplier<T> work) {
    Authentication current = identityService.getCurrentAuthentication();
    if (current == null) {
      return work.get();
    }
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      identityService.setAuthentication(current);
    }
  }

  private static List<List<String>> chunks(Set<String> ids) {
    List<String> all = new ArrayList<>(ids);
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    }
    return chunks;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private record Waiting(
      WatchedActivity activity, String processInstanceId, Instant since, String activityName, String taskId, String assignee) {}
}
