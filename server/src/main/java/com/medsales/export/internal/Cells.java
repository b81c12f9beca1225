package com.medsales.export.internal;

import com.medsales.export.ExportSource.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** How a value becomes a cell's text, the same in CSV and XLSX. */
final class Cells {

  private Cells() {}

  /**
   * OWASP's rule against spreadsheet formula injection: text that begins with {@code =}, {@code +},
   * {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, so a spreadsheet
   * shows it as text instead of evaluating it.
   */
  static String neutralised(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + text
        : text;
  }

  /** The value as text: numbers plain, dates and times ISO 8601 in UTC, lists joined by "; ". */
  static @Nullable String text(Type type, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case INTEGER, DECIMAL, MONEY ->
          value instanceof BigDecimal d ? d.toPlainString() : value.toString();
      case DATE -> value instanceof LocalDate d ? d.toString() : value.toString();
      case TIMESTAMP -> timestamp(value);
      case BOOLEAN -> value.toString();
      case TEXT, ID -> neutralised(plain(value));
    };
  }

  static String plain(Object value) {
    if (value instanceof Collection<?> many) {
      return many.stream().map(String::valueOf).collect(Collectors.joining("; "));
    }
    return value.toString();
  }

  static String timestamp(Object value) {
    Instant instant =
        switch (value) {
          case OffsetDateTime t -> t.toInstant();
          case Instant i -> i;
          case java.sql.Timestamp t -> t.toInstant();
          default -> null;
        };
    return instant == null
        ? value.toString()
        : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  static java.time.@Nullable LocalDateTime utc(Object value) {
    return switch (value) {
      case OffsetDateTime t -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      case Instant i -> i.atOffset(ZoneOffset.UTC).toLocalDateTime();
      default -> null;
    };
  }
}
