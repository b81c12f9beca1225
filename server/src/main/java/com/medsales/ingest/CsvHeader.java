package com.medsales.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A file's header, matched by name, not position, across vintages. Names are compared without case,
 * spaces or punctuation ({@code pl_pfile}'s headers have double spaces and stray hyphens), and a
 * field may have aliases (NPPES renamed "Provider Gender Code" to "Provider Sex Code" in 2025).
 */
public final class CsvHeader {

  private final String fileName;
  private final Map<String, Integer> positions = new HashMap<>();
  private final List<String> names;
  private final Set<String> used = new LinkedHashSet<>();

  public CsvHeader(String fileName, List<String> names) {
    this.fileName = fileName;
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      positions.putIfAbsent(normalize(names.get(i)), i);
    }
  }

  public static String normalize(String name) {
    var sb = new StringBuilder(name.length());
    for (char c : name.strip().toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  public int size() {
    return names.size();
  }

  /**
   * The position of a required column; the run stops before anything is written when it is missing.
   */
  public int required(String... namesOrAliases) throws MissingColumn {
    int position = optional(namesOrAliases);
    if (position < 0) {
      throw new MissingColumn(fileName, namesOrAliases[0]);
    }
    return position;
  }

  /** The position of a column that older vintages lack, or -1. */
  public int optional(String... namesOrAliases) {
    for (String name : namesOrAliases) {
      Integer position = positions.get(normalize(name));
      if (position != null) {
        used.add(names.get(position));
        return position;
      }
    }
    return -1;
  }

  /** Columns that no field asked for: a newer vintage added them. */
  public List<String> unused() {
    List<String> result = new ArrayList<>();
    for (String name : names) {
      if (!used.contains(name) && !name.isBlank()) {
        result.add(name);
      }
    }
    return result;
  }

  public String name(int position) {
    return names.get(position);
  }

  /** A column a file must have is not there. */
  public static final class MissingColumn extends Exception {
    public MissingColumn(String fileName, String column) {
      super("Missing required column '" + column + "' in " + fileName + "; nothing was loaded");
    }
  }
}
