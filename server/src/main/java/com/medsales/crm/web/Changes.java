package com.medsales.crm.web;

import com.medsales.crm.CrmException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A PATCH body: {@code version} (the one the client last saw) and the fields to change. */
final class Changes {

  private Changes() {}

  static long version(Map<String, @Nullable Object> body) {
    if (!(body.get("version") instanceof Number version)) {
      throw CrmException.invalid("version", "is required: the version of the record you last read");
    }
    return version.longValue();
  }

  static Map<String, @Nullable Object> fields(Map<String, @Nullable Object> body) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>(body);
    fields.remove("version");
    return fields;
  }
}
