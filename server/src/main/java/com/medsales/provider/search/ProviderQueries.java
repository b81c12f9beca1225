package com.medsales.provider.search;

import com.medsales.platform.InvalidFields;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.ResolvableType;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.validation.DataBinder;
import org.springframework.validation.FieldError;

/**
 * A provider search written as the query string of {@code GET /api/v1/providers} (a target list's
 * rule, "add every result" of a search), bound into a {@link ProviderQuery} the way the endpoint
 * binds its parameters: the same typed filters and spellings, and the fields the binding refuses
 * handed on for {@link ProviderSearch} to name together with its own checks. A new component of
 * {@link ProviderQuery} is accepted here as soon as it exists.
 */
public final class ProviderQueries {

  /** The query as bound, and each field the binding refused with its problem. */
  public record Parsed(ProviderQuery query, Map<String, String> rejected) {}

  private static final Set<String> PARAMETERS =
      Arrays.stream(ProviderQuery.class.getRecordComponents())
          .map(RecordComponent::getName)
          .collect(Collectors.toUnmodifiableSet());

  private static final DefaultFormattingConversionService CONVERSIONS = conversions();

  private ProviderQueries() {}

  private static DefaultFormattingConversionService conversions() {
    var conversions = new DefaultFormattingConversionService();
    conversions.addConverter(String.class, Status.class, Status::parse);
    conversions.addConverter(String.class, EntityType.class, EntityType::parse);
    conversions.addConverter(String.class, SearchSort.class, SearchSort::parse);
    return conversions;
  }

  /**
   * {@code queryString} ({@code state=OH&specialty=Cardiology}, with or without a leading "?"), or
   * {@link InvalidFields} naming {@code field} when it is not a query string of the search: a
   * malformed escape, a parameter the search does not take, a cursor (a rule names providers, not a
   * page of them).
   */
  public static Parsed parse(String queryString, String field) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    String text = queryString.startsWith("?") ? queryString.substring(1) : queryString;
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name;
      String value;
      try {
        name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw InvalidFields.of(field, "is not a query string: " + e.getMessage());
      }
      if (!PARAMETERS.contains(name) || "cursor".equals(name)) {
        throw InvalidFields.of(field, "\"" + name + "\" is not a parameter of the provider search");
      }
      if (!value.isEmpty()) {
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    var binder = new DataBinder(null, "query");
    binder.setTargetType(ResolvableType.forClass(ProviderQuery.class));
    binder.setConversionService(CONVERSIONS);
    binder.construct(
        new DataBinder.ValueResolver() {
          @Override
          public @Nullable Object resolveValue(String name, Class<?> type) {
            List<String> given = values.get(name);
            if (given == null) {
              return null;
            }
            return given.size() == 1 ? given.getFirst() : given.toArray(String[]::new);
          }

          @Override
          public Set<String> getNames() {
            return values.keySet();
          }
        });
    Map<String, String> rejected = new LinkedHashMap<>();
    for (FieldError error : binder.getBindingResult().getFieldErrors()) {
      rejected.putIfAbsent(error.getField(), reason(error));
    }
    if (!(binder.getTarget() instanceof ProviderQuery query)) {
      throw new InvalidFields(
          "The search has invalid parameters.",
          rejected.entrySet().stream()
              .collect(
                  Collectors.toMap(
                      Map.Entry::getKey,
                      e -> List.of(e.getValue()),
                      (a, b) -> a,
                      LinkedHashMap::new)));
    }
    return new Parsed(query, rejected);
  }

  private static String reason(FieldError error) {
    if (error.contains(TypeMismatchException.class)
        && error.unwrap(TypeMismatchException.class).getMostSpecificCause()
            instanceof IllegalArgumentException refused
        && refused.getMessage() != null
        && refused.getMessage().startsWith("must")) {
      return refused.getMessage();
    }
    return "typeMismatch".equals(error.getCode())
        ? "is not a valid value"
        : String.valueOf(error.getDefaultMessage());
  }
}
