package com.medsales.identity;

/** What a user may do. {@code OPERATOR} is the platform's own role, outside every tenant. */
public enum UserRole {
  /** Tenant administration: users, teams, invitations, the tenant's audit trail. */
  ADMIN,
  /** Sees and manages the work of the teams they manage. */
  MANAGER,
  /** Works their own territories and records. */
  REP,
  /** Runs the platform: ingestion and operations. */
  OPERATOR
}
