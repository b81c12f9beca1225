package com.medsales.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A refused identity operation; the web layer turns each kind into its ProblemDetail. */
public class IdentityException extends RuntimeException {

  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT,
    SIGN_IN_FAILED,
    SIGN_IN_PAUSED,
    FORBIDDEN
  }

  private final Kind kind;
  private final Map<String, List<String>> fieldErrors;
  private final @Nullable Duration retryAfter;

  public IdentityException(Kind kind, String message) {
    this(kind, message, Map.of(), null);
  }

  public IdentityException(Kind kind, String message, Map<String, List<String>> fieldErrors, @Nullable Duration retryAfter) {
    super(message);
    this.kind = kind;
    this.fieldErrors = fieldErrors;
    this.retryAfter = retryAfter;
  }

  /** A refusal that names the field and what is wrong with it, in its message too (the command line shows only that). */
  public static IdentityException invalid(String field, List<String> problems) {
    return new IdentityException(Kind.INVALID, field + " " + String.join("; ", problems) + ".", Map.of(field, problems), null);
  }

  public static IdentityException notFound(String what) {
    return new IdentityException(Kind.NOT_FOUND, what + " was not found.");
  }

  public Kind kind() {
    return kind;
  }

  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }

  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
