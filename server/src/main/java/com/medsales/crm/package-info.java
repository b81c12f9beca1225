/**
 * The CRM: accounts, contacts linked to NPIs, activities (calls, visits, ...), tasks and the
 * opportunity pipeline, with optimistic locking, soft delete with restore, and a change history on
 * every record. Every record is tenant-owned; row-level security shows each user only what their
 * role allows (see V12__crm.sql).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "CRM")
package com.medsales.crm;

import org.jspecify.annotations.NullMarked;
