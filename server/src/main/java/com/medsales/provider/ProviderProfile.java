package com.medsales.provider;

import com.medsales.payments.OpenPaymentsYear;
import com.medsales.utilization.PartBYear;
import com.medsales.utilization.PartDYear;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider's NPPES facts, as {@code GET /api/v1/providers/{npi}} shows them, their Medicare Part
 * B and Part D years, their Open Payments program years and the organisations they are affiliated
 * with (see {@link Affiliation}). Public data only, the same for every tenant, so it is cached by
 * NPI. An NPI that NPPES lacks but a CMS file has answers with {@code inRegistry} false, status
 * {@code NOT_IN_REGISTRY}, and the name and address the CMS file gives.
 */
public record ProviderProfile(
    String npi,
    boolean inRegistry,
    @Nullable String entityType,
    String status,
    @Nullable LocalDate deactivationDate,
    @Nullable String deactivationReason,
    @Nullable LocalDate reactivationDate,
    @Nullable String replacementNpi,
    Name name,
    @Nullable String sex,
    @Nullable LocalDate enumerationDate,
    @Nullable LocalDate lastUpdateDate,
    @Nullable LocalDate certificationDate,
    @Nullable Boolean soleProprietor,
    @Nullable Boolean organizationSubpart,
    @Nullable ParentOrganization parentOrganization,
    @Nullable AuthorizedOfficial authorizedOfficial,
    List<Address> addresses,
    List<Taxonomy> taxonomies,
    List<Identifier> identifiers,
    List<OtherName> otherNames,
    List<PartBYear> partB,
    List<PartDYear> partD,
    List<OpenPaymentsYear> openPayments,
    List<Affiliation> affiliations)
    implements Serializable {

  public static final String INDIVIDUAL = "INDIVIDUAL";
  public static final String ORGANIZATION = "ORGANIZATION";
  public static final String ACTIVE = "ACTIVE";
  public static final String DEACTIVATED = "DEACTIVATED";
  public static final String NOT_IN_REGISTRY = "NOT_IN_REGISTRY";

  public record Name(
      String display,
      @Nullable String organization,
      @Nullable String prefix,
      @Nullable String first,
      @Nullable String middle,
      @Nullable String last,
      @Nullable String suffix,
      @Nullable String credential)
      implements Serializable {}

  public record ParentOrganization(@Nullable String name, @Nullable String tin)
      implements Serializable {}

  public record AuthorizedOfficial(
      @Nullable String prefix,
      @Nullable String first,
      @Nullable String middle,
      @Nullable String last,
      @Nullable String suffix,
      @Nullable String credential,
      @Nullable String title,
      @Nullable String phone)
      implements Serializable {}

  /** kind: MAILING, PRACTICE (the primary practice location) or SECONDARY. */
  public record Address(
      String kind,
      @Nullable String line1,
      @Nullable String line2,
      @Nullable String city,
      @Nullable String state,
      @Nullable String postalCode,
      @Nullable String zip5,
      @Nullable String country,
      @Nullable String phone,
      @Nullable String fax,
      @Nullable Double latitude,
      @Nullable Double longitude,
      @Nullable String geoPrecision)
      implements Serializable {}

  public record Taxonomy(
      String code,
      @Nullable String displayName,
      @Nullable String classification,
      @Nullable String specialization,
      @Nullable String licenseNumber,
      @Nullable String licenseState,
      boolean primary,
      @Nullable String group)
      implements Serializable {}

  public record Identifier(
      String identifier, @Nullable String typeCode, @Nullable String state, @Nullable String issuer)
      implements Serializable {}

  public record OtherName(String name, @Nullable String typeCode, String source)
      implements Serializable {}
}
