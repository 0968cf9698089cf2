package org.racetoplace.reports;

import static org.racetoplace.testing.Environment.env;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.racetoplace.community.Community;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Both pilot reports over 100,000 finished cases on PostgreSQL (docs/performance.md, "Pilot
 * reports"). The setup migrates an empty database ({@code HIRING_BENCH_DB_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/hiring_reports_bench}, user {@code postgres}) with our
 * Flyway scripts and Camunda's history DDL, and generates the history once with set-based SQL
 * ({@code INSERT … SELECT generate_series}): 100,000 applications over 2025 in six communities,
 * about 1.3 million activity instances, assessment results, vetting reviews, interviews, proposals,
 * placements and self-identification for 85 %. A case's fate follows {@code r = g * 7919 % 1000}.
 * {@code case_report} is then filled from that history by the start-up backfill's statement, as on
 * an installation upgraded to V12.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class ReportBenchmark {

  static final int CASES = 100_000;
  static final String FROM = "2025-01-01";
  static final String TO = "2025-12-31";

  private HikariDataSource dataSource;
  private PilotFunnel funnel;
  private AdverseImpacts adverseImpacts;
  private ReportPeriod period;
  private List<Community> communities;

  @Setup(Level.Trial)
  public void history() throws Exception {
    String url = env("HIRING_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/hiring_reports_bench");
    // a connection pool, as the application has: a report borrows connections, it does not open them
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url);
    dataSource.setUsername(env("HIRING_BENCH_DB_USER", "postgres"));
    dataSource.setPassword(env("HIRING_BENCH_DB_PASSWORD", ""));
    dataSource.setMaximumPoolSize(2);
    this.dataSource = dataSource;
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    if (jdbc.queryForObject("select to_regclass('act_hi_actinst') is null", Boolean.class)) {
      camundaHistoryTables(dataSource);
    }
    Integer existing =
        jdbc.queryForObject("select count(*) from application where reference like 'BENCH-%'", Integer.class);
    if (existing == null || existing != CASES) {
      generate(jdbc);
    }
    Integer reported =
        jdbc.queryForObject("select count(*) from case_report where process_instance_id like 'bench-%'", Integer.class);
    if (reported == null || reported != CASES) {
      // as an installation upgraded to V12: the start-up backfill fills case_report from the history
      long started = System.nanoTime();
      jdbc.update("delete from case_report where process_instance_id like 'bench-%'");
      CaseReportSql.fillFromHistory(jdbc, null, java.time.Instant.now());
      jdbc.execute("analyze case_report");
      System.out.printf("# backfilled case_report in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
    communities = jdbc.query("select id, name, region, reference_prefix, time_zone from community",
        (rs, n) -> new Community(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(dataSource);
    funnel = new PilotFunnel(named, null, Clock.systemUTC());
    adverseImpacts = new AdverseImpacts(named, null, Clock.systemUTC());
    period = new ReportPeriod(LocalDate.parse(FROM), LocalDate.parse(TO), null);
    long applied = funnel.report(period, communities).overall().stages().get(0).count();
    if (applied != CASES) {
      throw new IllegalStateException("expected " + CASES + " applications in the period, found " + applied);
    }
  }

  @TearDown(Level.Trial)
  public void closePool() {
    dataSource.close();
  }

  @Benchmark
  public FunnelReport funnelOfOneHundredThousandCases() {
    return funnel.report(period, communities);
  }

  @Benchmark
  public AdverseImpactReport adverseImpactOfOneHundredThousandCases() {
    return adverseImpacts.report(period, communities);
  }

  private static void camundaHistoryTables(DataSource dataSource) throws IOException, SQLException {
    String script;
    try (InputStream in =
        ReportBenchmark.class.getResourceAsStream("/org/camunda/bpm/engine/db/create/activiti.postgres.create.history.sql")) {
      // without comments: the licence header holds a ';'
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*--.*$", "");
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : script.split(";")) {
        String stripped = sql.trim();
        if (!stripped.isEmpty()) {
          statement.execute(stripped);
        }
      }
    }
  }

  private static void generate(JdbcTemplate jdbc) {
    long started = System.nanoTime();
    String apps = "(select id from application where reference like 'BENCH-%')";
    for (String table : List.of("placement", "match_proposal", "interview_scorecard", "interview_appointment",
        "vetting_review", "assessment_result", "application_self_identification")) {
      jdbc.update("delete from " + table + " where application_id in " + apps);
    }
    jdbc.update("delete from case_report where process_instance_id like 'bench-%'");
    jdbc.update("delete from ACT_HI_ACTINST where PROC_INST_ID_ like 'bench-%'");
    jdbc.update("delete from application where reference like 'BENCH-%'");
    jdbc.update("delete from candidate where email like '%@bench.invalid'");
    jdbc.update("delete from job_opening where employer_id in (select id from employer_partner where slug like 'bench-%')");
    jdbc.update("delete from employer_partner where slug like 'bench-%'");

    // g: 1..100000; r = g * 7919 % 1000 decides the case's fate; t0 its submission time
    String cases =
        "from generate_series(1, " + CASES + ") g, lateral (select (g::bigint * 7919) % 1000 as r,"
            + " timestamp '2025-01-01 08:00' + ((g % 350) * interval '1 day') + ((g % 600) * interval '1 minute') as t0) x";
    String community = "(array['birmingham','atlanta','akron','seattle','hawaii','rhode-island'])[1 + g % 6]";
    jdbc.update("insert into candidate (id, community_id, email, first_name, last_name, consent_at, created_at, updated_at)"
        + " select 50000000 + g, " + community + ", 'case' || g || '@bench.invalid', 'Bench', 'Case ' || g,"
        + " t0 at time zone 'UTC', t0 at time zone 'UTC', t0 at time zone 'UTC' " + cases);
    jdbc.update("insert into application (id, reference, candidate_id, community_id, role_track, status,"
        + " status_token_hash, process_instance_id, created_at, updated_at)"
        + " select 50000000 + g, 'BENCH-' || g, 50000000 + g, " + community + ", 'software-engineer',"
        + " case when r >= 850 then 'PLACED' when r between 50 and 99 then 'EXPIRED'"
        + "  when r between 100 and 149 or r between 540 and 549 then 'WITHDRAWN' else 'NOT_ADVANCED' end,"
        + " repeat('0', 64), 'bench-' || g, t0 at time zone 'UTC', t0 at time zone 'UTC' " + cases);

    // history: each stage entered, with three inner activity instances (tasks, events, gateways)
    String[][] stages = {
      {"Stage_Apply", "0", "0", "interval '1 hour'"},
      {"Stage_Assess", "50", "1", "((r % 10) + 1) * interval '1 day'"},
      {"Stage_Vet", "400", "12", "((r % 7) + 1) * interval '1 day'"},
      {"Stage_Interview", "550", "20", "((r % 14) + 2) * interval '1 day'"},
      {"Stage_Match", "700", "36", "((r % 30) + 5) * interval '1 day'"}
    };
    for (String[] s : stages) {
      String start = "t0 + " + s[2] + " * interval '1 day'";
      jdbc.update("insert into ACT_HI_ACTINST (ID_, PARENT_ACT_INST_ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_,"
          + " PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, ACT_NAME_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_,"
          + " ACT_INST_STATE_, SEQUENCE_COUNTER_)"
          + " select 'bench-' || g || ':" + s[0] + ":' || k, 'bench-' || g, 'hiring-pipeline', 'hiring-pipeline:1:bench',"
          + " 'bench-' || g, 'bench-' || g, 'bench-' || g || '-exec', case when k = 0 then '" + s[0] + "'"
          + " else '" + s[0] + "_Inner' || k end, '" + s[0] + "', case when k = 0 then 'subProcess' else 'userTask' end,"
          + " " + start + ", " + start + " + " + s[3] + ","
          + " (extract(epoch from " + s[3] + ") * 1000)::bigint, 1, k"
          + " " + cases + ", generate_series(0, 3) k where r >= " + s[1]);
    }
    jdbc.update("insert into assessment_result (application_id, source, language, fundamentals_score, language_score,"
        + " scaled_score, completed_at, created_at) select 50000000 + g, 'BUILT_IN', 'Java', 50 + r % 50, 50 + r % 50,"
        + " case when r >= 400 then 75 else 45 end, (t0 + interval '3 day') at time zone 'UTC',"
        + " (t0 + interval '3 day') at time zone 'UTC' " + cases + " where r >= 150");
    jdbc.update("insert into vetting_review (application_id, round, decision, rationale, reviewer, decided_at)"
        + " select 50000000 + g, 1, case when r >= 550 then 'APPROVE' else 'DECLINE' end, 'bench', 'vetter',"
        + " (t0 + interval '15 day') at time zone 'UTC' " + cases + " where r >= 420");
    jdbc.update("insert into interview_appointment (id, application_id, attempt, scheduled_at, time_zone, format,"
        + " location, created_at) select 50000000 + g, 50000000 + g, 1, (t0 + interval '25 day') at time zone 'UTC',"
        + " 'America/Chicago', 'VIDEO', 'https://video.invalid', (t0 + interval '21 day') at time zone 'UTC' "
        + cases + " where r >= 560");
    jdbc.update("insert into interview_scorecard (application_id, appointment_id, attended, communication_score,"
        + " teamwork_score, problem_solving_score, learning_agility_score, professionalism_score, recommendation,"
        + " score, recorded_at) select 50000000 + g, 50000000 + g, true, 4, 4, 4, 4, 4,"
        + " case when r >= 700 then 'YES' else 'NO' end, case when r >= 700 then 80 else 40 end,"
        + " (t0 + interval '26 day') at time zone 'UTC' " + cases + " where r >= 560");
    jdbc.update("insert into employer_partner (id, slug, name, created_at) select 50000000 + e, 'bench-' || e,"
        + " 'Bench Employer ' || e, timestamptz '2025-01-01 00:00+00' from generate_series(1, 10) e");
    jdbc.update("insert into job_opening (id, employer_id, title, community_id, positions, filled, status, created_at,"
        + " updated_at) select 50000000 + o, 50000000 + 1 + o % 10, 'Developer', "
        + "(array['birmingham','atlanta','akron','seattle','hawaii','rhode-island'])[1 + o % 6], 1000, 0, 'OPEN',"
        + " timestamptz '2025-01-01 00:00+00', timestamptz '2025-01-01 00:00+00' from generate_series(0, 59) o");
    jdbc.update("insert into match_proposal (id, application_id, opening_id, score, explanation, status, created_at,"
        + " decided_at) select 50000000 + g, 50000000 + g, 50000000 + g % 60, 70, 'bench',"
        + " case when r >= 850 then 'HIRED' when r >= 760 then 'DECLINED' else 'EXPIRED' end,"
        + " (t0 + interval '37 day') at time zone 'UTC', (t0 + interval '45 day') at time zone 'UTC' "
        + cases + " where r >= 700");
    jdbc.update("insert into placement (application_id, proposal_id, opening_id, employer_id, start_date, confirmed_at)"
        + " select 50000000 + g, 50000000 + g, 50000000 + g % 60, 50000000 + 1 + (g % 60) % 10,"
        + " (t0 + interval '70 day')::date, (t0 + interval '50 day' + (r % 20) * interval '1 day') at time zone 'UTC' "
        + cases + " where r >= 850");
    jdbc.update("insert into application_self_identification (application_id, sex, race_ethnicity, recorded_at)"
        + " select 50000000 + g, (array['Female','Male','Nonbinary'])[1 + (g / 7) % 3],"
        + " (array['Black','White','Hispanic or Latino','Asian','Native Hawaiian or Pacific Islander','Two or more'])[1 + (g / 11) % 6],"
        + " t0 at time zone 'UTC' " + cases + " where g % 20 >= 3");
    jdbc.execute("analyze");
    System.out.printf("# generated %d cases in %.1f s%n", CASES, (System.nanoTime() - started) / 1e9);
  }
}
