/**
 * The audit trail: append-only, tamper-evident events for sign-ins, password, role and token
 * changes, administrative actions and ingestion runs. Each tenant has its own hash chain and the
 * platform one more; {@link AuditTrail#verify} reports the first broken link.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package com.medsales.audit;

import org.jspecify.annotations.NullMarked;
