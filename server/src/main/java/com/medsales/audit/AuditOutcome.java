package com.medsales.audit;

public enum AuditOutcome {
  SUCCESS,
  FAILURE,
  /** Refused by authorisation or a throttle. */
  DENIED
}
