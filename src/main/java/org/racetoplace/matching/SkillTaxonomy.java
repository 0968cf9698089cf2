package org.racetoplace.matching;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The bundled skill taxonomy ({@code classpath:matching/skills.yaml}): canonical skills with a
 * category, aliases and one-way related-skill links that give partial credit.
 *
 * <p>Every skill has a small integer id (its position in the file), so that scoring works on
 * sorted {@code int} arrays instead of names. A name the taxonomy does not know is never dropped: a
 * matching run's {@link #vocabulary() vocabulary} keeps it as written and gives it an id above the
 * taxonomy's ({@link #isKnown} tells them apart) for as long as the run lasts.
 *
 * <p>Names are compared by their {@linkplain #key key}: lower case, {@code #} read as "sharp" and
 * {@code +} as "plus", everything but letters and digits removed — {@code "C sharp"} = {@code
 * "C#"}, {@code "Node.js"} = {@code "node js"}.
 *
 * <p>Immutable once loaded, so one instance serves every thread.
 */
public final class SkillTaxonomy {

  /** The categories a skill may have; anything else in the file is an error. */
  public static final Set<String> CATEGORIES =
      Set.of(
          "language", "frontend", "backend", "mobile", "database", "data", "cloud", "devops", "tool",
          "testing", "practice", "security", "platform");

  /** Longest alias, in words, that {@link #mentionedIn} looks for in free text. */
  private static final int MAX_MENTION_WORDS = 6;

  private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s,;:()\\[\\]/|&]+");

  /** One skill of the taxonomy. */
  public record Definition(int id, String name, String category, List<String> aliases) {}

  private final String version;
  private final List<Definition> skills;
  private final Map<String, Integer> idsByKey;
  private final int[][] relatedIds;
  private final double[][] relatedCredits;

  private SkillTaxonomy(
      String version,
      List<Definition> skills,
      Map<String, Integer> idsByKey,
      int[][] relatedIds,
      double[][] relatedCredits) {
    this.version = version;
    this.skills = List.copyOf(skills);
    this.idsByKey = Map.copyOf(idsByKey);
    this.relatedIds = relatedIds;
    this.relatedCredits = relatedCredits;
  }

  /** Loads the bundled taxonomy. */
  public static SkillTaxonomy bundled() {
    try (InputStream in = SkillTaxonomy.class.getResourceAsStream("/matching/skills.yaml")) {
      if (in == null) {
        throw new InvalidTaxonomyException("classpath:matching/skills.yaml is missing");
      }
      return load(in);
    } catch (IOException e) {
      throw new InvalidTaxonomyException("classpath:matching/skills.yaml cannot be read: " + e.getMessage());
    }
  }

  /**
   * Reads and checks a taxonomy.
   *
   * @throws InvalidTaxonomyException naming the entry, for a missing or blank field, an unknown
   *     category, a name or alias used twice, a link to an unknown skill or to itself, or a credit
   *     outside (0, 1)
   */
  public static SkillTaxonomy load(InputStream yaml) {
    Object document;
    try {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (RuntimeException e) {
      throw new InvalidTaxonomyException("not a YAML document: " + e.getMessage());
    }
    if (!(document instanceof Map<?, ?> root)) {
      throw new InvalidTaxonomyException("the document must be a map with 'version' and 'skills'");
    }
    Object version = root.get("version");
    if (version == null || version.toString().isBlank()) {
      throw new InvalidTaxonomyException("'version' is missing");
    }
    if (!(root.get("skills") instanceof List<?> entries) || entries.isEmpty()) {
      throw new InvalidTaxonomyException("'skills' must be a non-empty list");
    }

    List<Definition> skills = new ArrayList<>();
    Map<String, Integer> idsByKey = new HashMap<>();
    List<Map<?, ?>> links = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof Map<?, ?> entry)) {
        throw new InvalidTaxonomyException("skills[" + i + "] must be a map");
      }
      String name = text(entry.get("name"));
      String where = name == null ? "skills[" + i + "]" : "skill '" + name + "' (skills[" + i + "])";
      if (name == null) {
        throw new InvalidTaxonomyException(where + ": 'name' is missing");
      }
      String category = text(entry.get("category"));
      if (category == null || !CATEGORIES.contains(category)) {
        throw new InvalidTaxonomyException(where + ": 'category' must be one of " + new TreeSet<>(CATEGORIES));
      }
      List<String> aliases = new ArrayList<>();
      Object aliasList = entry.get("aliases");
      if (aliasList != null && !(aliasList instanceof List<?>)) {
        throw new InvalidTaxonomyException(where + ": 'aliases' must be a list");
      }
      if (aliasList instanceof List<?> list) {
        for (Object alias : list) {
          String written = text(alias);
          if (written == null) {
            throw new InvalidTaxonomyException(where + ": an alias is blank");
          }
          aliases.add(written);
        }
      }
      int id = skills.size();
      register(idsByKey, name, id, where, skills);
      for (String alias : aliases) {
        register(idsByKey, alias, id, where + " alias '" + alias + "'", skills);
      }
      skills.add(new Definition(id, name, category, List.copyOf(aliases)));
      Object related = entry.get("related");
      if (related != null && !(related instanceof Map<?, ?>)) {
        throw new InvalidTaxonomyException(where + ": 'related' must map skill names to credits");
      }
      links.add(related == null ? Map.of() : (Map<?, ?>) related);
    }

    int[][] relatedIds = new int[skills.size()][];
    double[][] relatedCredits = new double[skills.size()][];
    for (Definition skill : skills) {
      Map<?, ?> related = links.get(skill.id());
      // sorted by target id, so a candidate's related skills can be merged deterministically
      Map<Integer, Double> byTarget = new TreeMap<>();
      for (Map.Entry<?, ?> link : related.entrySet()) {
        String where = "skill '" + skill.name() + "': related '" + link.getKey() + "'";
        Integer target = link.getKey() == null ? null : idsByKey.get(key(link.getKey().toString()));
        if (target == null) {
          throw new InvalidTaxonomyException(where + " is not a skill of the taxonomy");
        }
        if (target == skill.id()) {
          throw new InvalidTaxonomyException(where + " links the skill to itself");
        }
        if (!(link.getValue() instanceof Number credit)
            || !(credit.doubleValue() > 0)
            || !(credit.doubleValue() < 1)) {
          throw new InvalidTaxonomyException(where + ": the credit must be a number between 0 and 1 (exclusive)");
        }
        if (byTarget.put(target, credit.doubleValue()) != null) {
          throw new InvalidTaxonomyException(where + " is linked twice");
        }
      }
      relatedIds[skill.id()] = byTarget.keySet().stream().mapToInt(Integer::intValue).toArray();
      relatedCredits[skill.id()] = byTarget.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
    return new SkillTaxonomy(version.toString(), skills, idsByKey, relatedIds, relatedCredits);
  }

  private static void register(
      Map<String, Integer> idsByKey, String written, int id, String where, List<Definition> skills) {
    String key = key(written);
    if (key.isEmpty()) {
      throw new InvalidTaxonomyException(where + ": has no letters or digits");
    }
    Integer existing = idsByKey.putIfAbsent(key, id);
    // the same skill spelt twice is harmless; two skills claiming one spelling is not
    if (existing != null && existing != id) {
      throw new InvalidTaxonomyException(
          where + ": '" + written + "' is already a name or alias of skill '" + skills.get(existing).name() + "'");
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  /**
   * How names are compared: lower case, {@code #} as "sharp", {@code +} as "plus", only letters
   * and digits kept.
   */
  public static String key(String written) {
    String lower = written.toLowerCase(Locale.ROOT);
    StringBuilder key = new StringBuilder(lower.length() + 8);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c == '#') {
        key.append("sharp");
      } else if (c == '+') {
        key.append("plus");
      } else if (Character.isLetterOrDigit(c)) {
        key.append(c);
      }
    }
    return key.toString();
  }

  public String version() {
    return version;
  }

  /** How many skills the taxonomy has; their ids are 0 to size - 1. */
  public int size() {
    return skills.size();
  }

  public List<Definition> skills() {
    return skills;
  }

  /**
   * How two spellings of a name the taxonomy does not know are told apart: its {@linkplain #key
   * key}, or, for a name without letters or digits ("--"), its trimmed lower-case form.
   */
  public static String unknownKey(String written) {
    String trimmed = written.trim();
    String key = key(trimmed);
    return key.isEmpty() ? trimmed.toLowerCase(Locale.ROOT) : key;
  }

  /**
   * The canonical name of the skill a free-text name stands for (by name or alias, any letter
   * case), or empty when the taxonomy does not know it.
   */
  public Optional<String> canonicalName(String written) {
    if (written == null || written.isBlank()) {
      return Optional.empty();
    }
    Integer known = idsByKey.get(key(written));
    return known == null ? Optional.empty() : Optional.of(skills.get(known).name());
  }

  /**
   * A new, empty vocabulary over this taxonomy, for one matching run: it hands ids to the names the
   * taxonomy does not know for as long as the run keeps it.
   */
  public SkillVocabulary vocabulary() {
    return new SkillVocabulary(this);
  }

  /** The id of the skill a name stands for (by name or alias, any letter case), or -1. */
  int idOf(String written) {
    Integer known = idsByKey.get(key(written));
    return known == null ? -1 : known;
  }

  /** Whether the taxonomy knows the name (as a canonical name or an alias). */
  public boolean knows(String written) {
    return written != null && idsByKey.containsKey(key(written));
  }

  public boolean isKnown(int id) {
    return id >= 0 && id < skills.size();
  }

  /** Ids of the skills holding {@code id} counts towards, ascending; empty for unknown skills. */
  int[] relatedIds(int id) {
    return isKnown(id) ? relatedIds[id] : new int[0];
  }

  /** The credit of each link of {@link #relatedIds}, in the same order. */
  double[] relatedCredits(int id) {
    return isKnown(id) ? relatedCredits[id] : new double[0];
  }

  /**
   * The known skills a free text names (a certificate's title: "AWS Certified Cloud Practitioner",
   * "Udacity Java Nanodegree"), longest names first and without overlaps, in order of appearance.
   */
  public List<Definition> mentionedIn(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String[] words = WORD_SEPARATORS.split(text.trim());
    Map<Integer, Definition> found = new LinkedHashMap<>();
    int i = 0;
    while (i < words.length) {
      int matchedWords = 0;
      for (int n = Math.min(MAX_MENTION_WORDS, words.length - i); n >= 1 && matchedWords == 0; n--) {
        String key = key(String.join(" ", Arrays.copyOfRange(words, i, i + n)));
        Integer id = key.isEmpty() ? null : idsByKey.get(key);
        if (id != null) {
          found.putIfAbsent(id, skills.get(id));
          matchedWords = n;
        }
      }
      i += Math.max(1, matchedWords);
    }
    return List.copyOf(found.values());
  }

  /** The taxonomy file is unusable; the message names the entry. Start-up fails with it. */
  public static class InvalidTaxonomyException extends IllegalStateException {
    public InvalidTaxonomyException(String message) {
      super("Invalid skill taxonomy: " + message);
    }
  }
}
