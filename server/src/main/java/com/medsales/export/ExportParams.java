package com.medsales.export;

import com.medsales.platform.InvalidFields;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@code params} of an export request: a list endpoint's query parameters as a JSON object (a
 * string, number or boolean each, or an array for a repeatable parameter). The typed getters read
 * them as the endpoint binds its query parameters and note each value that cannot be read; {@link
 * #checkWith} then applies the endpoint's own Bean Validation constraints, and {@link #rejected()}
 * holds what was refused.
 */
public final class ExportParams {

  private static final org.springframework.objenesis.SpringObjenesis OBJENESIS =
      new org.springframework.objenesis.SpringObjenesis();
  private static final Map<Class<?>, Object> ENDPOINTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Map<String, @Nullable Object> values;
  private final Map<String, List<String>> rejected = new LinkedHashMap<>();

  public ExportParams(Map<String, @Nullable Object> values) {
    this.values = Map.copyOf(withoutNulls(values));
  }

  private static Map<String, Object> withoutNulls(Map<String, @Nullable Object> values) {
    Map<String, Object> kept = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (v != null) {
            kept.put(k, v);
          }
        });
    return kept;
  }

  /** The values as given (nulls dropped), for the audit trail and the job. */
  public Map<String, Object> asMap() {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) (Map<?, ?>) values;
    return map;
  }

  /** Notes every parameter that is not one of {@code known}. */
  public ExportParams only(String... known) {
    Set<String> allowed = Set.of(known);
    new TreeSet<>(values.keySet())
        .stream()
            .filter(k -> !allowed.contains(k))
            .forEach(k -> reject(k, "is not a parameter of this list"));
    return this;
  }

  public @Nullable String text(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    reject(name, "must be a single value");
    return null;
  }

  /** A repeatable parameter: an array of values, or one value. */
  public @Nullable List<String> texts(String name) {
    Object value = values.get(name);
    if (value instanceof Collection<?> many) {
      List<String> texts = new ArrayList<>();
      for (Object one : many) {
        if (one instanceof String || one instanceof Number) {
          texts.add(one.toString());
        } else {
          reject(name, "must be an array of values");
          return null;
        }
      }
      return texts;
    }
    String one = text(name);
    // as the query string binds it: "a,b" is two values
    return one == null ? null : Arrays.stream(one.split(",")).map(String::trim).toList();
  }

  public @Nullable UUID uuid(String name) {
    return parsed(name, UUID::fromString);
  }

  public boolean bool(String name, boolean otherwise) {
    Object value = values.get(name);
    if (value == null) {
      return otherwise;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = text(name);
    if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
      return Boolean.parseBoolean(text);
    }
    reject(name, "is not a valid value");
    return otherwise;
  }

  public @Nullable Integer integer(String name) {
    return parsed(name, s -> Integer.valueOf(s.trim()));
  }

  public @Nullable BigDecimal decimal(String name) {
    return parsed(name, s -> new BigDecimal(s.trim()));
  }

  public @Nullable Double number(String name) {
    Double d = parsed(name, s -> Double.valueOf(s.trim()));
    if (d != null && (d.isNaN() || d.isInfinite())) {
      reject(name, "must be a finite number");
      return null;
    }
    return d;
  }

  /**
   * A value read by {@code parse}, as a converter would; an {@link IllegalArgumentException} whose
   * message starts with "must" gives the reason, any other "is not a valid value".
   */
  public <T> @Nullable T parsed(String name, Function<String, T> parse) {
    String text = text(name);
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      reject(
          name,
          e.getMessage() != null && e.getMessage().startsWith("must")
              ? e.getMessage()
              : "is not a valid value");
      return null;
    }
  }

  public void reject(String name, String problem) {
    rejected.computeIfAbsent(name, k -> new ArrayList<>()).add(problem);
  }

  /** What was refused so far, by parameter, with the first reason of each. */
  public Map<String, String> rejected() {
    Map<String, String> first = new LinkedHashMap<>();
    rejected.forEach((k, v) -> first.put(k, v.get(0)));
    return first;
  }

  /**
   * Applies the Bean Validation constraints that the list endpoint declares on its parameters:
   * {@code method} (by name, on {@code endpoint}) called with {@code args}. A violation is noted
   * under the parameter's name.
   */
  public ExportParams checkWith(
      Validator validator, Class<?> endpoint, String method, @Nullable Object... args) {
    Method target =
        Arrays.stream(endpoint.getDeclaredMethods())
            .filter(m -> m.getName().equals(method) && m.getParameterCount() == args.length)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(endpoint + " has no " + method));
    // the constraints are the class's: an instance made without its constructor carries them, so
    // the endpoint's bean (present only where the API role runs) is not needed
    Object instance = ENDPOINTS.computeIfAbsent(endpoint, OBJENESIS::newInstance);
    for (ConstraintViolation<Object> violation :
        validator.forExecutables().validateParameters(instance, target, args)) {
      String name = null;
      for (Path.Node node : violation.getPropertyPath()) {
        if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
          name = node.getName();
        }
      }
      reject(name == null ? "params" : name, violation.getMessage());
    }
    return this;
  }

  /** Throws {@link InvalidFields} naming every refused parameter, if any. */
  public void throwIfRejected() {
    if (!rejected.isEmpty()) {
      Map<String, List<String>> fields = new LinkedHashMap<>();
      rejected.forEach((k, v) -> fields.put(k, List.copyOf(v)));
      throw new InvalidFields(fields);
    }
  }
}
