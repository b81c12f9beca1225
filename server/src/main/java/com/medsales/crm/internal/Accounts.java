package com.medsales.crm.internal;

import com.medsales.crm.internal.RecordStore.Table;
import com.medsales.identity.MedsalesUser;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.RecordNotFound;
import com.medsales.provider.ProviderProfile;
import com.medsales.provider.Providers;
import com.medsales.shared.LikePatterns;
import com.medsales.shared.Npi;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: hospitals, practices, groups, optionally linked to an organisation NPI whose facts are
 * read live.
 */
@Service("crmAccounts")
public class Accounts {

  private final JdbcClient jdbc;
  private final RecordStore records;
  private final Providers providers;

  Accounts(JdbcClient jdbc, RecordStore records, Providers providers) {
    this.jdbc = jdbc;
    this.records = records;
    this.providers = providers;
  }

  public record AccountView(
      UUID id,
      long version,
      String name,
      String kind,
      @Nullable String npi,
      @Nullable String city,
      @Nullable String state,
      @Nullable String zip5,
      @Nullable String phone,
      @Nullable String website,
      UUID ownerId,
      String ownerName,
      List<String> tags,
      @Nullable String notes,
      long contactCount,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      @Nullable ProviderProfile organization) {}

  private static final String SELECT =
      """
      SELECT a.*, u.display_name AS owner_name, loc.city AS p_city, loc.state AS p_state, loc.zip5 AS p_zip5,
             loc.phone AS p_phone,
             (SELECT count(*) FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL) AS contact_count
      FROM account a
      JOIN app_user u ON u.id = a.owner_id
      LEFT JOIN LATERAL (
        SELECT city, state, zip5, phone FROM provider_address WHERE npi = a.npi AND kind = 'PRACTICE' ORDER BY seq LIMIT 1
      ) loc ON true
      """;

  private static AccountView view(ResultSet rs, @Nullable ProviderProfile organization)
      throws SQLException {
    long npi = rs.getLong("npi");
    boolean linked = !rs.wasNull();
    return new AccountView(
        rs.getObject("id", UUID.class),
        rs.getLong("version"),
        rs.getString("name"),
        rs.getString("kind"),
        linked ? Long.toString(npi) : null,
        rs.getString("p_city"),
        rs.getString("p_state"),
        rs.getString("p_zip5") != null ? rs.getString("p_zip5") : rs.getString("zip5"),
        rs.getString("phone") != null ? rs.getString("phone") : rs.getString("p_phone"),
        rs.getString("website"),
        rs.getObject("owner_id", UUID.class),
        rs.getString("owner_name"),
        List.of((String[]) rs.getArray("tags").getArray()),
        rs.getString("notes"),
        rs.getLong("contact_count"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class),
        organization);
  }

  public record NewAccount(
      String name,
      String kind,
      @Nullable String npi,
      @Nullable String phone,
      @Nullable String website,
      @Nullable String zip5,
      @Nullable UUID ownerId,
      @Nullable List<String> tags,
      @Nullable String notes) {}

  @Transactional
  public AccountView create(MedsalesUser user, NewAccount request) {
    Long npi = null;
    if (request.npi() != null && !request.npi().isBlank()) {
      if (!Npi.isValid(request.npi().strip())) {
        throw InvalidFields.of("npi", "is not a valid NPI (10 digits with a correct check digit)");
      }
      npi = Long.parseLong(request.npi().strip());
      var organization = providers.find(npi);
      if (organization.isEmpty()
          || !ProviderProfile.ORGANIZATION.equals(organization.get().entityType())) {
        throw InvalidFields.of("npi", "is not an organisation in the NPI registry");
      }
    }
    UUID owner = request.ownerId() != null ? request.ownerId() : user.userId();
    records.requireUser("ownerId", owner);
    UUID id =
        jdbc.sql(
                """
            INSERT INTO account (tenant_id, name, kind, npi, phone, website, zip5, owner_id, tags, notes)
            VALUES (medsales_tenant(), ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
            .params(
                request.name().strip(),
                request.kind(),
                npi,
                Contacts.blank(request.phone()),
                Contacts.blank(request.website()),
                Contacts.blank(request.zip5()),
                owner,
                Contacts.tags(request.tags()),
                Contacts.blank(request.notes()))
            .query(UUID.class)
            .single();
    records.created(Table.ACCOUNT, id);
    return find(id, false);
  }

  @Transactional(readOnly = true)
  public AccountView find(UUID id, boolean withOrganization) {
    return jdbc.sql(
            SELECT + " WHERE a.id = ? AND a.tenant_id = medsales_tenant() AND a.deleted_at IS NULL")
        .param(id)
        .query(
            (rs, n) -> {
              long npi = rs.getLong("npi");
              return view(
                  rs, withOrganization && !rs.wasNull() ? providers.find(npi).orElse(null) : null);
            })
        .optional()
        .orElseThrow(() -> new RecordNotFound("The account"));
  }

  @Transactional(readOnly = true)
  public List<AccountView> list(
      @Nullable String q, @Nullable String tag, @Nullable UUID ownerId, boolean deleted, int size) {
    return jdbc.sql(
            SELECT
                + " WHERE a.tenant_id = medsales_tenant()"
                + RecordStore.currentOrRestorable("a")
                + " AND (CAST(:q AS text) IS NULL OR lower(a.name) LIKE '%' || lower(:q) || '%')"
                + " AND (CAST(:tag AS text) IS NULL OR :tag = ANY(a.tags))"
                + " AND (CAST(:owner AS uuid) IS NULL OR a.owner_id = :owner)"
                + " ORDER BY lower(a.name), a.id LIMIT :size")
        .param("deleted", deleted)
        .param("q", LikePatterns.literal(Contacts.blank(q)))
        .param("tag", Contacts.blank(tag))
        .param("owner", ownerId)
        .param("size", size)
        .query((rs, n) -> view(rs, null))
        .list();
  }

  private static final Map<String, String> FIELDS =
      Map.of(
          "name",
          "name",
          "kind",
          "kind",
          "phone",
          "phone",
          "website",
          "website",
          "zip5",
          "zip5",
          "ownerId",
          "owner_id",
          "tags",
          "tags",
          "notes",
          "notes");

  @Transactional
  public AccountView update(UUID id, long version, Map<String, @Nullable Object> fields) {
    var columns = records.columns(FIELDS, fields, "an account");
    records.requireReferences(columns, Map.of("owner_id", RecordStore.Reference.user("ownerId")));
    records.update(Table.ACCOUNT, id, version, columns, () -> find(id, false));
    return find(id, false);
  }

  @Transactional
  public void delete(UUID id) {
    records.softDelete(Table.ACCOUNT, id);
  }

  @Transactional
  public AccountView restore(UUID id) {
    records.restore(Table.ACCOUNT, id);
    return find(id, false);
  }

  @Transactional(readOnly = true)
  public List<RecordStore.Change> history(UUID id) {
    return records.history(Table.ACCOUNT, id);
  }
}
