package org.racetoplace.matching;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the canonical skill stored with each self-rated skill and project technology in step with
 * the bundled taxonomy. Intake stores it for every new row; this fills the rows that predate that
 * (an installation upgraded to V16) and, after {@code skills.yaml} changed, gives a name the
 * taxonomy has learnt its canonical skill (and corrects one whose alias moved to another skill).
 *
 * <p>It runs at the first start-up with a taxonomy version it has not run for, and remembers the
 * version in the engine's property table ({@value #VERSION_PROPERTY}); later start-ups with the
 * same taxonomy skip it. It reads each distinct (name, canonical skill) pair once and updates only
 * the pairs that differ from what the taxonomy says now, by name, so the work grows with the number
 * of different spellings, not of applications. Idempotent: a second node starting at the same
 * moment writes the same values.
 *
 * <p>Until it has run, nothing is wrong, only slower: matching resolves a row without a canonical
 * skill from its written name ({@link CandidateEvidence}), and the unknown-skills report leaves out
 * names the taxonomy knows ({@link UnknownSkills}).
 */
@Component
public class SkillNormalisationBackfill {

  /** The engine property ({@code ACT_GE_PROPERTY}): the taxonomy version the rows agree with. */
  static final String VERSION_PROPERTY = "racetoplace.skills.normalised-with";

  private static final Logger log = LoggerFactory.getLogger(SkillNormalisationBackfill.class);

  /** The tables holding free-text skill names, and the column of the name as written. */
  private static final String[][] TABLES = {
    {"application_skill", "name"}, {"application_project_technology", "technology"}
  };

  private final JdbcTemplate jdbc;
  private final ManagementService management;
  private final SkillTaxonomy taxonomy;

  public SkillNormalisationBackfill(JdbcTemplate jdbc, ManagementService management, SkillTaxonomy taxonomy) {
    this.jdbc = jdbc;
    this.management = management;
    this.taxonomy = taxonomy;
  }

  /** The fill, unless it has run with this taxonomy version already. */
  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    String done = management.getProperties().get(VERSION_PROPERTY);
    if (taxonomy.version().equals(done)) {
      log.debug("Stored skills agree with taxonomy {} already", done);
      return;
    }
    int changed = fill();
    management.setProperty(VERSION_PROPERTY, taxonomy.version());
    log.info("Stored skills normalised against taxonomy {}: {} rows changed", taxonomy.version(), changed);
  }

  /**
   * Sets every stored row's canonical skill to what the taxonomy says for its written name (none
   * for a name it does not know).
   *
   * @return how many rows changed
   */
  public int fill() {
    int changed = 0;
    for (String[] table : TABLES) {
      changed += fill(table[0], table[1]);
    }
    return changed;
  }

  private int fill(String table, String writtenColumn) {
    // both names are constants of this class, never input
    String pairs = "select distinct " + writtenColumn + ", canonical_name from " + table;
    String setWhereNull =
        "update " + table + " set canonical_name = ? where " + writtenColumn + " = ? and canonical_name is null";
    String setWhereStored =
        "update " + table + " set canonical_name = ? where " + writtenColumn + " = ? and canonical_name = ?";
    List<String[]> stored = jdbc.query(pairs, (row, n) -> new String[] {row.getString(1), row.getString(2)});
    int changed = 0;
    for (String[] pair : stored) {
      String written = pair[0];
      String canonical = taxonomy.canonicalName(written).orElse(null);
      if (!Objects.equals(canonical, pair[1])) {
        changed +=
            pair[1] == null
                ? jdbc.update(setWhereNull, canonical, written)
                : jdbc.update(setWhereStored, canonical, written, pair[1]);
      }
    }
    return changed;
  }
}
