package com.medsales.crm;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A refused CRM operation; the web layer turns each kind into its ProblemDetail. */
public class CrmException extends RuntimeException {

  public enum Kind {
    INVALID,
    NOT_FOUND,
    /** A stale version: someone else changed the record; {@link #current()} is what it is now. */
    CONFLICT,
    FORBIDDEN,
    /** Deleted longer ago than can be restored. */
    GONE
  }

  private final Kind kind;
  private final Map<String, List<String>> fieldErrors;
  private final @Nullable Object current;

  public CrmException(Kind kind, String message) {
    this(kind, message, Map.of(), null);
  }

  public CrmException(Kind kind, String message, Map<String, List<String>> fieldErrors, @Nullable Object current) {
    super(message);
    this.kind = kind;
    this.fieldErrors = fieldErrors;
    this.current = current;
  }

  public static CrmException invalid(String field, String problem) {
    return new CrmException(Kind.INVALID, "The request has invalid fields.", Map.of(field, List.of(problem)), null);
  }

  public static CrmException notFound(String what) {
    return new CrmException(Kind.NOT_FOUND, what + " was not found.");
  }

  public Kind kind() {
    return kind;
  }

  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }

  public @Nullable Object current() {
    return current;
  }
}
