package com.medsales.shared;

import org.jspecify.annotations.Nullable;

/**
 * User text inside a SQL {@code LIKE} or {@code ILIKE} pattern: its wildcards ({@code %}, {@code
 * _}) and PostgreSQL's default escape character ({@code \}) stand for themselves, so {@code
 * specialty=\} or {@code q=50%} searches for that text instead of failing ("LIKE pattern must not
 * end with escape character") or matching everything.
 */
public final class LikePatterns {

  private LikePatterns() {}

  /**
   * {@code text} with every {@code \}, {@code %} and {@code _} escaped by a backslash; null stays
   * null.
   */
  public static @Nullable String literal(@Nullable String text) {
    if (text == null) {
      return null;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
