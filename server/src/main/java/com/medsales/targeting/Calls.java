package com.medsales.targeting;

/**
 * What counts as a call on a target list, as SQL: an activity of kind CALL, VISIT, LUNCH or
 * IN_SERVICE, not deleted, dated within the list's period (its dates in the database's time zone,
 * the end date included), with an attendee contact (a current one) linked to the member's NPI,
 * logged by the list's owner or by a rep of a team the owner manages. E-mails and notes are not
 * calls. Counted live under the reader's row-level security: a reader sees the calls of the people
 * whose activities they may see, which for the owner, their manager and an admin are all of the
 * list's callers.
 */
final class Calls {

  private Calls() {}

  static final String KINDS = "('CALL', 'VISIT', 'LUNCH', 'IN_SERVICE')";

  /**
   * Common table expressions {@code l} (the list {@code :list}, if the reader sees it), {@code
   * callers} and {@code calls} (per member NPI: calls and the last one's time), for a query that
   * follows.
   */
  static final String WITH_CALLS =
      """
      WITH l AS (
        SELECT id, owner_id, period_start, period_end FROM target_list WHERE id = :list AND tenant_id = medsales_tenant()
      ), callers AS (
        SELECT l.owner_id AS user_id FROM l
        UNION
        SELECT m.user_id FROM l JOIN team t ON t.manager_id = l.owner_id AND t.tenant_id = medsales_tenant()
        JOIN team_member m ON m.team_id = t.id
      ), calls AS (
        SELECT c.npi, count(DISTINCT a.id) AS calls, max(a.occurred_at) AS last_call_at
        FROM l CROSS JOIN callers u
        JOIN activity a ON a.owner_id = u.user_id AND a.tenant_id = medsales_tenant()
             AND a.occurred_at >= l.period_start AND a.occurred_at < l.period_end + 1
             AND a.kind IN %s AND a.deleted_at IS NULL
        JOIN activity_attendee x ON x.activity_id = a.id
        JOIN contact c ON c.id = x.contact_id AND c.npi IS NOT NULL AND c.deleted_at IS NULL
        WHERE EXISTS (SELECT 1 FROM target_member tm WHERE tm.list_id = l.id AND tm.npi = c.npi)
        GROUP BY c.npi
      )
      """
          .formatted(KINDS);

  /** A provider's display name from the registry or the CMS-only table ({@code p}, {@code cp}). */
  static final String NAME =
      """
      coalesce(p.organization_name, nullif(concat_ws(' ', p.first_name, p.last_name), ''),
               cp.organization_name, nullif(concat_ws(' ', cp.first_name, cp.last_name), ''))""";
}
