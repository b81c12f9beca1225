package com.medsales.crm.internal;

import com.medsales.crm.ContactAlreadyExists;
import com.medsales.crm.internal.RecordStore.Table;
import com.medsales.identity.MedsalesUser;
import com.medsales.notification.Notice;
import com.medsales.notification.NotificationType;
import com.medsales.notification.Notifications;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.TenantScope;
import com.medsales.provider.ProviderProfile;
import com.medsales.provider.Providers;
import com.medsales.shared.LikePatterns;
import com.medsales.shared.Npi;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts: providers (linked to an individual NPI, whose public facts are read live, never copied)
 * and staff or unmatched people (facts of their own). Which contacts a user sees is row-level
 * security's decision.
 */
@Service
public class Contacts {

  private final JdbcClient jdbc;
  private final RecordStore records;
  private final Providers providers;

  private final Notifications notifications;

  Contacts(JdbcClient jdbc, RecordStore records, Providers providers, Notifications notifications) {
    this.jdbc = jdbc;
    this.records = records;
    this.providers = providers;
    this.notifications = notifications;
  }

  public record ContactView(
      UUID id,
      long version,
      @Nullable String npi,
      String displayName,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String credential,
      @Nullable String title,
      @Nullable String specialty,
      @Nullable String email,
      @Nullable String phone,
      @Nullable String city,
      @Nullable String state,
      @Nullable String zip5,
      @Nullable String providerStatus,
      @Nullable UUID accountId,
      @Nullable String accountName,
      UUID ownerId,
      String ownerName,
      List<String> tags,
      @Nullable String notes,
      String source,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      @Nullable ProviderProfile provider) {

    /**
     * The contact as its giver last saw it, now a colleague's (whom the giver may no longer be able
     * to read it from).
     */
    ContactView handedTo(UUID owner, String ownerName, long version, OffsetDateTime at) {
      return new ContactView(
          id,
          version,
          npi,
          displayName,
          firstName,
          lastName,
          credential,
          title,
          specialty,
          email,
          phone,
          city,
          state,
          zip5,
          providerStatus,
          accountId,
          accountName,
          owner,
          ownerName,
          tags,
          notes,
          source,
          createdAt,
          at,
          provider);
    }
  }

  /**
   * The contact's own fields beside the provider's live ones (the registry wins where it has a
   * value).
   */
  static final String SELECT =
      """
      SELECT c.*, a.name AS account_name, u.display_name AS owner_name,
             p.first_name AS p_first, p.last_name AS p_last, p.credential AS p_credential,
             CASE WHEN p.npi IS NULL THEN NULL WHEN p.active THEN 'ACTIVE' ELSE 'DEACTIVATED' END AS p_status,
             spec.name AS p_specialty, loc.city AS p_city, loc.state AS p_state, loc.zip5 AS p_zip5, loc.phone AS p_phone
      FROM contact c
      JOIN app_user u ON u.id = c.owner_id
      LEFT JOIN account a ON a.id = c.account_id AND a.deleted_at IS NULL
      LEFT JOIN provider p ON p.npi = c.npi
      LEFT JOIN LATERAL (
        SELECT coalesce(t.display_name, t.classification, pt.code) AS name FROM provider_taxonomy pt
        LEFT JOIN taxonomy t ON t.code = pt.code WHERE pt.npi = c.npi ORDER BY pt.is_primary DESC, pt.slot LIMIT 1
      ) spec ON true
      LEFT JOIN LATERAL (
        SELECT city, state, zip5, phone FROM provider_address
        WHERE npi = c.npi AND kind = 'PRACTICE' ORDER BY seq LIMIT 1
      ) loc ON true
      """;

  static ContactView view(ResultSet rs, @Nullable ProviderProfile provider) throws SQLException {
    long npi = rs.getLong("npi");
    boolean linked = !rs.wasNull();
    String first =
        linked && rs.getString("p_first") != null
            ? rs.getString("p_first")
            : rs.getString("first_name");
    String last =
        linked && rs.getString("p_last") != null
            ? rs.getString("p_last")
            : rs.getString("last_name");
    String display = ((first == null ? "" : first + " ") + (last == null ? "" : last)).strip();
    return new ContactView(
        rs.getObject("id", UUID.class),
        rs.getLong("version"),
        linked ? Long.toString(npi) : null,
        display.isEmpty() ? "NPI " + npi : display,
        first,
        last,
        rs.getString("p_credential"),
        rs.getString("title"),
        coalesce(rs.getString("p_specialty"), rs.getString("specialty")),
        rs.getString("email"),
        coalesce(rs.getString("phone"), rs.getString("p_phone")),
        rs.getString("p_city"),
        rs.getString("p_state"),
        coalesce(rs.getString("p_zip5"), rs.getString("zip5")),
        rs.getString("p_status"),
        rs.getObject("account_id", UUID.class),
        rs.getString("account_name"),
        rs.getObject("owner_id", UUID.class),
        rs.getString("owner_name"),
        List.of((String[]) rs.getArray("tags").getArray()),
        rs.getString("notes"),
        rs.getString("source"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class),
        provider);
  }

  private static @Nullable String coalesce(@Nullable String a, @Nullable String b) {
    return a != null ? a : b;
  }

  public record NewContact(
      @Nullable String npi,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String title,
      @Nullable String specialty,
      @Nullable String email,
      @Nullable String phone,
      @Nullable String zip5,
      @Nullable UUID accountId,
      @Nullable UUID ownerId,
      @Nullable List<String> tags,
      @Nullable String notes) {}

  /**
   * Creates a contact: from a provider ({@code npi}, copying nothing of the registry) or from plain
   * fields. A provider who is already a contact of the tenant is a 409 naming the existing contact.
   */
  @Transactional
  public ContactView create(MedsalesUser user, NewContact request) {
    Long npi = null;
    if (request.npi() != null && !request.npi().isBlank()) {
      if (!Npi.isValid(request.npi().strip())) {
        throw InvalidFields.of("npi", "is not a valid NPI (10 digits with a correct check digit)");
      }
      npi = Long.parseLong(request.npi().strip());
      if (providers.find(npi).isEmpty()) {
        throw InvalidFields.of("npi", "is not in the NPI registry or the CMS data");
      }
    } else if (request.lastName() == null || request.lastName().isBlank()) {
      throw InvalidFields.of("lastName", "is required when no NPI is given");
    }
    if (npi != null) {
      Optional<UUID> existing = byNpi(npi);
      if (existing.isPresent()) {
        throw new ContactAlreadyExists(
            "This provider is already a contact.", Map.of("id", existing.get()));
      }
      // the unique index sees contacts this user may not: name whose it is (whom to ask), not the
      // contact itself
      Optional<ColleaguesContact> colleagues = colleaguesContact(npi);
      if (colleagues.isPresent()) {
        String owner = colleagues.get().ownerName();
        throw new ContactAlreadyExists(
            "This provider is already a contact of "
                + (owner == null ? "a colleague" : owner)
                + ", which you cannot open. Ask them or your manager to reassign it to you.",
            colleagues.get());
      }
    }
    UUID owner = request.ownerId() != null ? request.ownerId() : user.userId();
    records.requireUser("ownerId", owner);
    // made the creator's, then given: a rep may make a contact for a colleague without seeing it
    // afterwards
    records.requireReference(Table.ACCOUNT, "accountId", request.accountId());
    UUID id;
    try {
      id =
          jdbc.sql(
                  """
              INSERT INTO contact (tenant_id, npi, first_name, last_name, title, specialty, email, phone, zip5, account_id,
                                   owner_id, tags, notes, source)
              VALUES (medsales_tenant(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
              """)
              .params(
                  npi,
                  blank(request.firstName()),
                  blank(request.lastName()),
                  blank(request.title()),
                  blank(request.specialty()),
                  blank(request.email()),
                  blank(request.phone()),
                  blank(request.zip5()),
                  request.accountId(),
                  user.userId(),
                  tags(request.tags()),
                  blank(request.notes()),
                  npi != null ? "PROVIDER" : "MANUAL")
              .query(UUID.class)
              .single();
    } catch (DuplicateKeyException e) {
      throw new ContactAlreadyExists("This provider just became a contact.", null);
    }
    records.created(Table.CONTACT, id);
    return giveTo(id, 0, owner);
  }

  @Transactional(readOnly = true)
  public ContactView find(UUID id, boolean withProvider) {
    return jdbc.sql(
            SELECT + " WHERE c.id = ? AND c.tenant_id = medsales_tenant() AND c.deleted_at IS NULL")
        .param(id)
        .query(
            (rs, n) -> {
              long npi = rs.getLong("npi");
              ProviderProfile provider =
                  withProvider && !rs.wasNull() ? providers.find(npi).orElse(null) : null;
              return view(rs, provider);
            })
        .optional()
        .orElseThrow(() -> new RecordNotFound("The contact"));
  }

  public record Query(
      @Nullable String q,
      @Nullable String tag,
      @Nullable UUID ownerId,
      @Nullable UUID accountId,
      @Nullable UUID territoryId,
      @Nullable String npi,
      boolean deleted,
      @Nullable String cursor,
      int size) {}

  public record Page(List<ContactView> items, @Nullable String nextCursor) {}

  /** Contacts this user may see, by name (then id), with keyset pages. */
  @Transactional(readOnly = true)
  public Page list(Query query) {
    String afterName = null;
    UUID afterId = null;
    if (query.cursor() != null) {
      int bar = query.cursor().lastIndexOf('|');
      if (bar < 0) {
        throw InvalidFields.of("cursor", "is not a cursor this API gave");
      }
      afterName = query.cursor().substring(0, bar);
      try {
        afterId = UUID.fromString(query.cursor().substring(bar + 1));
      } catch (IllegalArgumentException e) {
        throw InvalidFields.of("cursor", "is not a cursor this API gave");
      }
    }
    List<ContactView> rows =
        jdbc.sql(
                "SELECT * FROM ("
                    + SELECT
                    + ") x WHERE x.tenant_id = medsales_tenant()"
                    + RecordStore.currentOrRestorable("x")
                    + " AND (CAST(:q AS text) IS NULL OR lower(concat_ws(' ', x.p_first, x.p_last, x.first_name, x.last_name,"
                    + "   x.email, x.account_name)) LIKE '%' || lower(:q) || '%')"
                    + " AND (CAST(:tag AS text) IS NULL OR :tag = ANY(x.tags))"
                    + " AND (CAST(:owner AS uuid) IS NULL OR x.owner_id = :owner)"
                    + " AND (CAST(:account AS uuid) IS NULL OR x.account_id = :account)"
                    + " AND (CAST(:npi AS bigint) IS NULL OR x.npi = :npi)"
                    // the territory holding the contact's location: the provider's practice
                    // address, else the contact's
                    // ZIP in its home county's state (V85's territory_of)
                    + " AND (CAST(:territory AS uuid) IS NULL OR EXISTS (SELECT 1 FROM territory_of(coalesce(x.p_zip5, x.zip5),"
                    + "   coalesce(x.p_state, (SELECT k.state FROM zip_county zc JOIN county k ON k.geoid = zc.county_geoid"
                    + "                        WHERE zc.zip5 = x.zip5 AND zc.home))) t WHERE t.territory_id = :territory))"
                    + " AND (CAST(:afterName AS text) IS NULL OR (lower(coalesce(x.p_last, x.last_name, '')), x.id) > (:afterName, :afterId))"
                    + " ORDER BY lower(coalesce(x.p_last, x.last_name, '')), x.id LIMIT :limit")
            .param("deleted", query.deleted())
            .param(
                "q",
                query.q() == null || query.q().isBlank()
                    ? null
                    : LikePatterns.literal(query.q().strip()))
            .param("tag", query.tag())
            .param("owner", query.ownerId())
            .param("account", query.accountId())
            .param("npi", query.npi() == null ? null : parseNpi(query.npi()))
            .param("territory", query.territoryId())
            .param("afterName", afterName)
            .param("afterId", afterId)
            .param("limit", query.size() + 1)
            .query((rs, n) -> view(rs, null))
            .list();
    String next = null;
    if (rows.size() > query.size()) {
      rows = rows.subList(0, query.size());
      ContactView last = rows.getLast();
      next =
          (last.lastName() == null ? "" : last.lastName().toLowerCase(java.util.Locale.ROOT))
              + "|"
              + last.id();
    }
    return new Page(rows, next);
  }

  private static long parseNpi(String npi) {
    if (!npi.strip().matches("\\d{10}")) {
      throw InvalidFields.of("npi", "must be 10 digits");
    }
    return Long.parseLong(npi.strip());
  }

  /**
   * Changes the named fields (camelCase keys of the API) if the contact is still at {@code
   * version}.
   */
  @Transactional
  public ContactView update(UUID id, long version, Map<String, @Nullable Object> fields) {
    var columns = records.columns(FIELDS, fields, "a contact");
    records.requireReferences(columns, REFERENCES);
    // the owner last and on its own: the giver may not see the contact once it is a colleague's
    Object owner = columns.remove("owner_id");
    var row = records.update(Table.CONTACT, id, version, columns, () -> find(id, false));
    return owner == null
        ? find(id, false)
        : giveTo(id, row.get("version").asLong(), RecordStore.uuid("ownerId", owner));
  }

  /**
   * Gives the contact (at {@code version}) to {@code owner} unless it is theirs already, and
   * answers it as it is now: read again where the caller still sees it (an admin, the new owner's
   * manager, a rep of its territory), else as the caller saw it before, with its new owner and
   * version.
   */
  private ContactView giveTo(UUID id, long version, UUID owner) {
    ContactView before = find(id, false);
    if (before.ownerId().equals(owner)) {
      return before;
    }
    long handed = records.handOverContact(id, version, owner, () -> find(id, false));
    if (!owner.equals(TenantScope.current().userId())) {
      notifications.raise(
          new Notice(
              NotificationType.ASSIGNED,
              "assigned:contact:" + id + ":" + handed,
              "Contact assigned to you: " + before.displayName(),
              before.displayName() + " is now your contact.",
              "/contacts/" + id,
              before.npi() == null ? null : Long.valueOf(before.npi())),
          List.of(owner));
    }
    return visible(id)
        .orElseGet(
            () ->
                before.handedTo(
                    owner,
                    jdbc.sql(
                            "SELECT display_name FROM app_user WHERE id = ? AND tenant_id = medsales_tenant()")
                        .param(owner)
                        .query(String.class)
                        .single(),
                    handed,
                    jdbc.sql("SELECT now()").query(OffsetDateTime.class).single()));
  }

  private Optional<ContactView> visible(UUID id) {
    return jdbc.sql(
            SELECT + " WHERE c.id = ? AND c.tenant_id = medsales_tenant() AND c.deleted_at IS NULL")
        .param(id)
        .query((rs, n) -> view(rs, null))
        .optional();
  }

  static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("firstName", "first_name"),
          Map.entry("lastName", "last_name"),
          Map.entry("title", "title"),
          Map.entry("specialty", "specialty"),
          Map.entry("email", "email"),
          Map.entry("phone", "phone"),
          Map.entry("zip5", "zip5"),
          Map.entry("accountId", "account_id"),
          Map.entry("ownerId", "owner_id"),
          Map.entry("tags", "tags"),
          Map.entry("notes", "notes"));

  private static final Map<String, RecordStore.Reference> REFERENCES =
      Map.of(
          "account_id",
          RecordStore.Reference.to(Table.ACCOUNT, "accountId"),
          "owner_id",
          RecordStore.Reference.user("ownerId"));

  @Transactional
  public void delete(UUID id) {
    records.softDelete(Table.CONTACT, id);
  }

  @Transactional
  public ContactView restore(UUID id) {
    records.restore(Table.CONTACT, id);
    return find(id, false);
  }

  @Transactional(readOnly = true)
  public List<RecordStore.Change> history(UUID id) {
    return records.history(Table.CONTACT, id);
  }

  public record BulkChange(
      List<UUID> ids,
      @Nullable UUID ownerId,
      @Nullable List<String> addTags,
      @Nullable List<String> removeTags) {}

  /**
   * Assigns an owner and adds or removes tags on many contacts at once; each change goes to the
   * history.
   */
  @Transactional
  public int bulk(BulkChange change) {
    if (change.ownerId() != null) {
      records.requireUser("ownerId", change.ownerId());
    }
    for (UUID id : change.ids()) {
      records.requireReference(Table.CONTACT, "ids", id);
    }
    int changed = 0;
    for (UUID id : change.ids()) {
      var row = records.current(Table.CONTACT, id);
      Map<String, @Nullable Object> columns = new LinkedHashMap<>();
      if (change.addTags() != null || change.removeTags() != null) {
        List<String> tags = new ArrayList<>();
        row.get("tags").forEach(t -> tags.add(t.asString()));
        if (change.removeTags() != null) {
          tags.removeAll(change.removeTags());
        }
        if (change.addTags() != null) {
          change.addTags().stream()
              .map(String::strip)
              .filter(t -> !t.isEmpty() && !tags.contains(t))
              .forEach(tags::add);
        }
        columns.put("tags", tags.toArray(String[]::new));
      }
      var after = records.update(Table.CONTACT, id, row.get("version").asLong(), columns);
      // the owner last, as in update: the contact may leave the caller's sight
      if (change.ownerId() != null
          && !change.ownerId().toString().equals(after.get("owner_id").asString())) {
        records.handOverContact(
            id, after.get("version").asLong(), change.ownerId(), () -> find(id, false));
      }
      changed++;
    }
    return changed;
  }

  static String @Nullable [] tags(@Nullable List<String> tags) {
    return tags == null
        ? new String[0]
        : tags.stream()
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .distinct()
            .toArray(String[]::new);
  }

  static @Nullable String blank(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Who owns the tenant's contact of a provider, when one exists that the user cannot see. */
  public record ColleaguesContact(@Nullable UUID ownerId, @Nullable String ownerName) {}

  private Optional<ColleaguesContact> colleaguesContact(long npi) {
    if (!jdbc.sql("SELECT medsales_contact_exists(?)").param(npi).query(Boolean.class).single()) {
      return Optional.empty();
    }
    UUID owner =
        jdbc.sql("SELECT medsales_contact_owner(?)")
            .param(npi)
            .query(UUID.class)
            .optional()
            .orElse(null);
    String name =
        owner == null
            ? null
            : jdbc.sql(
                    "SELECT display_name FROM app_user WHERE id = ? AND tenant_id = medsales_tenant()")
                .param(owner)
                .query(String.class)
                .optional()
                .orElse(null);
    return Optional.of(new ColleaguesContact(owner, name));
  }

  Optional<UUID> byNpi(long npi) {
    return jdbc.sql(
            "SELECT id FROM contact WHERE tenant_id = medsales_tenant() AND npi = ? AND deleted_at IS NULL")
        .param(npi)
        .query(UUID.class)
        .optional();
  }
}
