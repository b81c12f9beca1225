package com.medsales.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The operations of the application's OpenAPI document ({@code /v3/api-docs}), for the tests that
 * walk every one of them (isolation, read-only tokens, foreign references, hostile input): an
 * operation added later is walked without editing the tests.
 */
public final class ApiOperations {

  public static final Set<String> READS = Set.of("get");
  public static final Set<String> WRITES =
      Set.of("post", "put", "patch", "delete", "options", "trace");
  public static final Set<String> ALL = Set.of("get", "post", "put", "patch", "delete");

  private ApiOperations() {}

  /** One operation: its method in capitals, its path template and its part of the document. */
  public record Operation(String method, String path, JsonNode spec) {
    public String key() {
      return method + " " + path;
    }
  }

  /**
   * The document's operations whose (lower-case) method is one of {@code methods}, in the
   * document's order.
   */
  public static List<Operation> of(JsonNode document, Set<String> methods) {
    List<Operation> operations = new ArrayList<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        method -> {
                          if (methods.contains(method.getKey())) {
                            operations.add(
                                new Operation(
                                    method.getKey().toUpperCase(),
                                    path.getKey(),
                                    method.getValue()));
                          }
                        }));
    return operations;
  }

  /** A node with its {@code $ref}s followed (to ten levels) within the document. */
  public static JsonNode resolve(JsonNode document, JsonNode node) {
    JsonNode current = node;
    for (int i = 0; i < 10 && current.has("$ref"); i++) {
      JsonNode target = document;
      for (String part : current.get("$ref").asString().substring(2).split("/")) {
        target = target.path(part);
      }
      current = target;
    }
    return current;
  }
}
