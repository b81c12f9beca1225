package com.medsales.provider.search;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A piece of a search's SQL with the bind values it names: immutable, composed by adding. {@code
 * answeredBy} says which narrower source of rows already answers a condition, so that a statement
 * reading from that source leaves it out (instead of removing its text from a list).
 */
record SqlFragment(String sql, Map<String, @Nullable Object> binds, Source answeredBy) {

  /** Where a statement's rows come from, when not from the registry's rows alone. */
  enum Source {
    /** Every source must test the condition. */
    NONE,
    /** The candidate table within reach (a specialty's locations, ZIP by ZIP) answers it. */
    CANDIDATES,
    /** The matching names the page reads by name answer it. */
    NAMES
  }

  SqlFragment {
    binds = Collections.unmodifiableMap(new HashMap<>(binds));
  }

  static SqlFragment of(String sql) {
    return new SqlFragment(sql, Map.of(), Source.NONE);
  }

  static SqlFragment of(String sql, String name, @Nullable Object value) {
    return of(sql).bind(name, value);
  }

  /** This fragment with one more bind value. */
  SqlFragment bind(String name, @Nullable Object value) {
    Map<String, @Nullable Object> more = new HashMap<>(binds);
    more.put(name, value);
    return new SqlFragment(sql, more, answeredBy);
  }

  /** This fragment, left out of a statement that reads from {@code source}. */
  SqlFragment answeredBy(Source source) {
    return new SqlFragment(sql, binds, source);
  }
}
