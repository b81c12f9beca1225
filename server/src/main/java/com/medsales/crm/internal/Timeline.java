package com.medsales.crm.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One time line per provider, contact and account: the tenant's CRM work (activities, tasks,
 * opportunities) mixed with what the public data says happened to the provider (a registry change
 * such as a new practice location or a deactivation, an Open Payments payment).
 */
@Service
public class Timeline {

  private final JdbcClient jdbc;
  private final Contacts contacts;
  private final Accounts accounts;

  Timeline(JdbcClient jdbc, Contacts contacts, Accounts accounts) {
    this.jdbc = jdbc;
    this.contacts = contacts;
    this.accounts = accounts;
  }

  public record Event(
      OffsetDateTime at,
      String source,
      String type,
      String title,
      @Nullable String detail,
      @Nullable UUID recordId) {}

  @Transactional(readOnly = true)
  public List<Event> ofContact(UUID contactId, int size) {
    var contact = contacts.find(contactId, false);
    List<Event> events =
        new ArrayList<>(
            crm(
                "EXISTS (SELECT 1 FROM activity_attendee x WHERE x.activity_id = a.id AND x.contact_id = :id)",
                "t.contact_id = :id",
                "o.contact_id = :id",
                contactId,
                size));
    if (contact.npi() != null) {
      events.addAll(publicEvents(Long.parseLong(contact.npi()), size));
    }
    return newestFirst(events, size);
  }

  @Transactional(readOnly = true)
  public List<Event> ofAccount(UUID accountId, int size) {
    var account = accounts.find(accountId, false);
    List<Event> events =
        new ArrayList<>(
            crm("a.account_id = :id", "t.account_id = :id", "o.account_id = :id", accountId, size));
    if (account.npi() != null) {
      events.addAll(publicEvents(Long.parseLong(account.npi()), size));
    }
    return newestFirst(events, size);
  }

  /**
   * A provider's time line: the public events, and the tenant's CRM work with the provider's
   * contact if there is one.
   */
  @Transactional(readOnly = true)
  public List<Event> ofProvider(long npi, int size) {
    List<Event> events = new ArrayList<>(publicEvents(npi, size));
    contacts
        .byNpi(npi)
        .ifPresent(
            id ->
                events.addAll(
                    crm(
                        "EXISTS (SELECT 1 FROM activity_attendee x WHERE x.activity_id = a.id AND x.contact_id = :id)",
                        "t.contact_id = :id",
                        "o.contact_id = :id",
                        id,
                        size)));
    return newestFirst(events, size);
  }

  private static List<Event> newestFirst(List<Event> events, int size) {
    return events.stream().sorted(Comparator.comparing(Event::at).reversed()).limit(size).toList();
  }

  // the three conditions are constants of this class, never request input
  private List<Event> crm(
      String activityWhere, String taskWhere, String opportunityWhere, UUID id, int size) {
    return jdbc.sql(
            "(SELECT a.occurred_at AS at, 'CRM' AS source, 'ACTIVITY_' || a.kind AS type, a.subject AS title,"
                + " concat_ws(' · ', a.outcome, a.next_step) AS detail, a.id AS record_id"
                + " FROM activity a WHERE a.tenant_id = medsales_tenant() AND a.deleted_at IS NULL AND "
                + activityWhere
                + " ORDER BY a.occurred_at DESC LIMIT :size)"
                + " UNION ALL (SELECT CASE WHEN t.status = 'DONE' THEN t.completed_at ELSE t.created_at END, 'CRM',"
                + " CASE WHEN t.status = 'DONE' THEN 'TASK_DONE' ELSE 'TASK' END, t.title,"
                + " CASE WHEN t.due_date IS NOT NULL THEN 'due ' || t.due_date END, t.id"
                + " FROM task t WHERE t.tenant_id = medsales_tenant() AND t.deleted_at IS NULL AND "
                + taskWhere
                + " ORDER BY t.created_at DESC LIMIT :size)"
                + " UNION ALL (SELECT o.created_at, 'CRM', 'OPPORTUNITY', o.name, s.name, o.id"
                + " FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id"
                + " WHERE o.tenant_id = medsales_tenant() AND o.deleted_at IS NULL AND "
                + opportunityWhere
                + " ORDER BY o.created_at DESC LIMIT :size)")
        .param("id", id)
        .param("size", size)
        .query(
            (rs, n) ->
                new Event(
                    rs.getObject("at", OffsetDateTime.class),
                    rs.getString("source"),
                    rs.getString("type"),
                    rs.getString("title"),
                    Contacts.blank(rs.getString("detail")),
                    rs.getObject("record_id", UUID.class)))
        .list();
  }

  private List<Event> publicEvents(long npi, int size) {
    return jdbc.sql(
            """
            -- the enumeration is dated by the registry's enumeration date, not by the run that first loaded the NPI
            (SELECT CASE WHEN c.change = 'NEW'
                         THEN coalesce((SELECT p.enumeration_date::timestamptz FROM provider p WHERE p.npi = c.npi),
                                       r.finished_at)
                         ELSE r.finished_at END AS at,
                    'NPPES' AS source, 'REGISTRY_' || c.change AS type,
                    CASE c.change
                      WHEN 'NEW' THEN 'Enumerated in the NPI registry'
                      WHEN 'DEACTIVATED' THEN 'NPI deactivated'
                      WHEN 'REACTIVATED' THEN 'NPI reactivated'
                      WHEN 'REMOVED' THEN 'No longer in the NPI registry'
                      ELSE CASE WHEN 'addresses' = ANY(c.groups) THEN 'Practice location changed' ELSE 'Registry record updated' END
                    END AS title,
                    nullif(array_to_string(c.groups, ', '), '') AS detail
             FROM provider_change c JOIN ingestion_run r ON r.id = c.run_id
             WHERE c.npi = :npi AND r.finished_at IS NOT NULL ORDER BY r.finished_at DESC LIMIT :size)
            UNION ALL
            (SELECT p.payment_date::timestamptz, 'OPEN_PAYMENTS', 'PAYMENT',
                    to_char(p.amount, 'FM$999,999,990.00') || ' from ' || p.payer_name,
                    concat_ws(' · ', p.nature, p.form)
             FROM op_general_payment p WHERE p.npi = :npi ORDER BY p.payment_date DESC LIMIT :size)
            """)
        .param("npi", npi)
        .param("size", size)
        .query(
            (rs, n) ->
                new Event(
                    rs.getObject("at", OffsetDateTime.class),
                    rs.getString("source"),
                    rs.getString("type"),
                    rs.getString("title"),
                    rs.getString("detail"),
                    null))
        .list();
  }
}
