package com.medsales.export;

import com.medsales.platform.InvalidFields;
import java.util.List;
import java.util.Map;

/** The export would hold more rows than the user's role may export at once (400, with both). */
public class ExportTooLarge extends InvalidFields {

  public ExportTooLarge(long rows, long limit, String role) {
    super(
        "The export would hold %,d rows; a %s may export at most %,d. Narrow the filters."
            .formatted(rows, role, limit),
        Map.of(
            "params",
            List.of(
                "match %d rows, more than the %d a %s may export".formatted(rows, limit, role))),
        Map.of("rows", rows, "limit", limit));
  }
}
