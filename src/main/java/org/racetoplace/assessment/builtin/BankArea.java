package org.racetoplace.assessment.builtin;

import java.util.List;
import org.racetoplace.application.ProgrammingLanguage;

/**
 * One file of the bank: the fundamentals, or one programming language.
 *
 * @param id {@value #FUNDAMENTALS} or the language's area id ({@code java}, {@code csharp}); also
 *     the prefix of the language's topic scores ({@code java.collections})
 * @param language the language tested, null for the fundamentals
 * @param version the file's {@code version}, recorded with every sitting drawn from it
 * @param topics the topics the file declares, in its order
 * @param items every item of the file, retired ones included
 * @param file the file name, for messages
 */
public record BankArea(
    String id,
    ProgrammingLanguage language,
    String version,
    List<String> topics,
    List<BankItem> items,
    String file) {

  public static final String FUNDAMENTALS = "fundamentals";

  public BankArea {
    topics = List.copyOf(topics);
    items = List.copyOf(items);
  }

  public boolean isFundamentals() {
    return language == null;
  }

  /** The items a new sitting may draw. */
  public List<BankItem> activeItems() {
    return items.stream().filter(item -> !item.retired()).toList();
  }

  /** {@code java@3}: which version of this file a sitting drew from. */
  public String versionTag() {
    return id + "@" + version;
  }

  /**
   * The name of a topic's subscore in the stored result: fundamentals topics as they are ({@code
   * control-flow}), language topics with the area id in front ({@code java.collections}), so the
   * two never clash.
   */
  public String scoreTopic(String topic) {
    return isFundamentals() ? topic : id + "." + topic;
  }
}
