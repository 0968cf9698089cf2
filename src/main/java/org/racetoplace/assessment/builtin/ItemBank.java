package org.racetoplace.assessment.builtin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.racetoplace.application.ProgrammingLanguage;

/**
 * The checked item bank: the fundamentals and one area per language offered. Immutable; built by
 * {@link ItemBankLoader} at start-up.
 */
public final class ItemBank {

  private final BankArea fundamentals;
  private final Map<ProgrammingLanguage, BankArea> languages;
  private final Map<String, BankItem> items;

  ItemBank(BankArea fundamentals, List<BankArea> languageAreas) {
    this.fundamentals = fundamentals;
    Map<ProgrammingLanguage, BankArea> byLanguage = new EnumMap<>(ProgrammingLanguage.class);
    languageAreas.forEach(area -> byLanguage.put(area.language(), area));
    this.languages = Collections.unmodifiableMap(byLanguage);
    Map<String, BankItem> byId = new LinkedHashMap<>();
    fundamentals.items().forEach(item -> byId.put(item.id(), item));
    languageAreas.forEach(area -> area.items().forEach(item -> byId.put(item.id(), item)));
    this.items = Collections.unmodifiableMap(byId);
  }

  public BankArea fundamentals() {
    return fundamentals;
  }

  public Optional<BankArea> language(ProgrammingLanguage language) {
    return Optional.ofNullable(languages.get(language));
  }

  /** The languages the built-in assessment tests, in the order of {@link ProgrammingLanguage}. */
  public List<ProgrammingLanguage> languages() {
    return List.copyOf(languages.keySet());
  }

  /** Every area: the fundamentals first, then the languages. */
  public List<BankArea> areas() {
    List<BankArea> areas = new ArrayList<>();
    areas.add(fundamentals);
    areas.addAll(languages.values());
    return areas;
  }

  /** Any item by id, retired ones included. */
  public Optional<BankItem> item(String id) {
    return Optional.ofNullable(items.get(id));
  }

  public int size() {
    return items.size();
  }
}
