package dev.fnkit.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An ordered, case-insensitive multimap of HTTP headers that keeps the spelling a name was first
 * set with. Not thread-safe.
 */
public final class Headers {
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  private static final class Entry {
    final String name;
    final List<String> values = new ArrayList<>(1);

    Entry(String name) {
      this.name = name;
    }
  }

  /** Replaces the values of {@code name} with {@code value}. */
  public Headers set(String name, String value) {
    Entry entry = new Entry(name);
    entry.values.add(value);
    entries.put(key(name), entry);
    return this;
  }

  /** Appends {@code value} to the values of {@code name}. */
  public Headers add(String name, String value) {
    entries.computeIfAbsent(key(name), k -> new Entry(name)).values.add(value);
    return this;
  }

  /** Removes every value of {@code name}. */
  public void remove(String name) {
    entries.remove(key(name));
  }

  /** The first value of {@code name}, or {@code null}. */
  public String first(String name) {
    Entry entry = entries.get(key(name));
    return entry == null ? null : entry.values.get(0);
  }

  /** All values of {@code name}; empty when absent. */
  public List<String> all(String name) {
    Entry entry = entries.get(key(name));
    return entry == null ? List.of() : Collections.unmodifiableList(entry.values);
  }

  public boolean contains(String name) {
    return entries.containsKey(key(name));
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Calls {@code action} once per value, with the name as first set. */
  public void forEach(BiConsumer<String, String> action) {
    for (Entry entry : entries.values()) {
      for (String value : entry.values) {
        action.accept(entry.name, value);
      }
    }
  }

  /** An unmodifiable copy with case-insensitive keys. */
  public Map<String, List<String>> toMap() {
    TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Entry entry : entries.values()) {
      map.put(entry.name, List.copyOf(entry.values));
    }
    return Collections.unmodifiableMap(map);
  }

  public Headers copy() {
    Headers copy = new Headers();
    forEach(copy::add);
    return copy;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
    return text.toString();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
