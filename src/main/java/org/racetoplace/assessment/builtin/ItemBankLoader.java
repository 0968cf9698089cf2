package org.racetoplace.assessment.builtin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.racetoplace.application.ProgrammingLanguage;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the item bank files ({@code *.yaml}, {@code *.yml}) of a folder and checks every rule of
 * docs/assessment.md before anything uses them: the shape of each file and item, unique ids,
 * declared topics, keys that are among the options, and enough items to assemble a form. Every
 * problem is collected, so a program manager fixes a file in one round; then {@link
 * ItemBankException} names each with its file and item.
 *
 * <p>Every YAML scalar is read as text (no implicit typing): {@code key: yes}, {@code key: 1.10}
 * or {@code key: 010} mean exactly what is written, not a boolean, 1.1 or 8.
 */
public final class ItemBankLoader {

  static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  static final int MAX_ID_LENGTH = 40;
  static final int MAX_AREA_LENGTH = 19;
  static final Pattern OPTION_ID = Pattern.compile("[a-z0-9]{1,8}");
  static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,19}");
  static final int MIN_OPTIONS = 2;
  static final int MAX_OPTIONS = 8;
  static final int MAX_PROMPT_LENGTH = 2000;
  static final int MAX_CODE_LENGTH = 4000;
  static final int MAX_OPTION_LENGTH = 500;
  static final int MAX_ACCEPTED_LENGTH = 200;

  private static final Set<String> FILE_FIELDS = Set.of("version", "area", "language", "topics", "items");
  private static final Set<String> ITEM_FIELDS =
      Set.of("id", "kind", "topic", "difficulty", "prompt", "code", "options", "key", "match", "retired");
  private static final Set<String> MATCH_FIELDS = Set.of("case-sensitive", "whitespace");
  private static final List<String> EXTENSIONS = List.of("*.yaml", "*.yml");

  /** A bank file's name and text. */
  public record BankFile(String name, String content) {}

  private final int fundamentalsItems;
  private final int languageItems;

  /**
   * @param fundamentalsItems fundamentals items per sitting: the fundamentals need at least as many
   * @param languageItems language items per sitting: each language needs at least as many
   */
  public ItemBankLoader(int fundamentalsItems, int languageItems) {
    this.fundamentalsItems = fundamentalsItems;
    this.languageItems = languageItems;
  }

  /**
   * Loads every bank file in a folder.
   *
   * @param location a folder as a Spring resource location: {@code classpath:assessment/} (every
   *     classpath root is searched) or {@code file:/etc/race-to-place/assessment/}
   * @throws ItemBankException naming every problem found, or the folder as holding no bank files
   */
  public ItemBank load(ResourcePatternResolver resolver, String location) {
    String folder = location.endsWith("/") ? location : location + "/";
    if (folder.startsWith(ResourcePatternResolver.CLASSPATH_URL_PREFIX)) {
      folder =
          ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX
              + folder.substring(ResourcePatternResolver.CLASSPATH_URL_PREFIX.length());
    }
    List<BankFile> files = new ArrayList<>();
    for (String extension : EXTENSIONS) {
      Resource[] resources;
      try {
        resources = resolver.getResources(folder + extension);
      } catch (IOException e) {
        throw new ItemBankException("Cannot list the assessment item bank at " + location + ": " + e.getMessage(), e);
      }
      for (Resource resource : resources) {
        files.add(new BankFile(resource.getFilename(), read(resource)));
      }
    }
    files.sort(Comparator.comparing(BankFile::name));
    return load(location, files);
  }

  private static String read(Resource resource) {
    try {
      return resource.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ItemBankException(
          "Cannot read assessment item bank file " + resource.getDescription() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks the files together and builds the bank.
   *
   * @param location where the files came from, for the message
   * @throws ItemBankException naming every problem found
   */
  public ItemBank load(String location, List<BankFile> files) {
    List<String> problems = new ArrayList<>();
    if (files.isEmpty()) {
      problems.add("no bank files (*.yaml, *.yml) found");
      throw new ItemBankException(location, problems);
    }
    List<Declared> declared = new ArrayList<>();
    List<BankArea> areas = new ArrayList<>();
    for (BankFile file : files) {
      BankFileReader reader = new BankFileReader(file, problems);
      reader.read().ifPresent(areas::add);
      reader.declared().ifPresent(declared::add);
    }
    checkAcrossFiles(declared, areas, problems);
    if (!problems.isEmpty()) {
      throw new ItemBankException(location, problems);
    }
    BankArea fundamentals = areas.stream().filter(BankArea::isFundamentals).findFirst().orElseThrow();
    return new ItemBank(fundamentals, areas.stream().filter(area -> !area.isFundamentals()).toList());
  }

  /** What a file says it is, even when its items have problems. */
  private record Declared(String file, String areaId, ProgrammingLanguage language) {}

  private static void checkAcrossFiles(List<Declared> declared, List<BankArea> areas, List<String> problems) {
    Map<String, String> fileOfArea = new HashMap<>();
    Map<ProgrammingLanguage, String> fileOfLanguage = new HashMap<>();
    for (Declared area : declared) {
      String other = fileOfArea.putIfAbsent(area.areaId(), area.file());
      if (other != null) {
        problems.add(area.file() + ": area '" + area.areaId() + "' is defined in " + other + " already");
      }
      if (area.language() != null) {
        String otherLanguage = fileOfLanguage.putIfAbsent(area.language(), area.file());
        if (otherLanguage != null && other == null) {
          problems.add(
              area.file() + ": language " + area.language().displayName() + " is tested in " + otherLanguage
                  + " already");
        }
      }
    }
    Map<String, String> placeOfItem = new HashMap<>();
    for (BankArea area : areas) {
      List<BankItem> items = area.items();
      for (int index = 0; index < items.size(); index++) {
        String place = area.file() + ", " + itemLabel(index, items.get(index).id());
        String first = placeOfItem.putIfAbsent(items.get(index).id(), place);
        if (first != null) {
          problems.add(place + ": the id is used by " + first + " too; item ids must be unique across all files");
        }
      }
    }
    if (declared.stream().noneMatch(area -> BankArea.FUNDAMENTALS.equals(area.areaId()))) {
      problems.add("no file has area '" + BankArea.FUNDAMENTALS + "'; the fundamentals are required");
    }
    if (declared.stream().noneMatch(area -> area.language() != null)) {
      problems.add("no file tests a programming language; at least one is required");
    }
  }

  static String itemLabel(int index, String id) {
    return "item " + (index + 1) + (id == null ? "" : " (" + id + ")");
  }

  /** The YAML reader: safe types only, no duplicate keys, every scalar a string. */
  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(50);
    DumperOptions dumperOptions = new DumperOptions();
    return new Yaml(
        new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options, new TextOnlyResolver());
  }

  /** Resolves no implicit types: {@code yes}, {@code 1.10} and {@code null} stay the text written. */
  private static final class TextOnlyResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      // none: every plain scalar is a string
    }
  }

  /** Reads and checks one file; problems go to the shared list. */
  private final class BankFileReader {

    private final BankFile file;
    private final List<String> problems;
    private final Set<String> idsInFile = new HashSet<>();
    private Declared declared;

    BankFileReader(BankFile file, List<String> problems) {
      this.file = file;
      this.problems = problems;
    }

    private void problem(String message) {
      problems.add(file.name() + ": " + message);
    }

    Optional<Declared> declared() {
      return Optional.ofNullable(declared);
    }

    Optional<BankArea> read() {
      Object document;
      try {
        document = yaml().load(file.content());
      } catch (YAMLException e) {
        problem("not valid YAML: " + e.getMessage().replace('\n', ' '));
        return Optional.empty();
      }
      if (!(document instanceof Map<?, ?> root)) {
        problem("must be a mapping with version, area, topics and items");
        return Optional.empty();
      }
      int before = problems.size();
      unknownFields(root, FILE_FIELDS);
      String version = text(root.get("version"));
      if (version == null || !VERSION.matcher(version).matches()) {
        problem("version is required: a number such as 1 or 2.1 (letters, digits, '.', '_', '-'; at most 20)");
      }
      String areaId = text(root.get("area"));
      if (areaId == null || !ID.matcher(areaId).matches() || areaId.length() > MAX_AREA_LENGTH) {
        problem(
            "area is required: '" + BankArea.FUNDAMENTALS + "' or a language's id such as 'java'"
                + " (lower-case letters, digits and '-', at most " + MAX_AREA_LENGTH + " characters)");
        areaId = null;
      }
      ProgrammingLanguage language = language(root, areaId);
      if (areaId != null) {
        declared = new Declared(file.name(), areaId, language);
      }
      List<String> topics = topics(root.get("topics"));
      List<BankItem> items = items(root.get("items"), areaId, topics);
      // with items refused, counting the rest would only add noise to the real problem
      if (problems.size() == before) {
        checkCoverage(areaId, language, topics, items);
      }
      if (problems.size() > before) {
        return Optional.empty();
      }
      return Optional.of(new BankArea(areaId, language, version, topics, items, file.name()));
    }

    private ProgrammingLanguage language(Map<?, ?> root, String areaId) {
      Object value = root.get("language");
      boolean fundamentals = BankArea.FUNDAMENTALS.equals(areaId);
      if (value == null) {
        if (areaId != null && !fundamentals) {
          problem(
              "language is required for area '" + areaId + "': one of "
                  + String.join(", ", ProgrammingLanguage.displayNames()));
        }
        return null;
      }
      if (fundamentals) {
        problem("area '" + BankArea.FUNDAMENTALS + "' tests no language; remove 'language'");
        return null;
      }
      Optional<ProgrammingLanguage> language = ProgrammingLanguage.fromName(text(value));
      if (language.isEmpty()) {
        // the list is the application form's: a candidate may only take a language they named
        problem(
            "language '" + value + "' is not known; one of " + String.join(", ", ProgrammingLanguage.displayNames())
                + " (another language needs an entry in " + ProgrammingLanguage.class.getName()
                + " first: docs/assessment.md, \"Adding a language\")");
        return null;
      }
      return language.get();
    }

    private List<String> topics(Object value) {
      if (!(value instanceof List<?> list) || list.isEmpty()) {
        problem("topics is required: a list of the topic ids the items use");
        return List.of();
      }
      Set<String> topics = new LinkedHashSet<>();
      for (Object entry : list) {
        String topic = text(entry);
        if (topic == null || !ID.matcher(topic).matches() || topic.length() > MAX_ID_LENGTH) {
          problem(
              "topic '" + entry + "' is not a valid topic id (lower-case letters, digits and '-', at most "
                  + MAX_ID_LENGTH + " characters)");
        } else if (!topics.add(topic)) {
          problem("topic '" + topic + "' is listed twice");
        }
      }
      return List.copyOf(topics);
    }

    private List<BankItem> items(Object value, String areaId, List<String> topics) {
      if (!(value instanceof List<?> list) || list.isEmpty()) {
        problem("items is required: a list of items");
        return List.of();
      }
      List<BankItem> items = new ArrayList<>();
      for (int index = 0; index < list.size(); index++) {
        item(index, list.get(index), areaId, topics).ifPresent(items::add);
      }
      return items;
    }

    private void checkCoverage(
        String areaId, ProgrammingLanguage language, List<String> topics, List<BankItem> items) {
      List<BankItem> active = items.stream().filter(item -> !item.retired()).toList();
      for (String topic : topics) {
        if (active.stream().noneMatch(item -> item.topic().equals(topic))) {
          problem("topic '" + topic + "' has no items that are not retired; add some or remove the topic");
        }
      }
      boolean fundamentals = BankArea.FUNDAMENTALS.equals(areaId);
      int needed = fundamentals ? fundamentalsItems : languageItems;
      if ((fundamentals || language != null) && active.size() < needed) {
        problem(
            "has " + active.size() + " items that are not retired, but a sitting draws " + needed
                + " (hiring.assessment.built-in." + (fundamentals ? "fundamentals-items" : "language-items") + ")");
      }
    }

    /** One item; empty when it has problems (all of them reported). */
    private Optional<BankItem> item(int index, Object value, String areaId, List<String> topics) {
      if (!(value instanceof Map<?, ?> fields)) {
        problem(itemLabel(index, null) + ": must be a mapping with id, kind, topic, difficulty, prompt and key");
        return Optional.empty();
      }
      String rawId = text(fields.get("id"));
      String label = itemLabel(index, rawId);
      ItemProblems itemProblems = new ItemProblems(label);

      String id = rawId;
      if (id == null || !ID.matcher(id).matches() || id.length() > MAX_ID_LENGTH) {
        itemProblems.add(
            "id is required: lower-case letters, digits and '-', at most " + MAX_ID_LENGTH + " characters");
        id = null;
      } else if (!idsInFile.add(id)) {
        itemProblems.add("the id is used by an earlier item of this file; item ids must be unique");
      }
      for (Object field : fields.keySet()) {
        if (!ITEM_FIELDS.contains(String.valueOf(field))) {
          itemProblems.add("'" + field + "' is not a known field (" + String.join(", ", sorted(ITEM_FIELDS)) + ")");
        }
      }
      String kindCode = text(fields.get("kind"));
      ItemKind kind = ItemKind.fromCode(kindCode).orElse(null);
      if (kind == null) {
        itemProblems.add(
            (kindCode == null ? "kind is required" : "kind '" + kindCode + "' is not known")
                + "; one of " + ItemKind.codes());
      }
      String topic = text(fields.get("topic"));
      if (topic == null) {
        itemProblems.add("topic is required; one of the file's topics: " + String.join(", ", topics));
      } else if (!topics.contains(topic)) {
        itemProblems.add("topic '" + topic + "' is not one of the file's topics: " + String.join(", ", topics));
      }
      String difficultyText = text(fields.get("difficulty"));
      Difficulty difficulty = Difficulty.parse(difficultyText).orElse(null);
      if (difficulty == null) {
        itemProblems.add(
            (difficultyText == null ? "difficulty is required" : "difficulty '" + difficultyText + "' is not known")
                + "; easy, medium or hard (or 1, 2, 3)");
      }
      String prompt = requiredText(fields, "prompt", MAX_PROMPT_LENGTH, itemProblems);
      String code = optionalText(fields, "code", MAX_CODE_LENGTH, itemProblems);
      if (kind == ItemKind.OUTPUT_PREDICTION && code == null) {
        itemProblems.add("an output-prediction item needs the code whose output is asked for");
      }
      boolean retired = flag(fields.get("retired"), "retired", false, itemProblems);

      List<AnswerOption> options = List.of();
      Set<String> keyOptions = Set.of();
      List<String> accepted = List.of();
      TextMatch match = null;
      if (kind != null && kind.isChoice()) {
        options = options(fields.get("options"), itemProblems);
        keyOptions = choiceKey(kind, fields.get("key"), options, itemProblems);
        if (fields.containsKey("match")) {
          itemProblems.add("'match' applies to typed answers only, not to a " + kind.code() + " item");
        }
      } else if (kind != null) {
        if (fields.containsKey("options")) {
          itemProblems.add("a " + kind.code() + " item has a typed answer, not options; remove 'options'");
        }
        match = match(fields.get("match"), kind, itemProblems);
        accepted = acceptedAnswers(fields.get("key"), match, itemProblems);
      }

      if (itemProblems.any() || id == null || kind == null || difficulty == null || topic == null || prompt == null) {
        return Optional.empty();
      }
      return Optional.of(
          new BankItem(
              id, areaId, topic, difficulty, kind, prompt, code, options, keyOptions, accepted, match, retired,
              file.name()));
    }

    private List<AnswerOption> options(Object value, ItemProblems itemProblems) {
      if (!(value instanceof Map<?, ?> map) || map.size() < MIN_OPTIONS || map.size() > MAX_OPTIONS) {
        itemProblems.add(
            "options is required: " + MIN_OPTIONS + " to " + MAX_OPTIONS
                + " entries of an option id (a, b, …) and the option's text");
        return List.of();
      }
      List<AnswerOption> options = new ArrayList<>();
      Set<String> texts = new HashSet<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String optionId = text(entry.getKey());
        String optionText = text(entry.getValue());
        if (optionId == null || !OPTION_ID.matcher(optionId).matches()) {
          itemProblems.add("option id '" + entry.getKey() + "' must be 1 to 8 lower-case letters or digits");
          continue;
        }
        if (optionText == null || optionText.isBlank() || optionText.length() > MAX_OPTION_LENGTH) {
          itemProblems.add("option " + optionId + " needs a text of 1 to " + MAX_OPTION_LENGTH + " characters");
          continue;
        }
        if (!texts.add(optionText.strip())) {
          itemProblems.add("option " + optionId + " has the same text as an earlier option");
        }
        options.add(new AnswerOption(optionId, optionText.strip()));
      }
      return options;
    }

    private Set<String> choiceKey(
        ItemKind kind, Object value, List<AnswerOption> options, ItemProblems itemProblems) {
      Set<String> optionIds = new LinkedHashSet<>(options.stream().map(AnswerOption::id).toList());
      String known = String.join(", ", optionIds);
      if (value == null) {
        itemProblems.add(
            "key is required: "
                + (kind == ItemKind.SINGLE_CHOICE
                    ? "the id of the right option"
                    : "a list of the ids of the right options"));
        return Set.of();
      }
      List<String> ids = new ArrayList<>();
      if (kind == ItemKind.SINGLE_CHOICE) {
        String id = text(value);
        if (id == null || id.isBlank()) {
          itemProblems.add("key of a single-choice item is one option id, e.g. key: b");
          return Set.of();
        }
        ids.add(id);
      } else {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
          itemProblems.add("key of a multiple-choice item is a list of option ids, e.g. key: [a, c]");
          return Set.of();
        }
        for (Object entry : list) {
          ids.add(text(entry));
        }
      }
      Set<String> key = new LinkedHashSet<>();
      for (String id : ids) {
        if (id == null || !optionIds.contains(id)) {
          itemProblems.add("key '" + id + "' is not one of the options (" + known + ")");
        } else if (!key.add(id)) {
          itemProblems.add("key '" + id + "' is listed twice");
        }
      }
      return key;
    }

    private TextMatch match(Object value, ItemKind kind, ItemProblems itemProblems) {
      TextMatch defaults = TextMatch.defaultFor(kind);
      if (value == null) {
        return defaults;
      }
      if (!(value instanceof Map<?, ?> fields)) {
        itemProblems.add("match must be a mapping with case-sensitive and/or whitespace");
        return defaults;
      }
      for (Object field : fields.keySet()) {
        if (!MATCH_FIELDS.contains(String.valueOf(field))) {
          itemProblems.add("match: '" + field + "' is not known (case-sensitive, whitespace)");
        }
      }
      boolean caseSensitive =
          flag(fields.get("case-sensitive"), "match: case-sensitive", defaults.caseSensitive(), itemProblems);
      TextMatch.Whitespace whitespace = defaults.whitespace();
      String whitespaceText = text(fields.get("whitespace"));
      if (fields.containsKey("whitespace")) {
        Optional<TextMatch.Whitespace> parsed =
            Arrays.stream(TextMatch.Whitespace.values())
                .filter(rule -> rule.code().equals(whitespaceText))
                .findFirst();
        if (parsed.isEmpty()) {
          itemProblems.add("match: whitespace '" + whitespaceText + "' is not known (trim, collapse, ignore)");
        } else {
          whitespace = parsed.get();
        }
      }
      return new TextMatch(caseSensitive, whitespace);
    }

    private List<String> acceptedAnswers(Object value, TextMatch match, ItemProblems itemProblems) {
      List<Object> entries = new ArrayList<>();
      if (value instanceof List<?> list) {
        entries.addAll(list);
      } else if (value != null) {
        entries.add(value);
      }
      if (entries.isEmpty()) {
        itemProblems.add("key is required: the accepted answer, or a list of accepted answers");
        return List.of();
      }
      List<String> accepted = new ArrayList<>();
      for (Object entry : entries) {
        String answer = text(entry);
        if (answer == null || match.normalize(answer).isEmpty() || answer.length() > MAX_ACCEPTED_LENGTH) {
          itemProblems.add(
              "key '" + entry + "' must be a non-blank text of at most " + MAX_ACCEPTED_LENGTH + " characters");
          continue;
        }
        accepted.add(answer);
      }
      return accepted;
    }

    private boolean flag(Object value, String name, boolean defaultValue, ItemProblems itemProblems) {
      if (value == null) {
        return defaultValue;
      }
      String text = text(value);
      if ("true".equals(text) || "false".equals(text)) {
        return Boolean.parseBoolean(text);
      }
      itemProblems.add(name + " must be true or false, was '" + value + "'");
      return defaultValue;
    }

    private String requiredText(Map<?, ?> fields, String name, int maxLength, ItemProblems itemProblems) {
      String value = text(fields.get(name));
      if (value == null || value.isBlank() || value.length() > maxLength) {
        itemProblems.add(name + " is required: a text of at most " + maxLength + " characters");
        return null;
      }
      return value.strip();
    }

    private String optionalText(Map<?, ?> fields, String name, int maxLength, ItemProblems itemProblems) {
      Object raw = fields.get(name);
      if (raw == null) {
        return null;
      }
      String value = text(raw);
      if (value == null || value.isBlank() || value.length() > maxLength) {
        itemProblems.add(name + " must be a text of at most " + maxLength + " characters");
        return null;
      }
      // a literal block ends with a line break; the snippet is shown without it
      return value.stripTrailing();
    }

    private void unknownFields(Map<?, ?> map, Set<String> known) {
      for (Object field : map.keySet()) {
        if (!known.contains(String.valueOf(field))) {
          problem("'" + field + "' is not a known field (" + String.join(", ", sorted(known)) + ")");
        }
      }
    }

    /** Problems of one item, each prefixed with the file and the item's position and id. */
    private final class ItemProblems {
      private final String label;
      private boolean any;

      ItemProblems(String label) {
        this.label = label;
      }

      void add(String message) {
        any = true;
        problems.add(file.name() + ", " + label + ": " + message);
      }

      boolean any() {
        return any;
      }
    }
  }

  /** A scalar as text; null for anything else (a list, a mapping, nothing). */
  private static String text(Object value) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Number || value instanceof Boolean) {
      // only with an explicit tag such as !!int: the text-only resolver makes no numbers itself
      return value.toString();
    }
    return null;
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted(Comparator.comparing(name -> name.toLowerCase(Locale.ROOT))).toList();
  }
}
