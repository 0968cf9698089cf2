package org.racetoplace.ops;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.notification.NotificationDeliveryException;
import org.racetoplace.notification.NotificationEvent;
import org.racetoplace.notification.NotificationRequest;
import org.racetoplace.notification.NotificationService;
import org.racetoplace.ops.StaffRecipients.StaffMember;
import org.racetoplace.ops.StuckCaseReport.IncidentGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The daily stuck-case digest: each active community's staff ({@link StaffRecipients}) get the
 * community's cases past target ({@link StuckCases}, the same report as the staff page) and the
 * open failed jobs, through the notification outbox. A community with nothing stuck gets nothing.
 *
 * <p>Once per cluster: every node runs the digest at the same time, and each message's outbox row
 * has the dedup key {@code ops-digest:<prefix>:<date>:<user>}; the node that inserts the row sends
 * it ({@link NotificationService#deliverOnce}), every other node finds the row and sends nothing.
 * The same key makes a second run on the same day send nothing.
 *
 * <p>No personal data of candidates: a case is named by its reference only. The message is
 * bounded to fit the outbox's body column: at most {@value #MAX_CASES} cases and {@value
 * #MAX_INCIDENT_GROUPS} incident lines, with a link to the page for the rest.
 */
@Service
public class StuckCaseDigest {

  static final int MAX_CASES = 20;
  static final int MAX_INCIDENT_GROUPS = 5;
  static final int MAX_TEXT = 120;
  static final String KEY_PREFIX = "ops-digest";

  private static final Logger log = LoggerFactory.getLogger(StuckCaseDigest.class);

  /**
   * What one run did on this node.
   *
   * @param sent messages this node sent
   * @param sentElsewhere messages whose outbox row existed already (another node, an earlier run)
   * @param failed messages the mail server refused; they stay PENDING in the outbox
   * @param communitiesWithoutStuckCases communities that got no digest because nothing was stuck
   */
  public record Outcome(int sent, int sentElsewhere, int failed, List<String> communitiesWithoutStuckCases) {}

  /** One case line of the digest; texts clipped to {@value #MAX_TEXT} characters. */
  public record DigestCase(
      String stage, String reference, String activity, String waitingSince, String target,
      String overdueBy, String whoActs, long openIncidents) {}

  /** One line of the failed-job summary. */
  public record DigestIncident(String activityId, String message, long count) {}

  private final StuckCases stuckCases;
  private final CommunityRepository communities;
  private final StaffRecipients recipients;
  private final NotificationService notifications;
  private final StuckCaseDigestProperties properties;
  private final String baseUrl;
  private final Clock clock;

  /** The clock is the context's {@link Clock} bean if it has one, else UTC. */
  @Autowired
  public StuckCaseDigest(
      StuckCases stuckCases,
      CommunityRepository communities,
      StaffRecipients recipients,
      NotificationService notifications,
      StuckCaseDigestProperties properties,
      @Value("${hiring.public-base-url}") String baseUrl,
      ObjectProvider<Clock> clock) {
    this(stuckCases, communities, recipients, notifications, properties, baseUrl,
        clock.getIfAvailable(Clock::systemUTC));
  }

  StuckCaseDigest(
      StuckCases stuckCases,
      CommunityRepository communities,
      StaffRecipients recipients,
      NotificationService notifications,
      StuckCaseDigestProperties properties,
      String baseUrl,
      Clock clock) {
    this.stuckCases = stuckCases;
    this.communities = communities;
    this.recipients = recipients;
    this.notifications = notifications;
    this.properties = properties;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.clock = clock;
  }

  /**
   * Sends today's digest (the date in {@code hiring.ops.digest.zone}) to the staff of every active
   * community with cases past target. A message the mail server refuses is logged and counted; the
   * other recipients and communities still get theirs.
   */
  public Outcome sendToday() {
    LocalDate day = LocalDate.now(clock.withZone(properties.zone()));
    int sent = 0;
    int sentElsewhere = 0;
    int failed = 0;
    List<String> nothingStuck = new ArrayList<>();
    for (Community community : communities.findByActiveTrueOrderByName()) {
      StuckCaseReport report = stuckCases.report(community.getId(), null);
      if (report.cases().isEmpty()) {
        nothingStuck.add(community.getId());
        continue;
      }
      List<StaffMember> staff = recipients.forCommunity(community.getId());
      if (staff.isEmpty()) {
        log.warn(
            "Stuck-case digest of {}: {} cases past target, but no member of staff-{} or staff has an email address",
            community.getId(), report.cases().size(), community.getId());
        continue;
      }
      String reference = reference(community, day);
      Map<String, Object> model = model(community, day, report);
      for (StaffMember member : staff) {
        NotificationRequest request =
            new NotificationRequest(
                String.join(":", KEY_PREFIX, community.getReferencePrefix(), day.toString(), member.userId()),
                NotificationEvent.STUCK_CASE_DIGEST,
                reference,
                member.email(),
                member.name(),
                model);
        try {
          if (notifications.deliverOnce(request).isPresent()) {
            sent++;
          } else {
            sentElsewhere++;
          }
        } catch (NotificationDeliveryException refused) {
          failed++;
          log.warn("Stuck-case digest {} not sent: {}", request.dedupKey(), refused.getMessage());
        }
      }
    }
    log.info(
        "Stuck-case digest of {}: {} sent here, {} sent already, {} refused; nothing stuck in {}",
        day, sent, sentElsewhere, failed, nothingStuck);
    return new Outcome(sent, sentElsewhere, failed, List.copyOf(nothingStuck));
  }

  /** The digest's own reference, shown in its subject: {@code DIGEST-BHM-2025-05-14}. */
  static String reference(Community community, LocalDate day) {
    return "DIGEST-" + community.getReferencePrefix() + "-" + day;
  }

  private Map<String, Object> model(Community community, LocalDate day, StuckCaseReport report) {
    StuckCasePage page = StuckCasePage.of(report, List.of(community));
    List<DigestCase> cases = new ArrayList<>();
    long incidentsInCases = 0;
    for (StuckCasePage.CommunitySection section : page.communities()) {
      for (StuckCasePage.StageGroup stage : section.stages()) {
        for (StuckCasePage.Row row : stage.rows()) {
          incidentsInCases += row.openIncidents();
          if (cases.size() < MAX_CASES) {
            cases.add(
                new DigestCase(
                    clip(stage.label()), clip(row.reference()), clip(row.activityName()),
                    row.waitingSinceText(), row.target(), row.overdueBy(), clip(row.whoActs()),
                    row.openIncidents()));
          }
        }
      }
    }
    List<DigestIncident> incidents =
        report.incidents().stream()
            .limit(MAX_INCIDENT_GROUPS)
            .map(i -> new DigestIncident(
                i.activityId() == null ? "(none)" : clip(i.activityId()),
                i.message() == null ? "(no message)" : clip(i.message()),
                i.count()))
            .toList();
    Map<String, Object> model = new HashMap<>();
    model.put("communityName", community.displayName());
    model.put("day", day.toString());
    model.put("caseCount", report.cases().size());
    model.put("cases", List.copyOf(cases));
    model.put("moreCases", report.cases().size() - cases.size());
    model.put("incidentsInCases", incidentsInCases);
    model.put("incidents", incidents);
    model.put("incidentCount", report.incidents().stream().mapToLong(IncidentGroup::count).sum());
    model.put("moreIncidentGroups", report.incidents().size() - incidents.size());
    model.put(
        "pageUrl",
        baseUrl + StuckCasePageController.PATH + "?community="
            + URLEncoder.encode(community.getId(), StandardCharsets.UTF_8));
    return model;
  }

  private static String clip(String text) {
    if (text == null) {
      return "";
    }
    String line = text.replaceAll("\\s+", " ").trim();
    return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT - 1) + "…";
  }
}
