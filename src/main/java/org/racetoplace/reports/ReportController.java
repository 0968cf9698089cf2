package org.racetoplace.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/funnel} and {@code GET /api/reports/adverse-impact}: the pilot-evaluation
 * reports (docs/evaluation.md) as JSON, or as CSV with {@code ?format=csv} or
 * {@code Accept: text/csv}. Parameters {@code from} and {@code to} (dates, both included) and
 * {@code community} (optional). The /api chain makes callers sign in; the role is checked here
 * before anything is read (403 for everyone but staff, program managers and admins).
 */
@RestController
class ReportController {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final PilotFunnel funnel;
  private final AdverseImpacts adverseImpacts;

  ReportController(PilotFunnel funnel, AdverseImpacts adverseImpacts) {
    this.funnel = funnel;
    this.adverseImpacts = adverseImpacts;
  }

  @GetMapping("/api/reports/funnel")
  ResponseEntity<?> funnel(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String community,
      @RequestParam(required = false) String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      Authentication authentication) {
    ReportReaders.check(authentication);
    boolean csv = wantsCsv(format, accept);
    FunnelReport report = funnel.report(from, to, community);
    return csv ? csv("funnel", report.period(), ReportCsv.funnel(report)) : json(report);
  }

  @GetMapping("/api/reports/adverse-impact")
  ResponseEntity<?> adverseImpact(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String community,
      @RequestParam(required = false) String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      Authentication authentication) {
    ReportReaders.check(authentication);
    boolean csv = wantsCsv(format, accept);
    AdverseImpactReport report = adverseImpacts.report(from, to, community);
    return csv ? csv("adverse-impact", report.period(), ReportCsv.adverseImpact(report)) : json(report);
  }

  /** {@code format} wins over {@code Accept}; without it, CSV only when the client names text/csv. */
  private static boolean wantsCsv(String format, String accept) {
    if (format != null && !format.isBlank()) {
      return switch (format.trim().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default ->
            throw new InvalidRequestException(
                "Invalid report format", List.of(new FieldProblem("format", "csv or json")));
      };
    }
    if (accept == null) {
      return false;
    }
    return MediaType.parseMediaTypes(accept).stream()
        .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("csv"));
  }

  private static ResponseEntity<Object> json(Object report) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
  }

  private static ResponseEntity<Object> csv(String name, ReportPeriod period, String body) {
    String file =
        name + "-" + period.from() + "-" + period.to()
            + (period.community() == null ? "" : "-" + period.community()) + ".csv";
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
        .body(body);
  }
}
