package com.medsales.provider.search;

import java.util.Locale;

/**
 * An NPI's entity type: INDIVIDUAL or ORGANIZATION, any case, or NPPES's Entity Type Code (1 or 2).
 */
public enum EntityType {
  INDIVIDUAL(1),
  ORGANIZATION(2);

  /** NPPES's Entity Type Code, as {@code provider.entity_type} holds it. */
  final int code;

  EntityType(int code) {
    this.code = code;
  }

  /**
   * The entity type a parameter names, or an {@link IllegalArgumentException} whose message is the
   * 400's.
   */
  public static EntityType parse(String text) {
    return switch (text.strip().toUpperCase(Locale.ROOT)) {
      case "INDIVIDUAL", "1" -> INDIVIDUAL;
      case "ORGANIZATION", "2" -> ORGANIZATION;
      default ->
          throw new IllegalArgumentException(
              "must be INDIVIDUAL or ORGANIZATION (or NPPES's 1 or 2)");
    };
  }
}
