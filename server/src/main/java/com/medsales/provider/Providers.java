package com.medsales.provider;

import com.medsales.payments.OpenPayments;
import com.medsales.payments.OpenPaymentsYear;
import com.medsales.utilization.MedicareUtilization;
import com.medsales.utilization.PartBYear;
import com.medsales.utilization.PartDYear;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads the published registry. One query per table for a profile, never per row. */
@Repository
public class Providers {

  private final JdbcClient jdbc;
  private final MedicareUtilization utilization;
  private final OpenPayments payments;
  private final Affiliations affiliations;

  Providers(
      JdbcClient jdbc,
      MedicareUtilization utilization,
      OpenPayments payments,
      Affiliations affiliations) {
    this.jdbc = jdbc;
    this.utilization = utilization;
    this.payments = payments;
    this.affiliations = affiliations;
  }

  /** Provider profiles by NPI; evicted when an ingestion publishes (see {@link ProviderCaches}). */
  public static final String CACHE = "providerProfiles";

  /** The provider 360. Public data only, the same for every tenant, so cached by NPI. */
  @Cacheable(cacheNames = CACHE, key = "#npi")
  @Transactional(readOnly = true)
  public Optional<ProviderProfile> find(long npi) {
    var base =
        jdbc.sql("SELECT * FROM provider WHERE npi = :npi")
            .param("npi", npi)
            .query((rs, i) -> new Row(rs))
            .optional();
    if (base.isEmpty()) {
      return jdbc.sql(
              """
              SELECT c.*, x.display_name, x.classification, x.specialization
              FROM cms_provider c LEFT JOIN taxonomy x ON x.code = c.taxonomy_code WHERE c.npi = :npi
              """)
          .param("npi", npi)
          .query((rs, i) -> fromCms(rs))
          .optional()
          .map(
              cms ->
                  cms.profile(
                      utilization.partB(npi), utilization.partD(npi), payments.byYear(npi)));
    }
    Row p = base.get();
    var addresses =
        jdbc.sql(
                """
                SELECT * FROM provider_address WHERE npi = :npi
                ORDER BY CASE kind WHEN 'PRACTICE' THEN 0 WHEN 'SECONDARY' THEN 1 ELSE 2 END, seq
                """)
            .param("npi", npi)
            .query(
                (rs, i) ->
                    new ProviderProfile.Address(
                        rs.getString("kind"),
                        rs.getString("line1"),
                        rs.getString("line2"),
                        rs.getString("city"),
                        rs.getString("state"),
                        rs.getString("postal_code"),
                        rs.getString("zip5"),
                        rs.getString("country"),
                        rs.getString("phone"),
                        rs.getString("fax"),
                        rs.getObject("latitude", Double.class),
                        rs.getObject("longitude", Double.class),
                        rs.getString("geo_precision")))
            .list();
    var taxonomies =
        jdbc.sql(
                """
                SELECT t.*, x.display_name, x.classification, x.specialization
                FROM provider_taxonomy t LEFT JOIN taxonomy x ON x.code = t.code
                WHERE t.npi = :npi ORDER BY t.is_primary DESC, t.slot
                """)
            .param("npi", npi)
            .query(
                (rs, i) ->
                    new ProviderProfile.Taxonomy(
                        rs.getString("code"),
                        rs.getString("display_name"),
                        rs.getString("classification"),
                        rs.getString("specialization"),
                        rs.getString("license_number"),
                        rs.getString("license_state"),
                        rs.getBoolean("is_primary"),
                        rs.getString("taxonomy_group")))
            .list();
    var identifiers =
        jdbc.sql("SELECT * FROM provider_identifier WHERE npi = :npi ORDER BY slot")
            .param("npi", npi)
            .query(
                (rs, i) ->
                    new ProviderProfile.Identifier(
                        rs.getString("identifier"),
                        rs.getString("type_code"),
                        rs.getString("state"),
                        rs.getString("issuer")))
            .list();
    var otherNames =
        jdbc.sql("SELECT * FROM provider_other_name WHERE npi = :npi ORDER BY seq")
            .param("npi", npi)
            .query(
                (rs, i) ->
                    new ProviderProfile.OtherName(
                        rs.getString("name"), rs.getString("type_code"), rs.getString("source")))
            .list();
    return Optional.of(
        p.profile(
            addresses,
            taxonomies,
            identifiers,
            otherNames,
            utilization.partB(npi),
            utilization.partD(npi),
            payments.byYear(npi),
            affiliations.of(npi, true)));
  }

  /**
   * An NPI that NPPES lacks, as the latest CMS file names and places it (cms_provider, V83), before
   * its CMS years.
   */
  private record CmsOnly(
      long npi,
      @Nullable String entityType,
      ProviderProfile.Name name,
      ProviderProfile.Address address,
      List<ProviderProfile.Taxonomy> taxonomies) {

    ProviderProfile profile(
        List<PartBYear> partB, List<PartDYear> partD, List<OpenPaymentsYear> openPayments) {
      return new ProviderProfile(
          String.valueOf(npi),
          false,
          entityType,
          ProviderProfile.NOT_IN_REGISTRY,
          null,
          null,
          null,
          null,
          name,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          List.of(address),
          taxonomies,
          List.of(),
          List.of(),
          partB,
          partD,
          openPayments,
          List.of());
    }
  }

  private static CmsOnly fromCms(ResultSet rs) throws SQLException {
    Short type = rs.getObject("entity_type", Short.class);
    boolean organization = type != null && type == 2;
    String first = rs.getString("first_name");
    String middle = rs.getString("middle_name");
    String last = rs.getString("last_name");
    String credential = rs.getString("credential");
    String org = rs.getString("organization_name");
    String display =
        organization
            ? String.valueOf(org)
            : String.join(
                    " ",
                    java.util.stream.Stream.of(first, middle, last).filter(s -> s != null).toList())
                + (credential == null ? "" : ", " + credential);
    String code = rs.getString("taxonomy_code");
    return new CmsOnly(
        rs.getLong("npi"),
        type == null
            ? null
            : organization ? ProviderProfile.ORGANIZATION : ProviderProfile.INDIVIDUAL,
        new ProviderProfile.Name(
            display.isBlank() ? String.valueOf(rs.getLong("npi")) : display,
            organization ? org : null,
            null,
            organization ? null : first,
            organization ? null : middle,
            organization ? null : last,
            null,
            credential),
        new ProviderProfile.Address(
            "PRACTICE",
            rs.getString("line1"),
            rs.getString("line2"),
            rs.getString("city"),
            rs.getString("state"),
            rs.getString("zip5"),
            rs.getString("zip5"),
            rs.getString("country"),
            null,
            null,
            rs.getObject("latitude", Double.class),
            rs.getObject("longitude", Double.class),
            rs.getString("geo_precision")),
        code == null
            ? List.of()
            : List.of(
                new ProviderProfile.Taxonomy(
                    code,
                    rs.getString("display_name"),
                    rs.getString("classification"),
                    rs.getString("specialization"),
                    null,
                    null,
                    true,
                    null)));
  }

  /** The provider row, read once. */
  private static final class Row {
    final long npi;
    final @Nullable Short entityType;
    final boolean active;
    final String organization,
        last,
        first,
        middle,
        prefix,
        suffix,
        credential,
        sex,
        deactivationReason;
    final @Nullable Long replacementNpi;
    final @Nullable LocalDate deactivation, reactivation, enumeration, lastUpdate, certification;
    final @Nullable Boolean soleProprietor, subpart;
    final String parentName, parentTin;
    final String aoLast, aoFirst, aoMiddle, aoTitle, aoPhone, aoPrefix, aoSuffix, aoCredential;

    Row(ResultSet rs) throws SQLException {
      npi = rs.getLong("npi");
      entityType = rs.getObject("entity_type", Short.class);
      active = rs.getBoolean("active");
      organization = rs.getString("organization_name");
      last = rs.getString("last_name");
      first = rs.getString("first_name");
      middle = rs.getString("middle_name");
      prefix = rs.getString("name_prefix");
      suffix = rs.getString("name_suffix");
      credential = rs.getString("credential");
      sex = rs.getString("sex");
      deactivationReason = rs.getString("deactivation_reason");
      replacementNpi = rs.getObject("replacement_npi", Long.class);
      deactivation = rs.getObject("deactivation_date", LocalDate.class);
      reactivation = rs.getObject("reactivation_date", LocalDate.class);
      enumeration = rs.getObject("enumeration_date", LocalDate.class);
      lastUpdate = rs.getObject("last_update_date", LocalDate.class);
      certification = rs.getObject("certification_date", LocalDate.class);
      soleProprietor = rs.getObject("sole_proprietor", Boolean.class);
      subpart = rs.getObject("organization_subpart", Boolean.class);
      parentName = rs.getString("parent_organization_name");
      parentTin = rs.getString("parent_organization_tin");
      aoLast = rs.getString("official_last_name");
      aoFirst = rs.getString("official_first_name");
      aoMiddle = rs.getString("official_middle_name");
      aoTitle = rs.getString("official_title");
      aoPhone = rs.getString("official_phone");
      aoPrefix = rs.getString("official_prefix");
      aoSuffix = rs.getString("official_suffix");
      aoCredential = rs.getString("official_credential");
    }

    ProviderProfile profile(
        java.util.List<ProviderProfile.Address> addresses,
        java.util.List<ProviderProfile.Taxonomy> taxonomies,
        java.util.List<ProviderProfile.Identifier> identifiers,
        java.util.List<ProviderProfile.OtherName> otherNames,
        java.util.List<PartBYear> partB,
        java.util.List<PartDYear> partD,
        java.util.List<OpenPaymentsYear> openPayments,
        java.util.List<Affiliation> affiliations) {
      String type =
          entityType == null
              ? null
              : entityType == 1 ? ProviderProfile.INDIVIDUAL : ProviderProfile.ORGANIZATION;
      String display =
          organization != null
              ? organization
              : String.join(
                  " ",
                  java.util.stream.Stream.of(prefix, first, middle, last, suffix)
                      .filter(s -> s != null)
                      .toList());
      if (credential != null && organization == null) {
        display = display + ", " + credential;
      }
      boolean hasOfficial = aoLast != null || aoFirst != null;
      boolean hasParent = parentName != null || parentTin != null;
      return new ProviderProfile(
          String.valueOf(npi),
          true,
          type,
          active ? ProviderProfile.ACTIVE : ProviderProfile.DEACTIVATED,
          deactivation,
          deactivationReason,
          reactivation,
          replacementNpi == null ? null : String.valueOf(replacementNpi),
          new ProviderProfile.Name(
              display.isBlank() ? String.valueOf(npi) : display,
              organization,
              prefix,
              first,
              middle,
              last,
              suffix,
              credential),
          sex,
          enumeration,
          lastUpdate,
          certification,
          soleProprietor,
          subpart,
          hasParent ? new ProviderProfile.ParentOrganization(parentName, parentTin) : null,
          hasOfficial
              ? new ProviderProfile.AuthorizedOfficial(
                  aoPrefix, aoFirst, aoMiddle, aoLast, aoSuffix, aoCredential, aoTitle, aoPhone)
              : null,
          addresses,
          taxonomies,
          identifiers,
          otherNames,
          partB,
          partD,
          openPayments,
          affiliations);
    }
  }
}
