package com.medsales.territory;

/**
 * The levels of a tenant's sales hierarchy, top down: a parent is always of a higher level than its
 * child.
 */
public enum TerritoryLevel {
  REGION,
  DISTRICT,
  TERRITORY;

  /** Whether a territory of this level may sit under one of {@code parent}'s level. */
  public boolean mayHaveParent(TerritoryLevel parent) {
    return parent.ordinal() < ordinal();
  }
}
