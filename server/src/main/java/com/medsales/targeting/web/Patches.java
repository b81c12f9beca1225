package com.medsales.targeting.web;

import com.medsales.platform.InvalidFields;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A PATCH body (as the CRM's): {@code version} (the one the client last saw, where the record has
 * one) and the fields to change. The body stays a map, so that a field sent as null (cleared)
 * differs from one not sent; it is checked against its schema record (the one the OpenAPI document
 * shows) with the same Bean Validation rules as a create, so a PATCH cannot store what a POST may
 * not.
 */
final class Patches {

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private Patches() {}

  static long version(Map<String, @Nullable Object> body) {
    if (!(body.get("version") instanceof Number version)) {
      throw InvalidFields.of("version", "is required: the version of the record you last read");
    }
    return version.longValue();
  }

  static Map<String, @Nullable Object> fields(Map<String, @Nullable Object> body) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>(body);
    fields.remove("version");
    return fields;
  }

  /**
   * The fields to change, once the body holds to {@code schema}'s constraints: a value of the wrong
   * type, an oversize list or text is a 400 naming the field. Fields the schema does not know are
   * left for the module to refuse by name.
   */
  static Map<String, @Nullable Object> checked(
      Validator validator, Map<String, @Nullable Object> body, Class<?> schema) {
    Object change;
    try {
      change = JSON.convertValue(body, schema);
    } catch (RuntimeException e) {
      throw InvalidFields.of(field(e), "is not a valid value");
    }
    var violations = validator.validate(change);
    if (!violations.isEmpty()) {
      Map<String, List<String>> errors =
          violations.stream()
              .collect(
                  Collectors.groupingBy(
                      Patches::field,
                      TreeMap::new,
                      Collectors.mapping(ConstraintViolation::getMessage, Collectors.toList())));
      throw new InvalidFields(errors);
    }
    return fields(body);
  }

  private static String field(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    int element = path.indexOf('[');
    return element < 0 ? path : path.substring(0, element);
  }

  private static String field(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JacksonException d
          && !d.getPath().isEmpty()
          && d.getPath().getFirst().getPropertyName() != null) {
        return d.getPath().getFirst().getPropertyName();
      }
    }
    return "body";
  }
}
