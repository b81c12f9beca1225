package com.medsales.shared;

/**
 * The NUL character, which no text of this application may carry: PostgreSQL cannot store it in
 * text ("invalid byte sequence for encoding UTF8: 0x00"), and in a file or a parameter it is a sign
 * of binary or hostile input.
 */
public final class NulBytes {

  private NulBytes() {}

  /** The 1-based line of the first NUL in {@code text}, or 0 when there is none. */
  public static int lineOfFirst(CharSequence text) {
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return line;
      }
      if (c == '\n') {
        line++;
      }
    }
    return 0;
  }

  /**
   * Why {@code text} is refused, or null when it carries no NUL: with the line when it has more
   * than one.
   */
  public static @org.jspecify.annotations.Nullable String problem(CharSequence text) {
    int line = lineOfFirst(text);
    if (line == 0) {
      return null;
    }
    boolean multiline = text.chars().anyMatch(c -> c == '\n');
    return multiline ? "has a NUL byte on line " + line : "must not contain a NUL byte";
  }
}
